import { Field, ID, InputType } from "type-graphql";
import { AbnormalPatentAction, AbnormalPatentStatus, ApplicantKind, EscalationSubject, PatentType } from "../domain/abnormal-patent-enums";
import { CreditSeverity } from "../domain/credit-enums";
import { LocalDateScalar, RegionCodeScalar } from "../scalars/scalars";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

/**
 * Items are plain strings, checked one by one by the service: a bad application number or region refuses
 * that item (reported with its position), not the whole batch.
 */
@InputType({ description: "One application of a batch, as the national office lists it." })
export class AbnormalPatentItemInput {
  @Field(() => String, { description: "Application number with its check character, e.g. 202410123456.0." }) applicationNumber: string;
  @Field(() => PatentType, { nullable: true, description: "Patent type; must agree with the number's type digit (derived from it when omitted)." }) patentType?: PatentType | null;
  @Field(() => String, { nullable: true, description: "Title of the application." }) title?: string | null;
  @Field(() => String, { description: "Applicant's name." }) applicantName: string;
  @Field(() => ApplicantKind, { nullable: true, description: "ORGANIZATION (needs the credit code) or PERSON; by default ORGANIZATION when a credit code is given." }) applicantKind?: ApplicantKind | null;
  @Field(() => String, { nullable: true, description: "Applicant's unified social credit code." }) applicantCreditCode?: string | null;
  @Field(() => String, { nullable: true, description: "Patent agency name." }) patentAgencyName?: string | null;
  @Field(() => String, { nullable: true, description: "Patent agency code (机构代码, 5 digits)." }) patentAgencyCode?: string | null;
  @Field(() => String, { nullable: true, description: "Patent agency's unified social credit code (needed to escalate to the agency)." }) patentAgencyCreditCode?: string | null;
  @Field(() => String, { description: "Region code (county where known) of the applicant's address; decides the bureau the item goes to." }) applicantRegionCode: string;
}

@InputType({ description: "A batch of abnormal patent applications to import (or the items of it not yet imported)." })
export class ImportAbnormalPatentBatchInput {
  @Field(() => String, { description: "Batch number as issued, e.g. 2024年第3批." }) batchNo: string;
  @Field(() => LocalDateScalar, { nullable: true, description: "Day the batch was received (default today)." }) receivedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Deadline for handling (default: received plus the configured days); fixed once the batch exists." }) deadline?: string | null;
  @Field(() => [AbnormalPatentItemInput], { description: "The items, at most 5,000 per call." }) items: AbnormalPatentItemInput[];
  @Field(() => Boolean, { nullable: true, description: "Check every item and report, write nothing." }) dryRun?: boolean | null;
}

@InputType({ description: "For ESCALATE: the credit record the escalation creates." })
export class AbnormalPatentEscalationInput {
  @Field(() => EscalationSubject, { description: "Whom the record is about: the applicant (organizations) or its patent agency." }) subject: EscalationSubject;
  @Field(() => String, { description: "Decision document number." }) decisionDocNo: string;
  @Field(() => String, { nullable: true, description: "Facts and basis (a standard text naming the application and batch by default)." }) basis?: string | null;
  @Field(() => CreditSeverity, { nullable: true, description: "Severity (default GENERAL)." }) severity?: CreditSeverity | null;
  @Field(() => [String], { nullable: true, description: "Measures taken." }) measures?: string[] | null;
}

@InputType({ description: "A handling step by the bureau the item is allocated to." })
export class AbnormalPatentHandlingInput {
  @Field(() => String, { nullable: true, description: idempotencyKeyDescription("Retrying with the same key and input returns the first result and writes nothing; other input with the same key answers CONFLICT.") }) idempotencyKey?: string | null;
  @Field(() => AbnormalPatentAction, { description: "What to record." }) action: AbnormalPatentAction;
  @Field(() => String, { nullable: true, description: "Note." }) note?: string | null;
  @Field(() => AbnormalPatentEscalationInput, { nullable: true, description: "With ESCALATE only." }) escalation?: AbnormalPatentEscalationInput | null;
}

@InputType({ description: "Narrows abnormal patent items (and the items rates are computed over)." })
export class AbnormalPatentItemFilter {
  @Field(() => ID, { nullable: true, description: "Batch." }) batchId?: string | null;
  @Field(() => RegionCodeScalar, { nullable: true, description: "Applicant's region (sub-regions included)." }) regionCode?: string | null;
  @Field(() => AbnormalPatentStatus, { nullable: true, description: "Status (OVERDUE: still waiting after the deadline)." }) status?: AbnormalPatentStatus | null;
  @Field(() => String, { nullable: true, description: "Patent agency code." }) patentAgencyCode?: string | null;
  @Field(() => String, { nullable: true, description: "Code of the bureau the items are allocated to." }) allocatedAgencyCode?: string | null;
  @Field(() => String, { nullable: true, description: "Application number." }) applicationNumber?: string | null;
}

@InputType({ description: "Narrows abnormal patent batches." })
export class AbnormalPatentBatchFilter {
  @Field(() => String, { nullable: true, description: "Batch number." }) batchNo?: string | null;
}
