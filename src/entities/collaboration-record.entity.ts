import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";
import { CollaborationEventKind, CollaborationKind, CollaborationOutcome, CollaborationStatus } from "../domain/collaboration-enums";

/**
 * 执法协作: a case transfer, clue referral, joint enforcement or consultation between agencies. It exists
 * only for its parties and for the market-regulation bureaus whose jurisdiction covers its region.
 */
@ObjectType({ description: "An enforcement collaboration record between agencies, with its timeline and outcome." })
@Guard("authenticated")
@Entity({ name: "collaboration_records" })
export class CollaborationRecord {
  @Field(() => ID, { description: "The hub's id of the record." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => CollaborationKind, { description: "Kind of collaboration." })
  @Column({ type: "text" })
  kind: CollaborationKind;

  @Field(() => String, { description: "Title." })
  @Column({ type: "text" })
  title: string;

  @Field(() => String, { description: "Summary of the matter." })
  @Column({ type: "text", default: "" })
  summary: string;

  @Column({ type: "uuid", name: "initiator_agency_id" })
  initiatorAgencyId: string;

  @Field(() => String, { description: "Code of the initiating agency." })
  @Column({ type: "text", name: "initiator_agency_code" })
  initiatorAgencyCode: string;

  @Field(() => String, { description: "Region the collaboration concerns; bureaus covering it supervise it." })
  @Column({ type: "text", name: "region_code" })
  regionCode: string;

  @Field(() => CollaborationStatus, { description: "OPEN or CLOSED." })
  @Column({ type: "text" })
  status: CollaborationStatus;

  @Field(() => CollaborationOutcome, { nullable: true, description: "Outcome, once closed." })
  @Column({ type: "text", nullable: true })
  outcome: CollaborationOutcome | null;

  @Column({ type: "uuid", array: true, name: "related_institution_ids" })
  relatedInstitutionIds: string[];

  @Column({ type: "uuid", array: true, name: "related_case_ids" })
  relatedCaseIds: string[];

  @Field(() => Date, { description: "When it was opened (and first sent)." })
  @Column({ type: "timestamptz", name: "opened_at" })
  openedAt: Date;

  @Field(() => Date, { nullable: true, description: "When it was closed." })
  @Column({ type: "timestamptz", name: "closed_at", nullable: true })
  closedAt: Date | null;

  @Field(() => Int, { description: "Optimistic-concurrency version; adding an event quotes it." })
  @Column({ type: "int", default: 1 })
  version: number;
}

/** A party to a collaboration record. */
@ObjectType({ description: "A party to a collaboration: the initiator or a participant." })
@Guard("authenticated")
@Entity({ name: "collaboration_participants" })
export class CollaborationParticipant {
  @PrimaryColumn({ type: "uuid", name: "record_id" })
  recordId: string;

  @PrimaryColumn({ type: "uuid", name: "agency_id" })
  agencyId: string;

  @Field(() => String, { description: "Agency code." })
  @Column({ type: "text", name: "agency_code" })
  agencyCode: string;

  @Field(() => String, { description: "INITIATOR or PARTICIPANT." })
  @Column({ type: "text" })
  role: "INITIATOR" | "PARTICIPANT";
}

/** A step on a collaboration's timeline. Append-only. */
@ObjectType({ description: "A step on a collaboration's timeline: sent, received, accepted, replied, information provided, closed." })
@Guard("authenticated")
@Entity({ name: "collaboration_events" })
export class CollaborationEvent {
  @Field(() => ID, { description: "Position in the log." })
  @PrimaryGeneratedColumn({ type: "bigint" })
  seq: string;

  @Column({ type: "uuid", name: "record_id" })
  recordId: string;

  @Field(() => CollaborationEventKind, { description: "The step." })
  @Column({ type: "text" })
  kind: CollaborationEventKind;

  @Field(() => String, { description: "Note." })
  @Column({ type: "text", default: "" })
  note: string;

  @Field(() => String, { description: "Agency that recorded it." })
  @Column({ type: "text", name: "actor_agency_code" })
  actorAgencyCode: string;

  @Field(() => Date, { description: "When." })
  @Column({ type: "timestamptz", name: "occurred_at" })
  occurredAt: Date;
}
