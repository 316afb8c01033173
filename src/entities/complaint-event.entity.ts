import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";
import { ComplaintStatus } from "../domain/case-enums";

/** A step in handling a complaint. Append-only. */
@ObjectType({ description: "A step in handling a complaint." })
@Guard("authenticated")
@Entity({ name: "complaint_events" })
export class ComplaintEvent {
  @Field(() => ID, { description: "Position in the log." })
  @PrimaryGeneratedColumn({ type: "bigint" })
  seq: string;

  @Column({ type: "uuid", name: "feedback_id" })
  feedbackId: string;

  @Field(() => ComplaintStatus, { description: "Status before." })
  @Column({ type: "text", name: "from_status" })
  fromStatus: ComplaintStatus;

  @Field(() => ComplaintStatus, { description: "Status after." })
  @Column({ type: "text", name: "to_status" })
  toStatus: ComplaintStatus;

  @Field(() => String, { description: "Note recorded with the step." })
  @Column({ type: "text" })
  note: string;

  @Field(() => String, { description: "Agency that handled it." })
  @Column({ type: "text", name: "actor_agency_code" })
  actorAgencyCode: string;

  @Field(() => Date, { description: "When." })
  @Column({ type: "timestamptz", name: "recorded_at", default: () => "now()" })
  recordedAt: Date;
}
