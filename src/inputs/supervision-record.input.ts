import { Field, Float, ID, InputType } from "type-graphql";
import { SupervisionKind, SupervisionResult } from "../domain/case-enums";
import { LocalDateScalar } from "../scalars/scalars";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "An inspection, document-quality review or circular about an institution in your jurisdiction." })
export class RecordInspectionInput {
  @Field(() => String, { nullable: true, description: idempotencyKeyDescription("Optional: retrying with the same key and input returns the first result.") }) idempotencyKey?: string | null;
  @Field(() => ID, { description: "The institution." }) institutionId: string;
  @Field(() => SupervisionKind, { description: "Kind." }) kind: SupervisionKind;
  @Field(() => LocalDateScalar, { description: "Day it was conducted." }) conductedOn: string;
  @Field(() => SupervisionResult, { description: "Outcome." }) result: SupervisionResult;
  @Field(() => Float, { nullable: true, description: "Score 0–100." }) score?: number | null;
  @Field(() => String, { nullable: true, description: "Findings." }) findings?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Rectification deadline (required when rectification is required)." }) rectificationDeadline?: string | null;
}

@InputType({ description: "Narrows the supervision records." })
export class SupervisionRecordFilter {
  @Field(() => ID, { nullable: true, description: "Institution." }) institutionId?: string | null;
  @Field(() => SupervisionKind, { nullable: true, description: "Kind." }) kind?: SupervisionKind | null;
}
