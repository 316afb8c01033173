import { Field, ID, InputType } from "type-graphql";
import { InstitutionGrade } from "../domain/directory-enums";
import { idempotencyKeyDescription } from "../domain/idempotency-key";
import { LocalDateScalar } from "../scalars/scalars";

@InputType({ description: "An industry association's grade of an institution (等级评价)." })
export class RecordInstitutionGradeInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") }) idempotencyKey: string;
  @Field(() => ID, { description: "The institution, in the association's jurisdiction." }) institutionId: string;
  @Field(() => InstitutionGrade, { description: "The grade." }) grade: InstitutionGrade;
  @Field(() => LocalDateScalar, { description: "Day it was decided (not in the future)." }) decidedOn: string;
  @Field(() => LocalDateScalar, { description: "Last day it is valid (after decidedOn)." }) validUntil: string;
  @Field(() => String, { nullable: true, description: "The decision's document number." }) decisionDocNo?: string | null;
}
