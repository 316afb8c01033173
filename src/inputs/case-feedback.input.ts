import { Field, ID, InputType, Int } from "type-graphql";
import { ComplaintStatus, FeedbackKind } from "../domain/case-enums";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "Ratings from 1 (poor) to 5 (excellent); leave out what does not apply." })
export class RatingsInput {
  @Field(() => Int, { nullable: true, description: "Timeliness." }) timeliness?: number | null;
  @Field(() => Int, { nullable: true, description: "Professionalism." }) professionalism?: number | null;
  @Field(() => Int, { nullable: true, description: "Quality of the report." }) reportQuality?: number | null;
  @Field(() => Int, { nullable: true, description: "Conduct." }) conduct?: number | null;
  @Field(() => Int, { nullable: true, description: "Performance in court." }) courtPerformance?: number | null;
}

@InputType({ description: "Feedback about an appraiser after one of your cases. The posting agency and time are set by the hub." })
export class PostCaseFeedbackInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") }) idempotencyKey: string;
  @Field(() => String, { description: "Your case number." }) agencyCaseNo: string;
  @Field(() => ID, { nullable: true, description: "The hub case, when the appraisal was entrusted through the hub." }) caseId?: string | null;
  @Field(() => ID, { description: "The appraiser." }) appraiserId: string;
  @Field(() => FeedbackKind, { description: "Evaluation (needs a rating), complaint (needs a comment) or commendation." }) kind: FeedbackKind;
  @Field(() => RatingsInput, { nullable: true, description: "Ratings 1–5." }) ratings?: RatingsInput | null;
  @Field(() => Boolean, { nullable: true, description: "Whether the opinion was adopted." }) opinionAdopted?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Whether false appraisal is suspected." }) suspectedFalseAppraisal?: boolean | null;
  @Field(() => String, { nullable: true, description: "Comment (at most 4000 characters)." }) comment?: string | null;
}

@InputType({ description: "A step in handling a complaint." })
export class HandleComplaintInput {
  @Field(() => ComplaintStatus, { description: "The next status." }) to: ComplaintStatus;
  @Field(() => String, { description: "What was done." }) note: string;
  @Field(() => String, { nullable: true, description: "The resolution (required to resolve)." }) resolution?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Whether a violation was confirmed (required to resolve)." }) violationConfirmed?: boolean | null;
}

@InputType({ description: "Narrows the feedback list." })
export class CaseFeedbackFilter {
  @Field(() => FeedbackKind, { nullable: true, description: "Kind." }) kind?: FeedbackKind | null;
  @Field(() => ID, { nullable: true, description: "Institution." }) institutionId?: string | null;
  @Field(() => ID, { nullable: true, description: "Appraiser." }) appraiserId?: string | null;
  @Field(() => ID, { nullable: true, description: "Case." }) caseId?: string | null;
  @Field(() => ComplaintStatus, { nullable: true, description: "Complaint status." }) complaintStatus?: ComplaintStatus | null;
}

@InputType({ description: "The party (当事人) a complaint is filed on behalf of." })
export class ComplaintPartyInput {
  @Field(() => String, { description: "The party's name (a person or an organisation)." }) name: string;
  @Field(() => String, { nullable: true, description: "How to reach the party; sealed, read in full only by the bureaus and associations handling the complaint." }) contact?: string | null;
}

@InputType({ description: "A complaint about an institution or one of its appraisers (执业活动投诉), inside or outside a case." })
export class FileComplaintInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") }) idempotencyKey: string;
  @Field(() => ID, { description: "The institution complained about." }) institutionId: string;
  @Field(() => ID, { nullable: true, description: "The appraiser complained about, if one (practising at the institution)." }) appraiserId?: string | null;
  @Field(() => String, { nullable: true, description: "The filer's case number, if the complaint arises from a case." }) agencyCaseNo?: string | null;
  @Field(() => String, { description: "What happened (at most 4,000 characters)." }) description: string;
  @Field(() => Boolean, { nullable: true, description: "Whether false appraisal (虚假鉴定) is suspected." }) suspectedFalseAppraisal?: boolean | null;
  @Field(() => ComplaintPartyInput, { nullable: true, description: "When filed on behalf of a party (e.g. by the association): the party." }) party?: ComplaintPartyInput | null;
}
