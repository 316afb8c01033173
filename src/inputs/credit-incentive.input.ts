import { Field, ID, InputType } from "type-graphql";
import { CreditIncentiveKind, CreditIncentiveStatus, CreditSubjectType } from "../domain/credit-enums";
import { CreditCodeScalar, LocalDateScalar, RegionCodeScalar } from "../scalars/scalars";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "A positive record (守信激励). Name the subject as for a determination: by subjectCreditCode, subjectAppraiserId, or subjectType PATENT_ATTORNEY with subjectCertificateNo." })
export class RecordCreditIncentiveInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") }) idempotencyKey: string;
  @Field(() => CreditCodeScalar, { nullable: true, description: "Subject's credit code (an institution of the directory, or another subject)." }) subjectCreditCode?: string | null;
  @Field(() => ID, { nullable: true, description: "The appraiser, for appraiser subjects." }) subjectAppraiserId?: string | null;
  @Field(() => CreditSubjectType, { nullable: true, description: "For subjects outside the directory: ENTERPRISE, PATENT_AGENCY, TRADEMARK_AGENCY or PATENT_ATTORNEY." }) subjectType?: CreditSubjectType | null;
  @Field(() => String, { nullable: true, description: "For subjects outside the directory: the name." }) subjectName?: string | null;
  @Field(() => RegionCodeScalar, { nullable: true, description: "For subjects outside the directory: the region." }) subjectRegionCode?: string | null;
  @Field(() => String, { nullable: true, description: "For PATENT_ATTORNEY: the practising certificate number; sealed at rest, shown masked." }) subjectCertificateNo?: string | null;
  @Field(() => CreditIncentiveKind, { description: "What earned it." }) kind: CreditIncentiveKind;
  @Field(() => String, { description: "Decision document number." }) decisionDocNo: string;
  @Field(() => String, { description: "Facts and basis." }) basis: string;
  @Field(() => LocalDateScalar, { nullable: true, description: "Day of the decision document (default today, never in the future)." }) decidedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Publication from (default decidedOn; not before it)." }) publishFrom?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Publication and incentives until (default and at most HUB_CREDIT_INCENTIVE_MONTHS, 36, from decidedOn)." }) publishUntil?: string | null;
  @Field(() => [String], { nullable: true, description: "Incentive measures (激励措施)." }) measures?: string[] | null;
}

@InputType({ description: "Narrows the positive records." })
export class CreditIncentiveFilter {
  @Field(() => CreditCodeScalar, { nullable: true, description: "Subject's credit code." }) subjectCreditCode?: string | null;
  @Field(() => ID, { nullable: true, description: "Subject appraiser." }) subjectAppraiserId?: string | null;
  @Field(() => String, { nullable: true, description: "Subject patent attorney's practising certificate number." }) subjectCertificateNo?: string | null;
  @Field(() => CreditIncentiveKind, { nullable: true, description: "Kind." }) kind?: CreditIncentiveKind | null;
  @Field(() => CreditIncentiveStatus, { nullable: true, description: "Status (EXPIRED: active records past their window)." }) status?: CreditIncentiveStatus | null;
}
