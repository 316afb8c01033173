import { caseDeadlines, OPEN_CASE_STATUSES } from "../../domain/case-deadlines";
import { CaseAction, CaseStatus } from "../../domain/case-enums";
import type { HubPolicy } from "../../config/config";
import type { WorkingCalendar } from "../../domain/working-days";
import { breakdown, StatBreakdown } from "./breakdown";
import { countsByKey } from "./labels";
import type { Sql } from "./sql";
import { monthLabel, StatisticsRequest } from "./statistics-request";

export interface CaseStatistics {
  entrustedByAgencyKind: StatBreakdown;
  entrustedByMonth: StatBreakdown[];
  entrustedByIndustry: StatBreakdown;
  open: number;
  overdue: number;
  openByRegion: StatBreakdown;
  overdueByRegion: StatBreakdown;
  issued: number;
  medianWorkingDays: number | null;
  onTimeRate: number | null;
  courtAppearancesRequested: number;
  courtAppearancesAttended: number;
  courtAppearancesMissed: number;
}

interface CaseRow {
  id: string;
  status: CaseStatus;
  entrusted_on: string;
  accepted_on: string | null;
  issued_on: string | null;
  extension_working_days: number;
  institution_region_code: string;
}

const ENTRUSTER_KINDS = ["COURT", "PROCURATORATE", "POLICE", "MARKET_REGULATION"];

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Appraisal cases of the institutions in the region. Entrustments and court appearances count in the
 * period; open and overdue cases are today's (deadlines in working days, as a case's `deadlines` field
 * computes them); cases issued in the period give the median working days from entrustment to issue and
 * the share issued by the completion deadline. Counts of cases describe institutions' work, not people,
 * and are not suppressed.
 */
export async function caseStatistics(sql: Sql, req: StatisticsRequest, calendar: WorkingCalendar, policy: HubPolicy): Promise<CaseStatistics> {
  const period = { pattern: req.pattern, from: req.from, to: req.to };
  const [entrustments, cases, appearances] = await Promise.all([
    // By month and entrusting agency's kind, and by the matter's industry (null: not given), in one pass.
    sql<{ set: "kind" | "industry"; month: string; kind: string; industry: string | null; n: number }>(
      `SELECT CASE WHEN GROUPING(c.industry_section) = 0 THEN 'industry' ELSE 'kind' END AS set,
              to_char(c.entrusted_on, 'YYYY-MM') AS month, a.kind, c.industry_section AS industry, count(*)::int AS n
       FROM appraisal_cases c JOIN agencies a ON a.id = c.entrusting_agency_id
       WHERE c.institution_region_code LIKE :pattern AND c.entrusted_on BETWEEN :from AND :to
       GROUP BY GROUPING SETS ((to_char(c.entrusted_on, 'YYYY-MM'), a.kind), (c.industry_section))`,
      period,
    ),
    sql<CaseRow>(
      `SELECT c.id, c.status, to_char(c.entrusted_on, 'YYYY-MM-DD') AS entrusted_on, to_char(c.accepted_on, 'YYYY-MM-DD') AS accepted_on,
              to_char(c.issued_on, 'YYYY-MM-DD') AS issued_on, c.extension_working_days, c.institution_region_code
       FROM appraisal_cases c
       WHERE c.institution_region_code LIKE :pattern AND (c.status IN (:...open) OR c.issued_on BETWEEN :from AND :to)`,
      { ...period, open: OPEN_CASE_STATUSES },
    ),
    sql<{ to_status: string; n: number }>(
      `SELECT e.to_status, count(*)::int AS n FROM case_events e JOIN appraisal_cases c ON c.id = e.case_id
       WHERE e.to_status IN ('COURT_APPEARANCE_REQUESTED', 'APPEARED', 'ABSENT') AND e.occurred_on BETWEEN :from AND :to
         AND c.institution_region_code LIKE :pattern GROUP BY 1`,
      period,
    ),
  ]);
  const entrusted = entrustments.filter((r) => r.set === "kind");
  const industries = entrustments.filter((r) => r.set === "industry").map((r) => ({ key: r.industry, n: r.n }));
  const pauses = cases.length
    ? await sql<{ case_id: string; action: string; occurred_on: string }>(
        `SELECT case_id, action, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on FROM case_events
         WHERE case_id = ANY(:ids) AND action IN (:...actions) ORDER BY seq`,
        { ids: cases.map((c) => c.id), actions: [CaseAction.REQUEST_MATERIALS, CaseAction.RESUME] },
      )
    : [];
  const eventsByCase = new Map<string, Array<{ action: string; occurredOn: string }>>();
  for (const e of pauses) {
    if (!eventsByCase.has(e.case_id)) eventsByCase.set(e.case_id, []);
    eventsByCase.get(e.case_id)!.push({ action: e.action, occurredOn: e.occurred_on });
  }

  const open: CaseRow[] = [];
  const overdue: CaseRow[] = [];
  const workingDays: number[] = [];
  let onTime = 0;
  for (const c of cases) {
    const deadlines = caseDeadlines(
      { status: c.status, entrustedOn: c.entrusted_on, acceptedOn: c.accepted_on, extensionWorkingDays: c.extension_working_days },
      eventsByCase.get(c.id) ?? [],
      calendar,
      policy,
      req.today,
    );
    if (OPEN_CASE_STATUSES.includes(c.status)) {
      open.push(c);
      if (deadlines.overdue) overdue.push(c);
    }
    if (c.issued_on && c.issued_on >= req.from && c.issued_on <= req.to) {
      workingDays.push(calendar.workingDaysBetween(c.entrusted_on, c.issued_on));
      if (deadlines.completeBy && c.issued_on <= deadlines.completeBy) onTime++;
    }
  }
  const byRegion = (rows: CaseRow[]) => req.byChildRegion(rows.map((c) => ({ region_code: c.institution_region_code, n: 1 })));
  const appearance = (status: string) => appearances.find((a) => a.to_status === status)?.n ?? 0;
  const kindCounts = (rows: typeof entrusted) =>
    countsByKey(
      "agencyKind",
      rows.map((r) => ({ key: r.kind, n: r.n })),
    ).filter((c) => ENTRUSTER_KINDS.includes(c.key));
  return {
    entrustedByAgencyKind: breakdown("agencyKind", "委托机关类别", kindCounts(entrusted), 1),
    entrustedByMonth: req.months.map((m) => breakdown(m.slice(0, 7), monthLabel(m), kindCounts(entrusted.filter((r) => r.month === m.slice(0, 7))), 1)),
    entrustedByIndustry: breakdown("industrySection", "委托案件涉案行业", countsByKey("industrySection", industries), 1),
    open: open.length,
    overdue: overdue.length,
    openByRegion: breakdown("region", "在办案件", byRegion(open), 1),
    overdueByRegion: breakdown("region", "超期案件", byRegion(overdue), 1),
    issued: workingDays.length,
    medianWorkingDays: median(workingDays),
    onTimeRate: workingDays.length ? onTime / workingDays.length : null,
    courtAppearancesRequested: appearance("COURT_APPEARANCE_REQUESTED"),
    courtAppearancesAttended: appearance("APPEARED"),
    courtAppearancesMissed: appearance("ABSENT"),
  };
}
