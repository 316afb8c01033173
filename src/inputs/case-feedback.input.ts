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
