import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import type { HubContext } from "../context/context";
import { Institution } from "../entities/institution.entity";
import { RemovalProposal } from "../entities/removal-proposal.entity";
import { LegalReviewInput, RemovalDecisionInput } from "../inputs/removal-proposal.input";
import { Guard } from "../policy/guard";

@Resolver(() => RemovalProposal)
export class RemovalProposalResolver {
  @Mutation(() => RemovalProposal, {
    nullable: true,
    description: "Records the legal review (重大执法决定法制审核) of a PROPOSED removal: LAWFUL, or RETURNED. For the market-regulation bureau covering the institution; a stale expectedVersion answers CONFLICT.",
  })
  @Guard("removalDecider", "removalProposal.visible")
  recordLegalReview(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => LegalReviewInput) input: LegalReviewInput,
    @Ctx() ctx: HubContext,
  ): Promise<RemovalProposal> {
    return ctx.services.removalProposals.recordLegalReview(id, expectedVersion, input);
  }

  @Mutation(() => RemovalProposal, {
    nullable: true,
    description:
      "Decides a removal proposal: `remove: true` moves the institution to REMOVED in the listing register (needs a LAWFUL legal review, else INVALID_STATE_TRANSITION with reason LEGAL_REVIEW_REQUIRED, and a decisionDocNo); `remove: false` declines it. For the market-regulation bureau covering the institution.",
  })
  @Guard("removalDecider", "removalProposal.visible")
  decideRemoval(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => RemovalDecisionInput) input: RemovalDecisionInput,
    @Ctx() ctx: HubContext,
  ): Promise<RemovalProposal> {
    return ctx.services.removalProposals.decide(id, expectedVersion, input);
  }
}

@Resolver(() => Institution)
export class InstitutionRemovalResolver {
  @FieldResolver(() => [RemovalProposal], { nullable: true, description: "Proposals to remove it from the directory after a confirmed false appraisal, newest first: for the bureaus and associations covering it." })
  @Guard("institutionSupervisor")
  removalProposals(@Root() institution: Institution, @Ctx() ctx: HubContext): Promise<RemovalProposal[]> {
    return ctx.services.removalProposals.forInstitution(institution);
  }
}
