import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { Guard } from "../policy/guard";
import type { HubContext } from "../context/context";
import { LocalDateScalar } from "../scalars/scalars";
import type { StatisticsRequest } from "../services/statistics/statistics-request";
import { AbnormalPatentStatistics, CaseStatistics, CollaborationStatistics, CreditStatistics, DirectoryStatistics, FeedbackStatistics, GeneratedFile, InstitutionFeedbackStatistics, Statistics } from "./statistics.types";
import { statisticsWorkbook } from "../exchange/statistics-workbook";
import { XLSX_MEDIA_TYPE } from "../exchange/xlsx-file";
import { AGGREGATION_COST, Cost } from "./types/cost";

@Resolver(() => FeedbackStatistics)
export class FeedbackStatisticsResolver {
  @FieldResolver(() => [InstitutionFeedbackStatistics], { description: "Institutions with feedback in the period, most feedback first." })
  @Guard("statisticsReader")
  institutions(@Root() feedback: FeedbackStatistics, @Arg("first", () => Int, { defaultValue: 20, description: "At most 100." }) first: number): InstitutionFeedbackStatistics[] {
    return feedback.institutions.slice(0, Math.max(0, Math.min(first, 100)));
  }
}

@Resolver(() => Statistics)
export class StatisticsResolver {
  @Query(() => Statistics, {
    nullable: true,
    description:
      "Statistics of a region (default: the caller's) over a period (default: the last twelve months). The region must lie in the caller's jurisdiction. " +
      "Courts, procuratorates and police see counts about people suppressed below a threshold.",
  })
  @Guard("statisticsReader", "appraiser.visible", "institution.visible", "statistics.exactSmallCounts", "statistics.region")
  statistics(
    @Arg("regionCode", () => String, { nullable: true }) regionCode: string | undefined,
    @Arg("from", () => LocalDateScalar, { nullable: true }) from: string | undefined,
    @Arg("to", () => LocalDateScalar, { nullable: true }) to: string | undefined,
    @Ctx() ctx: HubContext,
  ): StatisticsRequest {
    return ctx.services.statistics.open({ regionCode, from, to });
  }

  @FieldResolver(() => DirectoryStatistics, { nullable: true, description: "Institutions, appraisers and the cultivation pipeline." })
  @Guard("statisticsReader")
  @Cost(AGGREGATION_COST)
  directory(@Root() req: StatisticsRequest, @Ctx() ctx: HubContext) {
    return ctx.services.statistics.directory(req);
  }

  @FieldResolver(() => CaseStatistics, { nullable: true, description: "Entrustments, open and overdue cases, working days, court appearances, adoption." })
  @Guard("statisticsReader")
  @Cost(AGGREGATION_COST)
  cases(@Root() req: StatisticsRequest, @Ctx() ctx: HubContext) {
    return ctx.services.statistics.cases(req);
  }

  @FieldResolver(() => FeedbackStatistics, { nullable: true, description: "Feedback trend, average ratings, complaints." })
  @Guard("statisticsReader")
  @Cost(AGGREGATION_COST)
  feedback(@Root() req: StatisticsRequest, @Ctx() ctx: HubContext) {
    return ctx.services.statistics.feedback(req);
  }

  @FieldResolver(() => CreditStatistics, { nullable: true, description: "Active credit records, grades and repairs." })
  @Guard("statisticsReader")
  @Cost(AGGREGATION_COST)
  credit(@Root() req: StatisticsRequest, @Ctx() ctx: HubContext) {
    return ctx.services.statistics.credit(req);
  }

  @FieldResolver(() => AbnormalPatentStatistics, { nullable: true, description: "Withdrawal rates of abnormal patent applications per batch and county." })
  @Guard("statisticsReader")
  @Cost(AGGREGATION_COST)
  abnormalPatents(@Root() req: StatisticsRequest, @Ctx() ctx: HubContext) {
    return ctx.services.statistics.abnormalPatents(req);
  }

  @FieldResolver(() => GeneratedFile, {
    nullable: true,
    description: "Every table of these statistics as one .xlsx (Chinese headers, a frozen header row, numbers as numbers, hidden counts marked 已隐藏): what the dashboard's 下载 Excel saves.",
  })
  @Guard("statisticsReader")
  @Cost(AGGREGATION_COST * 6)
  async workbook(@Root() req: StatisticsRequest, @Ctx() ctx: HubContext): Promise<GeneratedFile> {
    const content = await statisticsWorkbook(ctx.services.statistics, req);
    return { filename: `知识产权鉴定统计_${req.regionCode}_${req.from}_${req.to}.xlsx`, mediaType: XLSX_MEDIA_TYPE, contentBase64: content.toString("base64") };
  }

  @FieldResolver(() => CollaborationStatistics, { nullable: true, description: "Collaboration between agency kinds and response times." })
  @Guard("statisticsReader")
  @Cost(AGGREGATION_COST)
  collaboration(@Root() req: StatisticsRequest, @Ctx() ctx: HubContext) {
    return ctx.services.statistics.collaboration(req);
  }
}
