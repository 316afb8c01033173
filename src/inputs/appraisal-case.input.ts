import { Field, ID, InputType, Int } from "type-graphql";
import { IndustrySection } from "../domain/industry";
import { CaseAction, CaseRejectionReason, CaseStatus } from "../domain/case-enums";
import { TechnicalField } from "../domain/directory-enums";
import { LocalDateScalar } from "../scalars/scalars";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "A new appraisal case. Retrying with the same idempotencyKey returns the first case." })
export class EntrustAppraisalInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") }) idempotencyKey: string;
  @Field(() => String, { description: "Your own case number, e.g. (2024)豫15知民初32号 or 固公经立字〔2024〕018号." }) agencyCaseNo: string;
  @Field(() => ID, { description: "A LISTED institution listed for the technical field." }) institutionId: string;
  @Field(() => TechnicalField, { description: "Technical field of the appraisal." }) technicalField: TechnicalField;
  @Field(() => IndustrySection, { nullable: true, description: "Industry of the matter (GB/T 4754 section), for special statistics." }) industrySection?: IndustrySection | null;
  @Field(() => String, { description: "The appraisal matter (鉴定事项)." }) matter: string;
  @Field(() => String, { nullable: true, description: "What is to be appraised. Patent and application numbers, trademark registration numbers (注册号…, 第…号) and parties' credit codes in it are compared with other cases (see `subjectIdentifiers`)." }) subject?: string | null;
  @Field(() => [String], {
    nullable: true,
    description:
      "Identifiers of the subject besides those in `subject` (at most 20): patent or application numbers (202010123456.7, ZL…), trademark registration numbers (digits), parties' unified social credit codes. Open and recent cases in the same technical field that share a patent or trademark, or a party and the matter, come back as `warnings` (POSSIBLE_DUPLICATE).",
  })
  subjectIdentifiers?: string[] | null;
  @Field(() => ID, { nullable: true, description: "For a re-appraisal (重新鉴定): the case it appraises again, one the caller may see, in the same technical field, whose opinion was issued. Both cases show the link; they are not warned about each other." }) reappraisalOf?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Day of entrustment (default today)." }) entrustedOn?: string | null;
}

@InputType({ description: "An appraiser assigned to a case." })
export class CaseAppraiserInput {
  @Field(() => ID, { description: "An ACTIVE appraiser with a post at the case's institution, practising in the case's field." }) appraiserId: string;
  @Field(() => String, { description: "Recusal declaration (回避声明)." }) recusalDeclaration: string;
}

@InputType({ description: "One step of a case. Which fields a step needs depends on the action." })
export class CaseProgressInput {
  @Field(() => CaseAction, { description: "The step." }) action: CaseAction;
  @Field(() => LocalDateScalar, { nullable: true, description: "Day it happened (default today; not before the previous step)." }) occurredOn?: string | null;
  @Field(() => String, { nullable: true, description: "Reason or note (required for TERMINATE and EXTEND_DEADLINE)." }) note?: string | null;
  @Field(() => CaseRejectionReason, { nullable: true, description: "For REJECT." }) rejectionReason?: CaseRejectionReason | null;
  @Field(() => [CaseAppraiserInput], { nullable: true, description: "For ASSIGN_APPRAISERS: at least two." }) appraisers?: CaseAppraiserInput[] | null;
  @Field(() => String, { nullable: true, description: "For ISSUE: the opinion's document number." }) opinionDocNo?: string | null;
  @Field(() => String, { nullable: true, description: "For ISSUE: SHA-256 of the opinion file (64 hex digits)." }) opinionSha256?: string | null;
  @Field(() => [String], { nullable: true, description: "For ISSUE: codes of the catalogue's standards the appraisal applied (`standards`); a code not in the catalogue answers BAD_USER_INPUT." }) standardsApplied?: string[] | null;
  @Field(() => Int, { nullable: true, description: "For EXTEND_DEADLINE: working days to add (1–60)." }) extensionWorkingDays?: number | null;
}

@InputType({ description: "Narrows the case list." })
export class AppraisalCaseFilter {
  @Field(() => CaseStatus, { nullable: true, description: "Status." }) status?: CaseStatus | null;
  @Field(() => Boolean, { nullable: true, description: "Cases that have (true) or lack (false) a possible duplicate (`possibleDuplicates`): for market-regulation bureaus, across their jurisdiction." }) hasPossibleDuplicates?: boolean | null;
  @Field(() => ID, { nullable: true, description: "Institution." }) institutionId?: string | null;
  @Field(() => String, { nullable: true, description: "The entrusting agency's case number, in any of its usual spellings: full-width or half-width digits and brackets, （）〔〕[]【】 alike for the year, spaces ignored." }) agencyCaseNo?: string | null;
  @Field(() => String, { nullable: true, description: "Code of the entrusting agency." }) entrustingAgencyCode?: string | null;
}
