import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../context/context";
import { monthlyReportHtml, monthlyReportXlsx } from "../exchange/monthly-report-files";
import { XLSX_MEDIA_TYPE } from "../exchange/xlsx-file";
import { Guard } from "../policy/guard";
import { RegionCodeScalar } from "../scalars/scalars";
import type { MonthlyReport as Report } from "../services/monthly-report.service";
import { GeneratedFile, StatBreakdown, StatisticsWithdrawalRate } from "./statistics.types";
import { AGGREGATION_COST, Cost } from "./types/cost";

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
    return { filename: `知识产权鉴定监管月报_${report.regionCode}_${report.month}.xlsx`, mediaType: XLSX_MEDIA_TYPE, contentBase64: (await monthlyReportXlsx(report)).toString("base64") };
  }

  @FieldResolver(() => GeneratedFile, { description: "The report as a self-contained HTML page to print (no script, no remote resource)." })
  @Guard("supervisionReporter")
  html(@Root() report: Report): GeneratedFile {
    return { filename: `知识产权鉴定监管月报_${report.regionCode}_${report.month}.html`, mediaType: "text/html; charset=utf-8", contentBase64: Buffer.from(monthlyReportHtml(report)).toString("base64") };
  }
}
