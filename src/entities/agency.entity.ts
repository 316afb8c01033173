import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Guard, Public } from "../policy/guard";
import { AgencyKind, RecordStatus } from "./agency-kind";

/** 接入单位: an agency registered with the hub. Its kind and region decide what its systems may do. */
@ObjectType({ description: "An agency registered with the hub (接入单位): a court, procuratorate, police bureau, market-regulation bureau, industry association, appraisal institution or other department." })
@Guard("agencyAdministration")
@Entity({ name: "agencies" })
export class Agency {
  @Field(() => ID, { description: "The hub's internal id of the agency." })
  @Public()
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String, { description: "The agency's fixed code, e.g. `XY-COURT`. Federation key." })
  @Public()
  @Column({ type: "text", unique: true })
  code: string;

  @Field(() => String, { description: "Official name, e.g. 信阳市中级人民法院." })
  @Public()
  @Column({ type: "text" })
  name: string;

  @Field(() => AgencyKind, { description: "What kind of agency this is." })
  @Public()
  @Column({ type: "text" })
  kind: AgencyKind;

  @Field(() => String, { description: "6-digit administrative division code (GB/T 2260) of the agency's jurisdiction." })
  @Public()
  @Column({ type: "text", name: "region_code" })
  regionCode: string;

  @Field(() => RecordStatus, { nullable: true, description: "Whether the agency may call the hub. Visible to the agency itself and to market-regulation bureaus in jurisdiction." })
  @Column({ type: "text", default: RecordStatus.ACTIVE })
  status: RecordStatus;

  @Field(() => Int, { nullable: true, description: "The agency's own query-cost budget per rate-limit window for each of its systems and signed-in people; null: the hub's default. Visible like `status`." })
  @Column({ type: "int", name: "rate_limit_points", nullable: true })
  rateLimitPoints: number | null;

  @Field(() => String, { nullable: true, description: "Why the agency was last disabled (or enabled again). Visible like `status`." })
  @Column({ type: "text", name: "status_reason", nullable: true })
  statusReason: string | null;

  @Field(() => String, { nullable: true, description: "Code of the agency above it (the province bureau of a city bureau, the higher court), if registered." })
  @Public()
  @Column({ type: "text", name: "parent_code", nullable: true })
  parentCode: string | null;

  @Field(() => Int, { nullable: true, description: "Optimistic-concurrency version; edits must quote it." })
  @Column({ type: "int", default: 1 })
  version: number;

  @Column({ type: "uuid", name: "institution_id", nullable: true })
  institutionId: string | null;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz", name: "updated_at" })
  updatedAt: Date;
}
