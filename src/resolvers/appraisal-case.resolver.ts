import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Guard } from "../policy/guard";
import type { HubContext } from "../context/context";
import { Agency } from "../entities/agency.entity";
import { AppraisalCase, EntrustmentWarning, PossibleDuplicate } from "../entities/appraisal-case.entity";
import { Appraiser } from "../entities/appraiser.entity";
import { CaseAppraiser } from "../entities/case-appraiser.entity";
import { CaseEvent } from "../entities/case-event.entity";
import { Institution } from "../entities/institution.entity";
import { Standard } from "../entities/standard.entity";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { Payload } from "./types/payload";
import type { Created } from "../services/command-runner";
import { AppraisalCaseFilter, CaseProgressInput, EntrustAppraisalInput } from "../inputs/appraisal-case.input";

const AppraisalCaseConnection = Connection(AppraisalCase, "AppraisalCase", "appraisal case");

@ObjectType({ description: "A case's deadlines in working days (holiday calendar), computed from its history." })
@Guard("authenticated")
class CaseDeadlines {
  @Field(() => String, { nullable: true, description: "Day by which the institution must accept or reject." }) acceptBy: string | null;
  @Field(() => String, { nullable: true, description: "Day by which the opinion is due: acceptance + completion days + extensions, not counting paused days; null before acceptance or while paused." }) completeBy: string | null;
  @Field(() => Boolean, { description: "True while materials are requested: the clock stands still." }) clockPaused: boolean;
  @Field(() => Boolean, { description: "True when a deadline has passed and the step it governs has not happened." }) overdue: boolean;
  @Field(() => Boolean, {
    description:
      "True when acceptBy or completeBy is counted across a year whose State Council holiday notice is not yet in the hub's calendar: its holidays are estimated (Spring Festival 8 days from New Year's Eve, Labour Day 1–5 May, National Day 1–7 October, the other festivals one day each; no make-up working days), and the day may move when the notice is imported.",
  })
  provisional: boolean;
  @Field(() => [Int], { description: "The years without a confirmed notice that acceptBy or completeBy is counted across, ascending; empty when provisional is false." })
  provisionalYears: number[];
}

const EntrustAppraisalPayload = Payload("entrustAppraisal", "appraisalCase", AppraisalCase, "case", "authenticated");

@Resolver(() => AppraisalCase)
export class AppraisalCaseResolver {
  @Query(() => AppraisalCase, { nullable: true, description: "One case; null when it does not exist for the caller." })
  @Guard("authenticated", "appraisalCase.visible")
  appraisalCase(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<AppraisalCase | null> {
    return ctx.services.appraisalCases.byId(id);
  }

  @Query(() => AppraisalCaseConnection, { nullable: true, description: "Cases the caller may see, newest entrustment first." })
  @Guard("authenticated", "appraisalCase.visible")
  async appraisalCases(@Arg("filter", () => AppraisalCaseFilter, { nullable: true }) filter: AppraisalCaseFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.appraisalCases.list(filter ?? {}, page.first, page.after));
  }

  @Mutation(() => EntrustAppraisalPayload, { nullable: true, description: "Entrusts a listed institution with an appraisal. Idempotent per client system." })
  @Guard("entruster", "institution.visible")
  async entrustAppraisal(@Arg("input", () => EntrustAppraisalInput) input: EntrustAppraisalInput, @Ctx() ctx: HubContext): Promise<Created<AppraisalCase>> {
    return ctx.services.appraisalCases.entrust(input);
  }

  @Mutation(() => AppraisalCase, {
    nullable: true,
    description: "Records a step of a case: the institution accepts, rejects, assigns appraisers, pauses for materials, submits for review and issues; the entrusting agency requests court appearance, records attendance, extends and closes; either may terminate.",
  })
  @Guard("caseParty", "appraisalCase.entrusterStep", "appraisalCase.institutionStep", "appraisalCase.partyStep", "appraisalCase.visible")
  recordCaseProgress(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => CaseProgressInput) input: CaseProgressInput,
    @Ctx() ctx: HubContext,
  ): Promise<AppraisalCase> {
    return ctx.services.appraisalCases.recordProgress(caseId, expectedVersion, input);
  }

  @FieldResolver(() => Institution, { nullable: true, description: "The institution entrusted." })
  @Guard("authenticated")
  institution(@Root() c: AppraisalCase, @Ctx() ctx: HubContext): Promise<Institution | null> {
    return ctx.services.appraisalCases.institution(c);
  }

  @FieldResolver(() => [Standard], { description: "The catalogue's standards the appraisal applied, as recorded with its ISSUE step." })
  @Guard("authenticated")
  standardsApplied(@Root() c: AppraisalCase, @Ctx() ctx: HubContext): Promise<Standard[]> {
    return ctx.services.standards.byIds(c.standardIds);
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The entrusting agency." })
  @Guard("authenticated")
  entrustingAgency(@Root() c: AppraisalCase, @Ctx() ctx: HubContext): Promise<Agency | null> {
    return ctx.loaders.agencyById.load(c.entrustingAgencyId);
  }

  @FieldResolver(() => [CaseAppraiser], { description: "Appraisers assigned, with their recusal declarations." })
  @Guard("authenticated")
  assignedAppraisers(@Root() c: AppraisalCase, @Ctx() ctx: HubContext): Promise<CaseAppraiser[]> {
    return ctx.services.appraisalCases.appraisers(c);
  }

  @FieldResolver(() => [CaseEvent], { description: "Every recorded step, oldest first: the case's trail." })
  @Guard("authenticated")
  history(@Root() c: AppraisalCase, @Ctx() ctx: HubContext): Promise<CaseEvent[]> {
    return ctx.services.appraisalCases.events(c);
  }

  @FieldResolver(() => CaseDeadlines, { description: "Deadlines in working days, and whether the case is overdue." })
  @Guard("authenticated")
  deadlines(@Root() c: AppraisalCase, @Ctx() ctx: HubContext): Promise<CaseDeadlines> {
    return ctx.services.appraisalCases.deadlines(c);
  }

  @FieldResolver(() => [PossibleDuplicate], {
    nullable: true,
    description:
      "Other open or recent cases (HUB_DUPLICATE_WINDOW_MONTHS, 24 by default) in the same technical field that share a patent or trademark of the subject, or a party and the matter (多头、重复鉴定), most recent first, at most 20; not the case a re-appraisal repeats. For the parties (the entrusting agency, the institution) and the bureaus covering either.",
  })
  @Guard("caseDuplicatesReader")
  possibleDuplicates(@Root() c: AppraisalCase, @Ctx() ctx: HubContext): Promise<PossibleDuplicate[]> {
    return ctx.services.appraisalCases.possibleDuplicates(c);
  }

  @FieldResolver(() => AppraisalCase, { nullable: true, description: "For a re-appraisal (重新鉴定): the case it appraises again; null when there is none or the caller may not see it." })
  @Guard("authenticated")
  reappraisalOf(@Root() c: AppraisalCase, @Ctx() ctx: HubContext): Promise<AppraisalCase | null> {
    return ctx.services.appraisalCases.reappraisalOf(c);
  }

  @FieldResolver(() => [AppraisalCase], { description: "Re-appraisals of this case the caller may see, oldest first." })
  @Guard("authenticated")
  reappraisals(@Root() c: AppraisalCase, @Ctx() ctx: HubContext): Promise<AppraisalCase[]> {
    return ctx.services.appraisalCases.reappraisals(c);
  }
}

@Resolver(() => PossibleDuplicate)
export class PossibleDuplicateResolver {
  @FieldResolver(() => AppraisalCase, { nullable: true, description: "The other case: null unless the caller may see it (its number and parties are its entrusting agency's)." })
  @Guard("authenticated")
  appraisalCase(@Root() duplicate: PossibleDuplicate, @Ctx() ctx: HubContext): Promise<AppraisalCase | null> {
    return ctx.services.appraisalCases.byId(duplicate.caseId);
  }

  @FieldResolver(() => Institution, { nullable: true, description: "The institution it was entrusted to, as the caller may see it." })
  @Guard("authenticated")
  institution(@Root() duplicate: PossibleDuplicate, @Ctx() ctx: HubContext): Promise<Institution | null> {
    return ctx.services.institutions.byId(duplicate.institutionId);
  }
}

@Resolver(() => EntrustAppraisalPayload)
export class EntrustAppraisalPayloadResolver {
  @FieldResolver(() => [EntrustmentWarning], { description: "What the entrusting agency should look at: other open or recent cases that may appraise the same subject (POSSIBLE_DUPLICATE). The case is entrusted all the same." })
  @Guard("authenticated")
  warnings(@Root() payload: Created<AppraisalCase>, @Ctx() ctx: HubContext): Promise<EntrustmentWarning[]> {
    return ctx.services.appraisalCases.warnings(payload.record);
  }
}

@Resolver(() => CaseAppraiser)
export class CaseAppraiserResolver {
  @FieldResolver(() => Appraiser, { nullable: true, description: "The appraiser." })
  @Guard("authenticated")
  appraiser(@Root() assignment: CaseAppraiser, @Ctx() ctx: HubContext): Promise<Appraiser | null> {
    // The parties see who works on their case, even if the institution has since left the directory.
    return ctx.loaders.appraiserById.load(assignment.appraiserId);
  }
}
