import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { responsePathAsArray, type GraphQLResolveInfo } from "graphql";
import { Guard } from "../policy/guard";
import type { HubContext } from "../context/context";
import { ComplaintNextStep } from "../domain/case-enums";
import { Appraiser } from "../entities/appraiser.entity";
import { CaseFeedback } from "../entities/case-feedback.entity";
import { ComplaintEvent } from "../entities/complaint-event.entity";
import { Institution } from "../entities/institution.entity";
import type { FeedbackSummaryView } from "../services/case-feedback.service";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { Payload } from "./types/payload";
import type { Created } from "../services/command-runner";
import { CaseFeedbackFilter, FileComplaintInput, HandleComplaintInput, PostCaseFeedbackInput } from "../inputs/case-feedback.input";

const CaseFeedbackConnection = Connection(CaseFeedback, "CaseFeedback", "feedback item");

@ObjectType({ description: "Average ratings (1–5); null where nothing was rated." })
@Guard("agencyReader")
export class FeedbackAverages {
  @Field(() => Float, { nullable: true, description: "Timeliness." }) timeliness: number | null;
  @Field(() => Float, { nullable: true, description: "Professionalism." }) professionalism: number | null;
  @Field(() => Float, { nullable: true, description: "Quality of the report." }) reportQuality: number | null;
  @Field(() => Float, { nullable: true, description: "Conduct." }) conduct: number | null;
  @Field(() => Float, { nullable: true, description: "Performance in court." }) courtPerformance: number | null;
}

@ObjectType({ description: "What agencies have fed back about an institution or appraiser: for agencies." })
@Guard("agencyReader")
export class FeedbackSummary {
  @Field(() => Int, { description: "Feedback items of every kind." }) count: number;
  @Field(() => FeedbackAverages, { description: "Average ratings." }) averages: FeedbackAverages;
  @Field(() => Float, { nullable: true, description: "Share of opinions adopted, among feedback that says (0–1)." }) adoptionRate: number | null;
  @Field(() => Int, { description: "Complaints posted in all." }) complaintsTotal: number;
  @Field(() => Date, { nullable: true, description: "When the latest feedback was posted." }) lastFeedbackAt: Date | null;
}

const PostCaseFeedbackPayload = Payload("postCaseFeedback", "feedback", CaseFeedback, "feedback", "authenticated");
const FileComplaintPayload = Payload("fileComplaint", "complaint", CaseFeedback, "complaint", "complainant");

@Resolver(() => CaseFeedback)
export class CaseFeedbackResolver {
  @Query(() => CaseFeedback, { nullable: true, description: "One feedback item: for the agency that posted it and the bureaus and associations covering the institution." })
  @Guard("authenticated", "caseFeedback.visible")
  caseFeedback(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<CaseFeedback | null> {
    return ctx.services.caseFeedback.byId(id);
  }

  @Query(() => CaseFeedbackConnection, { nullable: true, description: "Feedback the caller may see, newest first." })
  @Guard("authenticated", "caseFeedback.visible")
  async caseFeedbacks(@Arg("filter", () => CaseFeedbackFilter, { nullable: true }) filter: CaseFeedbackFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.caseFeedback.list(filter ?? {}, page.first, page.after));
  }

  @Mutation(() => PostCaseFeedbackPayload, {
    nullable: true,
    description:
      "Posts feedback about an appraiser after a case: courts, procuratorates, police, arbitration and mediation bodies; a bureau about a case it entrusted (caseId required). Idempotent per client system: retries never duplicate.",
  })
  @Guard("feedbackPoster", "caseFeedback.post", "appraisalCase.visible", "appraiser.visible")
  postCaseFeedback(@Arg("input", () => PostCaseFeedbackInput) input: PostCaseFeedbackInput, @Ctx() ctx: HubContext): Promise<Created<CaseFeedback>> {
    return ctx.services.caseFeedback.post(input);
  }

  @Mutation(() => FileComplaintPayload, {
    nullable: true,
    description:
      "Files a complaint about an institution, or one of its appraisers (执业活动投诉), inside or outside a case: courts, procuratorates, police, bureaus, associations (also on behalf of a party, 当事人), arbitration and mediation bodies. Handled like any complaint (handleComplaint). Idempotent per client system.",
  })
  @Guard("complainant", "institution.visible", "appraiser.visible")
  fileComplaint(@Arg("input", () => FileComplaintInput) input: FileComplaintInput, @Ctx() ctx: HubContext): Promise<Created<CaseFeedback>> {
    return ctx.services.caseFeedback.fileComplaint(input);
  }

  @FieldResolver(() => String, { nullable: true, description: "For a complaint filed on behalf of a party: the party's contact, in full (audited) for the bureaus and associations handling it, masked for others." })
  @Guard("authenticated")
  partyContact(@Root() feedback: CaseFeedback, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo): Promise<string | null> {
    return ctx.services.caseFeedback.partyContact(feedback, responsePathAsArray(info.path));
  }

  @Mutation(() => CaseFeedback, { nullable: true, description: "Moves a complaint: SUBMITTED → ACKNOWLEDGED → INVESTIGATING → RESOLVED, or DISMISSED. For the association or bureau covering the institution." })
  @Guard("supervisor", "caseFeedback.visible")
  handleComplaint(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => HandleComplaintInput) input: HandleComplaintInput,
    @Ctx() ctx: HubContext,
  ): Promise<CaseFeedback> {
    return ctx.services.caseFeedback.handleComplaint(id, expectedVersion, input);
  }

  @FieldResolver(() => Appraiser, { nullable: true, description: "The appraiser; null for a complaint about the institution as a whole." })
  @Guard("authenticated")
  appraiser(@Root() feedback: CaseFeedback, @Ctx() ctx: HubContext): Promise<Appraiser | null> {
    return feedback.appraiserId ? ctx.loaders.appraiserById.load(feedback.appraiserId) : Promise.resolve(null);
  }

  @FieldResolver(() => Institution, { nullable: true, description: "The appraiser's institution when the feedback was posted." })
  @Guard("authenticated")
  institution(@Root() feedback: CaseFeedback, @Ctx() ctx: HubContext): Promise<Institution | null> {
    return ctx.loaders.institutionById.load(feedback.institutionId);
  }

  @FieldResolver(() => [ComplaintEvent], { description: "For complaints: every handling step, oldest first." })
  @Guard("authenticated")
  complaintHistory(@Root() feedback: CaseFeedback, @Ctx() ctx: HubContext): Promise<ComplaintEvent[]> {
    return ctx.services.caseFeedback.complaintHistory(feedback);
  }

  @FieldResolver(() => Boolean, { description: "For complaints: past the response day and still open." })
  @Guard("authenticated")
  complaintOverdue(@Root() feedback: CaseFeedback, @Ctx() ctx: HubContext): boolean {
    return ctx.services.caseFeedback.complaintOverdue(feedback);
  }

  @FieldResolver(() => [ComplaintNextStep], { description: "For a resolved complaint with a confirmed violation: what comes next (a credit record, and for false appraisal a listing suspension)." })
  @Guard("authenticated")
  nextSteps(@Root() feedback: CaseFeedback, @Ctx() ctx: HubContext): ComplaintNextStep[] {
    return ctx.services.caseFeedback.nextSteps(feedback);
  }
}

@Resolver(() => FeedbackSummary)
export class FeedbackSummaryResolver {
  @FieldResolver(() => Int, { description: "Complaints posted in the last 12 months." })
  complaintsLast12Months(@Root() summary: FeedbackSummaryView, @Ctx() ctx: HubContext): Promise<number> {
    return ctx.services.caseFeedback.recentComplaints(summary);
  }
}

@Resolver(() => Institution)
export class InstitutionFeedbackResolver {
  @FieldResolver(() => FeedbackSummary, { nullable: true, description: "Summary of agencies' feedback (count, averages, adoption rate, complaints in 12 months): for agencies." })
  @Guard("agencyReader")
  feedbackSummary(@Root() institution: Institution, @Ctx() ctx: HubContext): Promise<FeedbackSummaryView> {
    return ctx.services.caseFeedback.summary("INSTITUTION", institution.id);
  }
}

@Resolver(() => Appraiser)
export class AppraiserFeedbackResolver {
  @FieldResolver(() => FeedbackSummary, { nullable: true, description: "Summary of agencies' feedback about this appraiser: for agencies." })
  @Guard("agencyReader")
  feedbackSummary(@Root() appraiser: Appraiser, @Ctx() ctx: HubContext): Promise<FeedbackSummaryView> {
    return ctx.services.caseFeedback.summary("APPRAISER", appraiser.id);
  }
}
