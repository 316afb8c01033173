import { Field, InputType } from "type-graphql";
import { TechnicalField } from "../domain/directory-enums";
import { StandardKind, StandardStatus } from "../entities/standard.entity";
import { LocalDateScalar } from "../scalars/scalars";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "Narrows the standards catalogue. All given conditions apply." })
export class StandardFilter {
  @Field(() => TechnicalField, { nullable: true, description: "Standards of this field, and the general ones (no field)." }) technicalField?: TechnicalField | null;
  @Field(() => StandardKind, { nullable: true, description: "Kind." }) kind?: StandardKind | null;
  @Field(() => StandardStatus, { nullable: true, description: "Status." }) status?: StandardStatus | null;
  @Field(() => String, { nullable: true, description: "Part of the code, however its spaces and dashes are written (45563, GB/T45563.2-2025)." }) codeContains?: string | null;
  @Field(() => String, { nullable: true, description: "Part of the title or part name." }) titleContains?: string | null;
}

@InputType({ description: "A standard to add to the catalogue. Enter only published standards, as published." })
export class AddStandardInput {
  @Field(() => String, { nullable: true, description: idempotencyKeyDescription("Optional: retrying with the same key and input returns the first result.") }) idempotencyKey?: string | null;
  @Field(() => String, { description: "Code as published, e.g. `GB/T 45563.2—2025`; a code already in the catalogue (however spelt) answers CONFLICT." }) code: string;
  @Field(() => String, { description: "Title." }) title: string;
  @Field(() => String, { nullable: true, description: "Part, e.g. 第2部分：专利." }) part?: string | null;
  @Field(() => StandardKind, { description: "Kind." }) kind: StandardKind;
  @Field(() => TechnicalField, { nullable: true, description: "Field it covers; omit for a general standard." }) technicalField?: TechnicalField | null;
  @Field(() => String, { nullable: true, description: "Issuing body." }) issuedBy?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Issued on (发布)." }) issuedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Effective on (实施); not before issuedOn." }) effectiveOn?: string | null;
}

@InputType({ description: "Changes to a catalogue entry; omitted fields stay as they are. The code does not change: a new edition is a new entry." })
export class UpdateStandardInput {
  @Field(() => String, { nullable: true, description: "Title." }) title?: string | null;
  @Field(() => String, { nullable: true, description: "Part." }) part?: string | null;
  @Field(() => TechnicalField, { nullable: true, description: "Field it covers." }) technicalField?: TechnicalField | null;
  @Field(() => String, { nullable: true, description: "Issuing body." }) issuedBy?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Issued on." }) issuedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Effective on." }) effectiveOn?: string | null;
  @Field(() => StandardStatus, { nullable: true, description: "Status: SUPERSEDED or WITHDRAWN when it no longer applies." }) status?: StandardStatus | null;
}
