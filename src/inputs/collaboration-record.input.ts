import { Field, ID, InputType } from "type-graphql";
import { CollaborationEventKind, CollaborationKind, CollaborationOutcome, CollaborationStatus } from "../domain/collaboration-enums";
import { RegionCodeScalar } from "../scalars/scalars";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "A new collaboration record. The caller's agency is the initiator; the record is sent at once." })
export class OpenCollaborationInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") }) idempotencyKey: string;
  @Field(() => CollaborationKind, { description: "Kind." }) kind: CollaborationKind;
  @Field(() => String, { description: "Title." }) title: string;
  @Field(() => [String], { description: "Codes of the participant agencies." }) participantAgencyCodes: string[];
  @Field(() => RegionCodeScalar, { nullable: true, description: "Region concerned (default: the initiator's)." }) regionCode?: string | null;
  @Field(() => [ID], { nullable: true, description: "Related institutions." }) relatedInstitutionIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: "Related appraisal cases." }) relatedCaseIds?: string[] | null;
  @Field(() => String, { nullable: true, description: "Summary." }) summary?: string | null;
}

@InputType({ description: "A step on the timeline. Only the initiator sends and closes; closing needs an outcome." })
export class CollaborationEventInput {
  @Field(() => CollaborationEventKind, { description: "The step." }) kind: CollaborationEventKind;
  @Field(() => String, { nullable: true, description: "Note." }) note?: string | null;
  @Field(() => CollaborationOutcome, { nullable: true, description: "Outcome, with CLOSED." }) outcome?: CollaborationOutcome | null;
}

@InputType({ description: "Narrows the collaboration records." })
export class CollaborationRecordFilter {
  @Field(() => CollaborationKind, { nullable: true, description: "Kind." }) kind?: CollaborationKind | null;
  @Field(() => CollaborationStatus, { nullable: true, description: "Status." }) status?: CollaborationStatus | null;
  @Field(() => RegionCodeScalar, { nullable: true, description: "Region (sub-regions included)." }) regionCode?: string | null;
}
