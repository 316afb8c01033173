import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { responsePathAsArray, type GraphQLResolveInfo } from "graphql";
import type { HubContext } from "../context/context";
import { Institution } from "../entities/institution.entity";
import { PublicReport, PublicReportProgress, PublicReportReceipt } from "../entities/public-report.entity";
import { PublicReportFilter, SubmitPublicReportInput, TriagePublicReportInput } from "../inputs/public-report.input";
import { Guard, Public } from "../policy/guard";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";

const PublicReportConnection = Connection(PublicReport, "PublicReport", "public report");

@Resolver(() => PublicReport)
export class PublicReportResolver {
  @Mutation(() => PublicReportReceipt, {
    nullable: true,
    description:
      "Reports an appraisal institution to the bureaus (受理公众举报). No sign-in; HUB_PUBLIC_REPORTS_PER_HOUR (5) per address, then RATE_LIMITED. The bureau covering the subject's region triages it. Answers a receipt code, shown once: `publicReportStatus` with it tells where the report stands, and nothing else.",
  })
  @Public()
  submitPublicReport(@Arg("input", () => SubmitPublicReportInput) input: SubmitPublicReportInput, @Ctx() ctx: HubContext): Promise<PublicReportReceipt> {
    return ctx.services.publicReports.submit(input);
  }

  @Query(() => PublicReportProgress, { nullable: true, description: "Where a public report stands, by its receipt code; null for a code that names none. Public." })
  @Public()
  publicReportStatus(@Arg("receiptCode", () => String) receiptCode: string, @Ctx() ctx: HubContext): Promise<PublicReportProgress | null> {
    return ctx.services.publicReports.progress(receiptCode);
  }

  @Query(() => PublicReportConnection, { description: "Public reports in the caller's jurisdiction, newest first: for market-regulation bureaus." })
  @Guard("reportTriager", "publicReport.visible")
  async publicReports(@Arg("filter", () => PublicReportFilter, { nullable: true }) filter: PublicReportFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.publicReports.list(filter ?? {}, page.first, page.after));
  }

  @Mutation(() => PublicReport, {
    nullable: true,
    description: "Triages a RECEIVED public report: ACCEPT (受理), MERGE into another report about the same subject, or DISMISS, with a reason the reporter does not see. For the bureaus covering its region; a stale expectedVersion answers CONFLICT, a report already triaged INVALID_STATE_TRANSITION.",
  })
  @Guard("reportTriager", "publicReport.visible")
  triagePublicReport(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => TriagePublicReportInput) input: TriagePublicReportInput,
    @Ctx() ctx: HubContext,
  ): Promise<PublicReport> {
    return ctx.services.publicReports.triage(id, expectedVersion, input);
  }

  @FieldResolver(() => String, { nullable: true, description: "How to reach the reporter, if they said: in full, each read audited before it is answered." })
  @Guard("reportTriager")
  contact(@Root() report: PublicReport, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo): Promise<string | null> {
    return ctx.services.publicReports.contact(report, responsePathAsArray(info.path));
  }

  @FieldResolver(() => Institution, { nullable: true, description: "The institution of the directory the subject's credit code names, if any (and if the caller may see it)." })
  @Guard("reportTriager")
  institution(@Root() report: PublicReport, @Ctx() ctx: HubContext): Promise<Institution | null> {
    return report.subjectInstitutionId ? ctx.services.institutions.byId(report.subjectInstitutionId) : Promise.resolve(null);
  }

  @FieldResolver(() => PublicReport, { nullable: true, description: "With MERGED: the report it joined." })
  @Guard("reportTriager")
  mergedInto(@Root() report: PublicReport, @Ctx() ctx: HubContext): Promise<PublicReport | null> {
    return ctx.services.publicReports.byId(report.mergedIntoId);
  }
}
