import { Field, Float, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";
import { SupervisionKind, SupervisionResult } from "../domain/case-enums";

/**
 * 行业自律监管: a practice inspection, document-quality review or circular about an institution, by its
 * association or bureau. It exists for the bureaus, associations and procuratorates whose jurisdiction
 * covers the institution, and for the institution itself.
 */
@ObjectType({ description: "A supervision record about an institution: inspection, document-quality review or circular." })
@Guard("authenticated")
@Entity({ name: "supervision_records" })
export class SupervisionRecord {
  @Field(() => ID, { description: "The hub's id of the record." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid", name: "institution_id" })
  institutionId: string;

  @Column({ type: "text", name: "institution_region_code" })
  institutionRegionCode: string;

  @Field(() => SupervisionKind, { description: "What kind of supervision." })
  @Column({ type: "text" })
  kind: SupervisionKind;

  @Field(() => String, { description: "Day it was conducted." })
  @Column({ type: "date", name: "conducted_on" })
  conductedOn: string;

  @Field(() => SupervisionResult, { description: "Outcome." })
  @Column({ type: "text" })
  result: SupervisionResult;

  @Field(() => Float, { nullable: true, description: "Score, 0–100." })
  @Column({ type: "numeric", precision: 5, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  score: number | null;

  @Field(() => String, { description: "Findings." })
  @Column({ type: "text", default: "" })
  findings: string;

  @Field(() => String, { nullable: true, description: "Rectification deadline, when rectification is required." })
  @Column({ type: "date", name: "rectification_deadline", nullable: true })
  rectificationDeadline: string | null;

  @Field(() => String, { description: "Agency that recorded it." })
  @Column({ type: "text", name: "recorded_by_agency_code" })
  recordedByAgencyCode: string;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;
}
