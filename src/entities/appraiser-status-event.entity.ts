import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { AppraiserStatus } from "../domain/directory-enums";
import { Guard } from "../policy/guard";

/**
 * One status an appraiser had from a day on (`appraiser_status_events`): the status registered with, then
 * each change (`changeAppraiserStatus`) with its reason, decision number and deciding agency. For agencies,
 * like the appraiser's status.
 */
@ObjectType("AppraiserStatusChange", { description: "A status an appraiser had from a day on: the status registered with, then each decision." })
@Guard("authenticated")
@Entity({ name: "appraiser_status_events" })
export class AppraiserStatusEvent {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  @Column({ type: "uuid", name: "appraiser_id" })
  appraiserId: string;

  @Field(() => AppraiserStatus, { description: "The status from `effectiveOn` on." })
  @Column({ type: "text" })
  status: AppraiserStatus;

  @Field(() => String, { nullable: true, description: "Why (null for the status the appraiser was registered with)." })
  @Column({ type: "text", nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true, description: "The decision's document number (决定书文号), when one was given." })
  @Column({ type: "text", name: "decision_doc_no", nullable: true })
  decisionDocNo: string | null;

  @Field(() => String, { nullable: true, description: "Code of the agency that decided (null for the status the appraiser was registered with)." })
  @Column({ type: "text", name: "decided_by", nullable: true })
  decidedBy: string | null;

  @Field(() => String, { nullable: true, description: "Day it took effect (YYYY-MM-DD); null for the status the appraiser was registered with, which holds from before the hub's records." })
  @Column({ type: "date", name: "effective_on", nullable: true })
  effectiveOn: string | null;
}
