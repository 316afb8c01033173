import { Field, ID, InputType } from "type-graphql";
import { CreditBehaviour, CreditRecordStatus, CreditSeverity, CreditSubjectType } from "../domain/credit-enums";
import { CreditCodeScalar, LocalDateScalar, RegionCodeScalar } from "../scalars/scalars";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "A credit determination. Name the subject by subjectCreditCode or subjectAppraiserId, or turn a confirmed complaint into a record with fromComplaintId." })
export class RecordCreditEventInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") }) idempotencyKey: string;
  @Field(() => CreditCodeScalar, { nullable: true, description: "Subject's credit code (an institution of the directory, or another subject)." }) subjectCreditCode?: string | null;
  @Field(() => ID, { nullable: true, description: "The appraiser, for appraiser subjects." }) subjectAppraiserId?: string | null;
  @Field(() => CreditSubjectType, { nullable: true, description: "For subjects outside the directory: ENTERPRISE, PATENT_AGENCY, TRADEMARK_AGENCY or PATENT_ATTORNEY." }) subjectType?: CreditSubjectType | null;
  @Field(() => String, { nullable: true, description: "For PATENT_ATTORNEY: the practising certificate number (专利代理师执业证号); sealed at rest, shown masked." }) subjectCertificateNo?: string | null;
  @Field(() => String, { nullable: true, description: "For subjects outside the directory: the name." }) subjectName?: string | null;
  @Field(() => RegionCodeScalar, { nullable: true, description: "For subjects outside the directory: the region." }) subjectRegionCode?: string | null;
  /** The complaint's appraiser is the subject unless the input names one. */
  @Field(() => ID, { nullable: true, description: "A resolved complaint with a confirmed violation to turn into this record (once)." }) fromComplaintId?: string | null;
  @Field(() => CreditBehaviour, { nullable: true, description: "Behaviour (FALSE_APPRAISAL by default for a complaint of suspected false appraisal)." }) behaviour?: CreditBehaviour | null;
  @Field(() => CreditSeverity, { description: "Severity." }) severity: CreditSeverity;
  @Field(() => String, { description: "Decision document number." }) decisionDocNo: string;
  @Field(() => String, { description: "Facts and legal basis." }) basis: string;
  @Field(() => LocalDateScalar, { nullable: true, description: "Day of the decision document (认定之日; default today, never in the future): the publication and repair periods count from it." }) decidedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Publication from (default decidedOn; not before it)." }) publishFrom?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Publication until (default and at most the severity's maximum from decidedOn: 3 months MINOR, 1 year GENERAL, 3 years SERIOUS by the national rules; when announced, not before its minimum)." }) publishUntil?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Announce publicly (公示) inside the window (default: yes, except MINOR)." }) announce?: boolean | null;
  @Field(() => [String], { nullable: true, description: "Measures taken." }) measures?: string[] | null;
  @Field(() => [String], { nullable: true, description: "Agencies of any kind to share it with for joint punishment (联合惩戒): for the severities the hub's policy shares (SERIOUS by default)." }) shareWithAgencyCodes?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: "SERIOUS only: suspend the subject institution's listing in the same transaction." }) suspendListing?: boolean | null;
}

@InputType({ description: "A request to repair a credit record (信用修复), on the subject's behalf." })
export class CreditRepairInput {
  @Field(() => String, { description: "The subject's commitment (信用承诺)." }) commitment: string;
  @Field(() => [String], { nullable: true, description: "References to evidence of rectification." }) evidence?: string[] | null;
}

@InputType({ description: "Narrows the credit records." })
export class CreditRecordFilter {
  @Field(() => CreditCodeScalar, { nullable: true, description: "Subject's credit code." }) subjectCreditCode?: string | null;
  @Field(() => ID, { nullable: true, description: "Subject appraiser." }) subjectAppraiserId?: string | null;
  @Field(() => String, { nullable: true, description: "Subject patent attorney's practising certificate number." }) subjectCertificateNo?: string | null;
  @Field(() => CreditBehaviour, { nullable: true, description: "Behaviour." }) behaviour?: CreditBehaviour | null;
  @Field(() => CreditSeverity, { nullable: true, description: "Severity." }) severity?: CreditSeverity | null;
  @Field(() => CreditRecordStatus, { nullable: true, description: "Status (EXPIRED: active records past their window)." }) status?: CreditRecordStatus | null;
}
