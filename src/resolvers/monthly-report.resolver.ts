import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../context/context";
import { Agency } from "../entities/agency.entity";
import { FiledMonthlyReport } from "../entities/monthly-report.entity";
import { monthlyReportHtml, monthlyReportXlsx } from "../exchange/monthly-report-files";
import { XLSX_MEDIA_TYPE } from "../exchange/xlsx-file";
import { Guard } from "../policy/guard";
import { RegionCodeScalar } from "../scalars/scalars";
import type { MonthlyReport as Report } from "../services/monthly-report.service";
import { GeneratedFile, StatBreakdown, StatisticsWithdrawalRate } from "./statistics.types";
import { AGGREGATION_COST, Cost } from "./types/cost";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";

const FiledMonthlyReportConnection = Connection(FiledMonthlyReport, "FiledMonthlyReport", "filed monthly report");
const xlsxFile = (report: Report, content: Buffer): GeneratedFile => ({ filename: `知识产权鉴定监管月报_${report.regionCode}_${report.month}.xlsx`, mediaType: XLSX_MEDIA_TYPE, contentBase64: content.toString("base64") });
const htmlFile = (report: Report, content: Buffer): GeneratedFile => ({ filename: `知识产权鉴定监管月报_${report.regionCode}_${report.month}.html`, mediaType: "text/html; charset=utf-8", contentBase64: content.toString("base64") });

@ObjectType("MonthlyReportCases", { description: "Appraisal cases of the region's institutions in the month." })
@Guard("supervisionReporter")
class MonthlyReportCases {
  @Field(() => Int, { description: "Entrusted in the month." }) entrusted: number;
  @Field(() => StatBreakdown, { description: "Entrusted in the month by the entrusting agency's kind." }) entrustedByAgencyKind: StatBreakdown;
  @Field(() => Int, { description: "Opinions issued in the month." }) issued: number;
  @Field(() => Int, { description: "Open on asOf." }) open: number;
  @Field(() => Int, { description: "Overdue on asOf." }) overdue: number;
  @Field(() => StatBreakdown, { description: "Overdue on asOf by child region." }) overdueByRegion: StatBreakdown;
  @Field(() => Float, { nullable: true, description: "Median working days to issue, over the month's opinions." }) medianWorkingDays: number | null;
  @Field(() => Float, { nullable: true, description: "Share of the month's opinions issued on time." }) onTimeRate: number | null;
}

@ObjectType("MonthlyReportFeedback", { description: "Feedback and complaints about the region's institutions in the month." })
@Guard("supervisionReporter")
class MonthlyReportFeedback {
  @Field(() => Int, { description: "Feedback posted." }) count: number;
  @Field(() => Float, { nullable: true, description: "Share with a known outcome whose opinion was adopted." }) adoptionRate: number | null;
  @Field(() => Int, { nullable: true, description: "Complaints received." }) complaintsReceived: number | null;
  @Field(() => StatBreakdown, { description: "Complaints received by child region." }) complaintsByRegion: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Of those, resolved or dismissed by now." }) complaintsResolvedByRegion: StatBreakdown;
}

@ObjectType("MonthlyReportCredit", { description: "Credit supervision in the month." })
@Guard("supervisionReporter")
class MonthlyReportCredit {
  @Field(() => StatBreakdown, { description: "Determinations decided in the month by severity." }) determinationsBySeverity: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Determinations decided in the month by behaviour." }) determinationsByBehaviour: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Repairs requested in the month, by outcome." }) repairs: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Positive records decided in the month, by kind." }) incentives: StatBreakdown;
}

@ObjectType("MonthlyReportAbnormalPatents", { description: "Abnormal-patent handling, year to date (batches received from 1 January to the month's end)." })
@Guard("supervisionReporter")
class MonthlyReportAbnormalPatents {
  @Field(() => String, { description: "First day counted (1 January)." }) from: string;
  @Field(() => Float, { description: "The target withdrawal rate." }) withdrawalTarget: number;
  @Field(() => StatisticsWithdrawalRate, { description: "All of the region's items." }) total: StatisticsWithdrawalRate;
  @Field(() => [StatisticsWithdrawalRate], { description: "By county (child region)." }) byRegion: StatisticsWithdrawalRate[];
}

@ObjectType("MonthlyReportCollaboration", { description: "Enforcement collaboration opened in the month." })
@Guard("supervisionReporter")
class MonthlyReportCollaboration {
  @Field(() => Int, { description: "Opened." }) opened: number;
  @Field(() => Int, { description: "Of those, closed by now." }) closed: number;
  @Field(() => StatBreakdown, { description: "By kind." }) byKind: StatBreakdown;
}

@ObjectType("MonthlyReportClues", { description: "Clue sources (线索来源) in the month: public reports and the bureaus' own inspections." })
@Guard("supervisionReporter")
class MonthlyReportClues {
  @Field(() => StatBreakdown, { description: "Public reports received, by how they were handled." }) publicReports: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Inspections conducted (主动核查), by result." }) inspections: StatBreakdown;
}

@ObjectType({ description: "The monthly supervision report of a region (定期汇总上报), with the same figures the dashboard shows for that month." })
@Guard("supervisionReporter")
export class MonthlyReport implements Report {
  @Field(() => String, { description: "Region code." }) regionCode: string;
  @Field(() => String, { description: "Region name." }) regionName: string;
  @Field(() => String, { description: "The month, YYYY-MM." }) month: string;
  @Field(() => String, { description: "First day of the month." }) from: string;
  @Field(() => String, { description: "Last day of the month." }) to: string;
  @Field(() => String, { description: "The day open and overdue cases were counted." }) asOf: string;
  @Field(() => MonthlyReportCases, { description: "Cases." }) cases: MonthlyReportCases;
  @Field(() => MonthlyReportFeedback, { description: "Feedback and complaints." }) feedback: MonthlyReportFeedback;
  @Field(() => MonthlyReportCredit, { description: "Credit supervision." }) credit: MonthlyReportCredit;
  @Field(() => MonthlyReportAbnormalPatents, { description: "Abnormal-patent handling, year to date." }) abnormalPatents: MonthlyReportAbnormalPatents;
  @Field(() => MonthlyReportCollaboration, { description: "Collaboration." }) collaboration: MonthlyReportCollaboration;
  @Field(() => MonthlyReportClues, { description: "Clue sources." }) clues: MonthlyReportClues;
}

@Resolver(() => MonthlyReport)
export class MonthlyReportResolver {
  @Query(() => MonthlyReport, { nullable: true, description: "The monthly supervision report of a region (default: the caller's) for a calendar month (YYYY-MM). For market-regulation bureaus covering the region." })
  @Guard("supervisionReporter", "statistics.region")
  @Cost(AGGREGATION_COST * 6)
  monthlyReport(@Arg("regionCode", () => RegionCodeScalar, { nullable: true }) regionCode: string | null, @Arg("month", () => String) month: string, @Ctx() ctx: HubContext): Promise<Report> {
    return ctx.services.monthlyReports.report({ regionCode, month });
  }

  @FieldResolver(() => GeneratedFile, { description: "The report as an .xlsx: key figures, then one sheet per table." })
  @Guard("supervisionReporter")
  async xlsx(@Root() report: Report): Promise<GeneratedFile> {
    return xlsxFile(report, await monthlyReportXlsx(report));
  }

  @FieldResolver(() => GeneratedFile, { description: "The report as a self-contained HTML page to print (no script, no remote resource)." })
  @Guard("supervisionReporter")
  html(@Root() report: Report): GeneratedFile {
    return htmlFile(report, Buffer.from(monthlyReportHtml(report)));
  }
}

@Resolver(() => FiledMonthlyReport)
export class FiledMonthlyReportResolver {
  @Query(() => FiledMonthlyReportConnection, {
    description:
      "Monthly reports as filed on the first of each month by the city and province bureaus, newest month first: those of the regions in the caller's jurisdiction (a province bureau's list holds its cities' reports and its own).",
  })
  @Guard("supervisionReporter", "monthlyReport.visible")
  async monthlyReports(
    @Arg("regionCode", () => RegionCodeScalar, { nullable: true, description: "Only the reports of the regions this region covers." }) regionCode: string | null,
    @Arg("month", () => String, { nullable: true, description: "Only this month (YYYY-MM)." }) month: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: HubContext,
  ) {
    return toConnection(await ctx.services.monthlyReports.filed({ under: regionCode, month }, page.first, page.after));
  }

  @Query(() => FiledMonthlyReport, { nullable: true, description: "One filed monthly report by id; null when it does not exist for the caller." })
  @Guard("supervisionReporter", "monthlyReport.visible")
  filedMonthlyReport(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<FiledMonthlyReport | null> {
    return ctx.services.monthlyReports.filedById(id);
  }

  @FieldResolver(() => String, { description: "Region name." })
  regionName(@Root() filed: FiledMonthlyReport): string {
    return filed.figures.regionName;
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The bureau it was filed for." })
  filedBy(@Root() filed: FiledMonthlyReport, @Ctx() ctx: HubContext): Promise<Agency | null> {
    return ctx.loaders.agencyById.load(filed.agencyId);
  }

  @FieldResolver(() => MonthlyReport, { description: "The figures as filed." })
  figures(@Root() filed: FiledMonthlyReport): Report {
    return filed.figures;
  }

  @FieldResolver(() => GeneratedFile, { description: "The .xlsx as filed." })
  async xlsx(@Root() filed: FiledMonthlyReport, @Ctx() ctx: HubContext): Promise<GeneratedFile> {
    return xlsxFile(filed.figures, await ctx.services.monthlyReports.filedXlsx(filed));
  }

  @FieldResolver(() => GeneratedFile, { description: "The page to print as filed." })
  async html(@Root() filed: FiledMonthlyReport, @Ctx() ctx: HubContext): Promise<GeneratedFile> {
    return htmlFile(filed.figures, Buffer.from(await ctx.services.monthlyReports.filedHtml(filed)));
  }
}
