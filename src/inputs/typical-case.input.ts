import { Field, InputType } from "type-graphql";
import { TechnicalField } from "../domain/directory-enums";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "A closed case as a typical case: de-identified text only (no personal names, ID numbers, phones, credit codes or case numbers: checked)." })
export class PublishTypicalCaseInput {
  @Field(() => String, { nullable: true, description: idempotencyKeyDescription("Optional: retrying with the same key and input returns the first result.") }) idempotencyKey?: string | null;
  @Field(() => String, { description: "Title (at most 200 characters)." }) title: string;
  @Field(() => String, { description: "Summary (at most 8,000 characters)." }) summary: string;
  @Field(() => [String], { description: "Key points (at most 20, each at most 500 characters)." }) keyPoints: string[];
  @Field(() => [String], { nullable: true, description: "Codes of the catalogue's standards the appraisal applied." }) standardsApplied?: string[] | null;
}

@InputType({ description: "Narrows the case library. All given conditions apply." })
export class TypicalCaseFilter {
  @Field(() => TechnicalField, { nullable: true, description: "Technical field." }) technicalField?: TechnicalField | null;
  @Field(() => String, { nullable: true, description: "Appraisal matter, exactly (e.g. 专利侵权比对)." }) matter?: string | null;
  @Field(() => String, { nullable: true, description: "Part of the title or summary." }) textContains?: string | null;
}
