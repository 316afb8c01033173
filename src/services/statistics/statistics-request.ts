import { regionLevel, regionLikePattern } from "../../auth/region";
import type { Viewer } from "../../auth/viewer";
import { childRegions, currentRegionCode, findRegion, regionName } from "../../domain/region-directory";
import { addMonths } from "../../domain/local-date";
import { BadUserInputError } from "../../errors/errors";
import * as check from "../validate";
import type { Count } from "./breakdown";
import { appraiserVisibility } from "../../policy/appraiser.visibility";
import { institutionVisibility } from "../../policy/institution.visibility";
import { demand } from "../../policy/decision";
import { statisticsReader } from "../../policy/rules";
import { exactSmallCounts, statisticsRegion } from "../../policy/statistics.permissions";

/** Callers whose statistics hide small counts about people (contract.md, "statistics"). */
/** Ten years of months: a dashboard's longest sensible view, and a bound on the work of one query. */
const MAX_MONTHS = 120;

/** A checked statistics request: the region (in the caller's jurisdiction), the period and the caller's threshold. */
export class StatisticsRequest {
  readonly pattern: string;
  readonly regionName: string;
  /** First days of the months the period touches, oldest first. */
  readonly months: string[];
  /** The rows of every region breakdown (see `childKeys`). */
  private readonly regionRows: string[];
  private readonly regionRowSet: ReadonlySet<string>;

  constructor(
    readonly regionCode: string,
    readonly from: string,
    readonly to: string,
    /** The smallest count shown about people; 1 when nothing is suppressed for this caller. */
    readonly threshold: number,
    readonly today: string,
    private readonly viewer: Viewer,
  ) {
    this.pattern = regionLikePattern(regionCode);
    this.regionName = regionName(regionCode);
    this.months = [];
    for (let month = `${from.slice(0, 7)}-01`; month <= to; month = addMonths(month, 1)) this.months.push(month);
    // The region's own row (本级) first, then its children: declared, so every region breakdown lists the
    // same rows whatever the data (a dashboard joins open and overdue cases by these keys).
    const children = childRegions(regionCode);
    this.regionRows = regionLevel(regionCode) === "COUNTY" ? children : [regionCode, ...children];
    this.regionRowSet = new Set(this.regionRows);
  }

  /**
   * Counts follow the caller's row visibility (contract.md: "a count leaves them out"): a court counts the
   * institutions it can list (listed, suspended, removed), and the appraisers of those.
   */
  visibleInstitutions(alias: string): { clause: string; params: Record<string, unknown> } {
    return institutionVisibility.sql(this.viewer, alias);
  }

  /** Appraisers the caller can see; `institutionAlias` is LEFT JOINed on the appraiser's current institution. */
  visibleAppraisers(appraiserAlias: string, institutionAlias: string): { clause: string; params: Record<string, unknown> } {
    return appraiserVisibility.sql(this.viewer, appraiserAlias, institutionAlias);
  }

  /**
   * The row a record's region counts in: the child region containing it today, or the region's own row
   * (本级) for records filed at the region itself or at a code no current child region covers. Always one
   * of `childKeys`.
   */
  childOf(code: string): string {
    const current = currentRegionCode(code);
    const level = regionLevel(this.regionCode);
    const candidate =
      level === "NATIONAL" ? `${current.slice(0, 2)}0000` : level === "PROVINCE" ? `${current.slice(0, 4)}00` : level === "CITY" ? current : this.regionCode;
    // A county a province administers directly has no city above it: it is a row of its own.
    const row = findRegion(candidate) ? candidate : current;
    return this.regionRowSet.has(row) ? row : this.regionCode;
  }

  /** Counts by child region from counts by stored region code: every row of `childKeys`, in order, zeros included. */
  byChildRegion(rows: ReadonlyArray<{ region_code: string; n: number | string }>): Count[] {
    const totals = new Map<string, number>(this.regionRows.map((code) => [code, 0]));
    for (const row of rows) {
      const key = this.childOf(row.region_code);
      totals.set(key, totals.get(key)! + Number(row.n));
    }
    return [...totals].map(([key, n]) => ({ key, label: this.childLabel(key), n }));
  }

  /**
   * The rows of a breakdown by region, the same whatever the data: the region's own row (本级) first, unless
   * it is a county, then the child regions valid today in the region table's order (a province's cities and
   * the county-level units it administers directly, a city's counties).
   */
  get childKeys(): readonly string[] {
    return this.regionRows;
  }

  /** A child region's name; the region's own level reads 本级 (records filed at the region itself). */
  childLabel(key: string): string {
    return key === this.regionCode && regionLevel(key) !== "COUNTY" ? `${regionName(key)}本级` : regionName(key);
  }

  /** The period's months as `YYYY-MM` keys with Chinese labels. */
  monthCounts(rows: ReadonlyArray<{ month: string; n: number | string }>): Count[] {
    const totals = new Map<string, number>(this.months.map((m) => [m.slice(0, 7), 0]));
    for (const row of rows) totals.set(row.month.slice(0, 7), (totals.get(row.month.slice(0, 7)) ?? 0) + Number(row.n));
    return [...totals].map(([key, n]) => ({ key, label: monthLabel(key), n }));
  }
}

export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/**
 * Checks a statistics request: only agencies that read statistics, only a region in the caller's
 * jurisdiction (FORBIDDEN otherwise), and a period of at most ten years. The period defaults to the twelve
 * months up to today, the region to the caller's own.
 */
export function statisticsRequest(
  viewer: Viewer,
  args: { regionCode?: string | null; from?: string | null; to?: string | null },
  minimumCount: number,
  today: string,
): StatisticsRequest {
  demand(statisticsReader, "Statistics are for courts, procuratorates, police, bureaus and associations.", viewer);
  const regionCode = args.regionCode ? check.regionCode(args.regionCode, "regionCode") : viewer.agency!.regionCode;
  statisticsRegion.require(viewer, regionCode);
  const to = check.localDate(args.to, "to") ?? today;
  const from = check.localDate(args.from, "from") ?? addMonths(`${to.slice(0, 7)}-01`, -11);
  if (from > to) throw new BadUserInputError("from must not be later than to.", "from");
  if (addMonths(from, MAX_MONTHS) <= to) throw new BadUserInputError(`A period spans at most ${MAX_MONTHS} months.`, "to");
  return new StatisticsRequest(regionCode, from, to, exactSmallCounts(viewer) ? 1 : minimumCount, today, viewer);
}

/** Midnight in China at the start of `day`, as a timestamp literal PostgreSQL reads exactly (a period ends before the midnight after `to`). */
export function chinaMidnight(day: string): string {
  return `${day}T00:00:00+08:00`;
}
