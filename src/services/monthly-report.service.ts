import { regionLikePattern } from "../auth/region";
import type { RequestScope } from "../context/request-scope";
import { addDays, addMonths } from "../domain/local-date";
import { FiledMonthlyReport } from "../entities/monthly-report.entity";
import { BadUserInputError } from "../errors/errors";
import { monthlyReportHtml, monthlyReportXlsx } from "../exchange/monthly-report-files";
import { demand } from "../policy/decision";
import { filedMonthlyReportVisibility } from "../policy/monthly-report.visibility";
import { supervisionReporter } from "../policy/rules";
import { eventAbout } from "../push/event-types";
import { CommandRunner, Created } from "./command-runner";
import { equals, ListSpec, listPage } from "./list-builder";
import type { Page } from "./pagination";
import { conflictOnDuplicate } from "./unique-violation";
import * as check from "./validate";
import type { StatisticsWithdrawalRate } from "./statistics/abnormal-patent-statistics";
import { breakdown, type StatBreakdown } from "./statistics/breakdown";
import { countsByKey } from "./statistics/labels";
import { sqlRunner } from "./statistics/sql";
import type { StatisticsService } from "./statistics/statistics.service";

/**
 * The supervision summary a bureau sends up each month (the Xinxiang plan: 定期汇总上报通报案件、重点问题线索、主动核查和
 * 举报线索的处理情况): one region, one calendar month. Its figures come from the same statistics sections the
 * dashboard shows for that month, so the report and the screen agree; what the dashboard lacks (determinations
 * and repairs decided in the month, positive records, clue sources) is counted here the same way.
 *
 * Open and overdue cases are as of the day the report is made (the first of the next month when it is
 * scheduled). Abnormal-patent withdrawal is the year to date: a month rarely brings a batch of its own.
 */
export interface MonthlyReport {
  regionCode: string;
  regionName: string;
  /** YYYY-MM. */
  month: string;
  from: string;
  to: string;
  /** The day open and overdue cases were counted. */
  asOf: string;
  cases: { entrusted: number; entrustedByAgencyKind: StatBreakdown; issued: number; open: number; overdue: number; overdueByRegion: StatBreakdown; medianWorkingDays: number | null; onTimeRate: number | null };
  feedback: { count: number; adoptionRate: number | null; complaintsReceived: number | null; complaintsByRegion: StatBreakdown; complaintsResolvedByRegion: StatBreakdown };
  credit: { determinationsBySeverity: StatBreakdown; determinationsByBehaviour: StatBreakdown; repairs: StatBreakdown; incentives: StatBreakdown };
  abnormalPatents: { from: string; withdrawalTarget: number; total: StatisticsWithdrawalRate; byRegion: StatisticsWithdrawalRate[] };
  collaboration: { opened: number; closed: number; byKind: StatBreakdown };
  clues: { publicReports: StatBreakdown; inspections: StatBreakdown };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month before the one `day` falls in (YYYY-MM): the month a report filed on `day` covers. */
export function previousMonth(day: string): string {
  return addMonths(`${day.slice(0, 7)}-01`, -1).slice(0, 7);
}

/** Filed reports, newest month first; within a month by region code. */
const filedList: ListSpec<FiledMonthlyReport, { under?: string | null; month?: string | null }> = {
  entity: FiledMonthlyReport,
  alias: "r",
  filters: {
    under: (regionCode, r) => ({ clause: `${r}.region_code LIKE :under`, params: { under: regionLikePattern(regionCode) } }),
    month: equals("month", "month"),
  },
  order: {
    direction: "DESC",
    keys: [
      { column: "r.month", part: "text", value: (row) => row.month },
      { column: "r.region_code", part: "text", value: (row) => row.regionCode },
    ],
  },
};

export class MonthlyReportService {
  private readonly commands: CommandRunner;

  constructor(
    private readonly scope: RequestScope,
    private readonly statistics: StatisticsService,
  ) {
    this.commands = new CommandRunner(scope);
  }

  /**
   * Files the bureau's own report for `month` (the scheduler, on the first of the next month): the figures made
   * now, both files rendered from them, stored in one transaction with its audit entry. Once per region and
   * month: a second filing answers CONFLICT.
   */
  async file(month: string): Promise<Created<FiledMonthlyReport>> {
    // A month is filed once it is over: its figures are then final but for late entries.
    if (MONTH.test(month) && month >= this.scope.today().slice(0, 7)) throw new BadUserInputError("A month is filed once it has ended.", "month");
    const report = await this.report({ month });
    // Rendered before the transaction: it holds a connection only for the insert.
    const xlsx = await monthlyReportXlsx(report);
    const html = monthlyReportHtml(report);
    return this.commands.create({
      operation: "fileMonthlyReport",
      entity: FiledMonthlyReport,
      entityType: "FiledMonthlyReport",
      idempotencyKey: null,
      fingerprint: { regionCode: report.regionCode, month },
      write: (manager) =>
        conflictOnDuplicate(
          async () => {
            const rows: Array<{ id: string }> = await manager.query(
              `INSERT INTO monthly_reports (region_code, month, agency_id, figures, xlsx, html) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
              [report.regionCode, month, this.scope.viewer.agency!.id, JSON.stringify(report), xlsx, html],
            );
            // The province's systems hear of it (a bureau covering the region, `hubEvent.recipient`).
            return { id: rows[0].id, fields: ["regionCode", "month"], events: [eventAbout("monthly_report.filed", { id: rows[0].id }, [report.regionCode])] };
          },
          `The report of ${report.regionCode} for ${month} has been filed already.`,
          "month",
        ),
    });
  }

  /** The filed reports the caller may see (`monthlyReport.visible`), of the regions `under` covers when given. */
  filed(filter: { under?: string | null; month?: string | null }, first: number | null | undefined, after: string | null | undefined): Promise<Page<FiledMonthlyReport>> {
    if (filter.month !== null && filter.month !== undefined && !MONTH.test(filter.month)) throw new BadUserInputError("month is a calendar month such as 2026-10.", "month");
    return listPage(this.scope.reads, filedList, filedMonthlyReportVisibility.sql(this.scope.viewer, "r"), filter, { first, after });
  }

  /** One filed report, if the caller may see it. */
  async filedById(id: string): Promise<FiledMonthlyReport | null> {
    if (!check.isUuid(id)) return null;
    const report = await this.scope.dataSource.getRepository(FiledMonthlyReport).findOneBy({ id });
    return report && filedMonthlyReportVisibility.test(this.scope.viewer, report) ? report : null;
  }

  /** A filed report's `.xlsx` as filed (read only when asked for). */
  async filedXlsx(report: FiledMonthlyReport): Promise<Buffer> {
    return (await this.scope.loaders.filedMonthlyReportXlsx.load(report.id)) ?? Buffer.alloc(0);
  }

  /** A filed report's page to print as filed. */
  async filedHtml(report: FiledMonthlyReport): Promise<string> {
    return (await this.scope.loaders.filedMonthlyReportHtml.load(report.id)) ?? "";
  }

  async report(args: { regionCode?: string | null; month: string }): Promise<MonthlyReport> {
    demand(supervisionReporter, "Market-regulation bureaus make the monthly supervision reports.", this.scope.viewer);
    // Which regions: those the bureau's statistics cover (`statistics.region`), decided before the month is judged.
    const regionCode = this.statistics.open({ regionCode: args.regionCode }).regionCode;
    if (!MONTH.test(args.month)) throw new BadUserInputError("month is a calendar month such as 2026-10.", "month");
    const today = this.scope.today();
    const from = `${args.month}-01`;
    const to = addDays(addMonths(from, 1), -1);
    if (from > today) throw new BadUserInputError("month has not begun yet.", "month");
    const month = this.statistics.open({ regionCode, from, to });
    const year = this.statistics.open({ regionCode: month.regionCode, from: `${args.month.slice(0, 4)}-01-01`, to });
    const [cases, feedback, credit, collaboration, patents, extra] = await Promise.all([
      this.statistics.cases(month),
      this.statistics.feedback(month),
      this.statistics.credit(month),
      this.statistics.collaboration(month),
      this.statistics.abnormalPatents(year),
      this.extra(month.pattern, from, to),
    ]);
    const t = month.threshold;
    const sum = (b: StatBreakdown) => b.cells.reduce((s, c) => s + (c.value ?? 0), 0);
    return {
      regionCode: month.regionCode,
      regionName: month.regionName,
      month: args.month,
      from,
      to,
      asOf: today,
      cases: {
        entrusted: sum(cases.entrustedByAgencyKind),
        entrustedByAgencyKind: cases.entrustedByAgencyKind,
        issued: cases.issued,
        open: cases.open,
        overdue: cases.overdue,
        overdueByRegion: cases.overdueByRegion,
        medianWorkingDays: cases.medianWorkingDays,
        onTimeRate: cases.onTimeRate,
      },
      feedback: {
        count: feedback.count,
        adoptionRate: feedback.adoptionRate,
        complaintsReceived: feedback.complaintsByMonth.total,
        complaintsByRegion: feedback.complaintsByRegion,
        complaintsResolvedByRegion: feedback.complaintsResolvedByRegion,
      },
      credit: {
        determinationsBySeverity: breakdown("creditSeverity", "本月失信认定（按严重程度）", countsByKey("creditSeverity", extra.filter((r) => r.set === "severity")), t),
        determinationsByBehaviour: breakdown("creditBehaviour", "本月失信认定（按行为）", countsByKey("creditBehaviour", extra.filter((r) => r.set === "behaviour")), t),
        repairs: credit.repairs,
        incentives: breakdown("creditIncentiveKind", "本月守信激励", countsByKey("creditIncentiveKind", extra.filter((r) => r.set === "incentive")), t),
      },
      abnormalPatents: { from: year.from, withdrawalTarget: patents.withdrawalTarget, total: patents.total, byRegion: patents.byRegion },
      collaboration: { opened: collaboration.opened, closed: collaboration.closed, byKind: collaboration.byKind },
      clues: {
        publicReports: breakdown("publicReportStatus", "本月公众举报线索（按处理情况）", countsByKey("publicReportStatus", extra.filter((r) => r.set === "report")), 1),
        inspections: breakdown("supervisionResult", "本月主动核查（按结果）", countsByKey("supervisionResult", extra.filter((r) => r.set === "inspection")), 1),
      },
    };
  }

  /** What the statistics sections do not count, for the month, in one statement. */
  private extra(pattern: string, from: string, to: string) {
    return sqlRunner(this.scope.reads)<{ set: string; key: string; n: number }>(
      `SELECT 'severity' AS set, severity AS key, count(*)::int AS n FROM credit_records WHERE subject_region_code LIKE :pattern AND decided_on BETWEEN :from AND :to GROUP BY severity
       UNION ALL SELECT 'behaviour', behaviour, count(*)::int FROM credit_records WHERE subject_region_code LIKE :pattern AND decided_on BETWEEN :from AND :to GROUP BY behaviour
       UNION ALL SELECT 'incentive', kind, count(*)::int FROM credit_incentives WHERE subject_region_code LIKE :pattern AND decided_on BETWEEN :from AND :to GROUP BY kind
       UNION ALL SELECT 'report', status, count(*)::int FROM public_reports
                 WHERE region_code LIKE :pattern AND received_at >= (:from::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
                   AND received_at < (:to::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' GROUP BY status
       UNION ALL SELECT 'inspection', result, count(*)::int FROM supervision_records WHERE institution_region_code LIKE :pattern AND conducted_on BETWEEN :from AND :to GROUP BY result`,
      { pattern, from, to },
    );
  }
}
