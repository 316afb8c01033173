import { Field, ID, ObjectType } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";
import { CaseAction, CaseStatus } from "../domain/case-enums";

/** One step of a case, with who recorded it and when (全过程留痕). Append-only. */
@ObjectType({ description: "A recorded step of an appraisal case." })
@Guard("authenticated")
@Entity({ name: "case_events" })
export class CaseEvent {
  @Field(() => ID, { description: "Position in the hub's case log." })
  @PrimaryGeneratedColumn({ type: "bigint" })
  seq: string;

  @Column({ type: "uuid", name: "case_id" })
  caseId: string;

  @Field(() => String, { description: "ENTRUST, or the CaseAction recorded." })
  @Column({ type: "text" })
  action: CaseAction | "ENTRUST";

  @Field(() => CaseStatus, { description: "Status before." })
  @Column({ type: "text", name: "from_status" })
  fromStatus: CaseStatus;

  @Field(() => CaseStatus, { description: "Status after." })
  @Column({ type: "text", name: "to_status" })
  toStatus: CaseStatus;

  @Field(() => String, { description: "Day it happened (YYYY-MM-DD)." })
  @Column({ type: "date", name: "occurred_on" })
  occurredOn: string;

  @Field(() => String, { nullable: true, description: "Reason or note given with the step." })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @Field(() => GraphQLJSONObject, { description: "Particulars of the step (rejection reason, appraisers assigned, opinion number, extension)." })
  @Column({ type: "jsonb" })
  detail: Record<string, unknown>;

  @Field(() => String, { description: "Agency that recorded it." })
  @Column({ type: "text", name: "actor_agency_code" })
  actorAgencyCode: string;

  @Field(() => String, { nullable: true, description: "Client system that recorded it." })
  @Column({ type: "text", name: "actor_client_name", nullable: true })
  actorClientName: string | null;

  @Field(() => Date, { description: "When the hub recorded it." })
  @Column({ type: "timestamptz", name: "recorded_at", default: () => "now()" })
  recordedAt: Date;
}
