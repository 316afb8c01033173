import { Field, InputType } from "type-graphql";
import { LegalReviewConclusion } from "../entities/removal-proposal.entity";
import { LocalDateScalar } from "../scalars/scalars";

@InputType({ description: "The legal review of a removal proposal (重大执法决定法制审核)." })
export class LegalReviewInput {
  @Field(() => LegalReviewConclusion, { description: "LAWFUL, or RETURNED." }) conclusion: LegalReviewConclusion;
  @Field(() => String, { description: "The opinion (at most 4,000 characters)." }) opinion: string;
  @Field(() => LocalDateScalar, { nullable: true, description: "Day of the review (default today; not in the future)." }) reviewedOn?: string | null;
}

@InputType({ description: "The bureau's decision on a removal proposal." })
export class RemovalDecisionInput {
  @Field(() => Boolean, { description: "True removes the institution (needs a LAWFUL legal review); false declines the proposal." }) remove: boolean;
  @Field(() => String, { description: "Why (at most 1,000 characters)." }) reason: string;
  @Field(() => String, { nullable: true, description: "The decision's document number (required to remove)." }) decisionDocNo?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Day it takes effect (default today; not in the future, not before the review)." }) effectiveOn?: string | null;
}
