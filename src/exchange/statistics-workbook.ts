import type { StatBreakdown } from "../services/statistics/breakdown";
import type { StatisticsService } from "../services/statistics/statistics.service";
import type { StatisticsRequest } from "../services/statistics/statistics-request";
import type { StatisticsWithdrawalRate } from "../services/statistics/abnormal-patent-statistics";
import { writeXlsx, type XlsxCell, type XlsxSheet } from "./xlsx-file";

/**
 * Every table of the dashboard as one `.xlsx`, from the same sections the `statistics` query answers (so the
 * file and the screen cannot disagree): a summary sheet of the key figures, then one sheet per breakdown
 * (its rows, a 合计 row, hidden counts marked 已隐藏 rather than left to look like zeros), the monthly
 * entrustments by agency kind, the abnormal-patent withdrawal rates by county and batch, and the
 * collaboration flows. Numbers are numbers; rates are numbers with a percent format.
 */
export async function statisticsWorkbook(statistics: StatisticsService, req: StatisticsRequest): Promise<Buffer> {
  return writeXlsx(await statisticsSheets(statistics, req));
}

export async function statisticsSheets(statistics: StatisticsService, req: StatisticsRequest): Promise<XlsxSheet[]> {
  const [directory, cases, feedback, credit, patents, collaboration] = await Promise.all([
    statistics.directory(req),
    statistics.cases(req),
    statistics.feedback(req),
    statistics.credit(req),
    statistics.abnormalPatents(req),
    statistics.collaboration(req),
  ]);
  const period = `${req.regionName}（${req.regionCode}） ${req.from} 至 ${req.to}`;
  // Counts in one column, rates (0 to 1, shown as percents) in the next: a number format is per column.
  const figure = (name: string, value: number | null): XlsxCell[] => [name, value, null];
  const rate = (name: string, value: number | null): XlsxCell[] => [name, null, value];
  const summary: XlsxSheet = {
    name: "概况",
    title: [`知识产权鉴定监管统计 ${period}`],
    columns: [{ header: "指标", width: 30 }, { header: "数值", width: 14 }, { header: "比率", width: 10, numberFormat: "0.0%" }],
    rows: [
      figure("在办案件", cases.open),
      figure("超期案件", cases.overdue),
      figure("期内出具鉴定意见", cases.issued),
      figure("鉴定周期中位数（工作日）", cases.medianWorkingDays),
      rate("按期出具率", cases.onTimeRate),
      figure("通知出庭", cases.courtAppearancesRequested),
      figure("到庭", cases.courtAppearancesAttended),
      figure("未到庭", cases.courtAppearancesMissed),
      figure("期内反馈", feedback.count),
      rate("鉴定意见采纳率", feedback.adoptionRate),
      rate("信用修复准予率", credit.repairRate),
      rate("非正常专利申请撤回率", patents.total.withdrawalRate),
      figure("期内发起协作", collaboration.opened),
      figure("期内办结协作", collaboration.closed),
      figure("协作平均响应时间（小时）", collaboration.averageResponseHours),
    ],
  };

  const breakdowns: StatBreakdown[] = [
    directory.institutionsByStatus,
    directory.institutionsByLevel,
    directory.institutionsByField,
    directory.institutionsByIndustry,
    directory.institutionsByRegion,
    directory.cultivation,
    directory.institutionCreditGrades,
    directory.appraisersByField,
    directory.appraisersByTitleLevel,
    directory.appraisersByRegion,
    directory.appraiserCreditGrades,
    directory.standardAdoptionByRegion,
    cases.entrustedByAgencyKind,
    cases.entrustedByIndustry,
    cases.openByRegion,
    cases.overdueByRegion,
    feedback.feedbackByMonth,
    feedback.complaintsByMonth,
    feedback.complaintsByRegion,
    feedback.complaintsResolvedByRegion,
    credit.activeByBehaviour,
    credit.activeBySeverity,
    credit.repairs,
    collaboration.byKind,
  ];
  const kinds = cases.entrustedByAgencyKind.cells;
  const withdrawal = (rows: StatisticsWithdrawalRate[], what: string): XlsxSheet => ({
    name: `非正常专利撤回率（按${what}）`,
    columns: [
      { header: what },
      { header: "件数" },
      { header: "已撤回" },
      { header: "申诉中" },
      { header: "申诉成立" },
      { header: "逾期" },
      { header: "已移交" },
      { header: "撤回率", numberFormat: "0.0%" },
      { header: "是否达标" },
      { header: "已隐藏" },
    ],
    rows: rows.map((r) => [r.label, r.itemCount, r.withdrawnCount, r.appealedCount, r.appealUpheldCount, r.overdueCount, r.escalatedCount, r.withdrawalRate, r.meetsTarget === null ? null : r.meetsTarget ? "是" : "否", r.suppressed ? "是" : null]),
  });
  return [
    summary,
    ...breakdowns.map(breakdownSheet),
    {
      name: "各月委托（按委托机关）",
      columns: [{ header: "月份" }, ...kinds.map((k) => ({ header: k.label })), { header: "合计" }],
      rows: cases.entrustedByMonth.map((month) => [month.label, ...kinds.map((k) => month.cells.find((c) => c.key === k.key)?.value ?? 0), month.total]),
    },
    withdrawal(patents.byRegion, "地区"),
    withdrawal(patents.byBatch, "批次"),
    {
      name: "协作流向",
      columns: [{ header: "发起方" }, { header: "参与方" }, { header: "件数" }],
      rows: collaboration.flows.map((f) => [f.fromLabel, f.toLabel, f.count]),
    },
  ];
}

/** A breakdown as a sheet: label, key, count, and whether the count is hidden; a 合计 row last. */
export function breakdownSheet(b: StatBreakdown): XlsxSheet {
  const rows: XlsxCell[][] = b.cells.map((c) => [c.label, c.key, c.value, c.suppressed ? "是" : null]);
  rows.push(["合计", null, b.total, b.totalSuppressed ? "是" : null]);
  return { name: b.label, columns: [{ header: "项目" }, { header: "代码" }, { header: "数量" }, { header: "已隐藏" }], rows };
}
