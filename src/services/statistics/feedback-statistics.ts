import { ListingStatus } from "../../domain/directory-enums";
import { addDays, addMonths } from "../../domain/local-date";
import { breakdown, hiddenRows, StatBreakdown } from "./breakdown";
import type { Sql } from "./sql";
import { chinaMidnight, monthLabel, StatisticsRequest } from "./statistics-request";

const RATINGS = { timeliness: "timeliness", professionalism: "professionalism", reportQuality: "report_quality", conduct: "conduct", courtPerformance: "court_performance" } as const;
export type RatingAverages = Record<keyof typeof RATINGS, number | null>;

export interface MonthlyRatings {
  month: string;
  label: string;
  count: number;
  averages: RatingAverages;
}

export interface InstitutionFeedbackStatistics {
  institutionId: string;
  name: string;
  regionCode: string;
  count: number;
  /** Null when fewer feedbacks than the caller's threshold back them. */
  averages: RatingAverages | null;
  complaints: number | null;
  complaintsSuppressed: boolean;
}

export interface FeedbackStatistics {
  count: number;
  averages: RatingAverages;
  adoptionRate: number | null;
  feedbackByMonth: StatBreakdown;
  ratingsByMonth: MonthlyRatings[];
  complaintsByMonth: StatBreakdown;
  complaintsByRegion: StatBreakdown;
  complaintsResolvedByRegion: StatBreakdown;
  /** Every institution with feedback in the period, most feedback first (the resolver pages it). */
  institutions: InstitutionFeedbackStatistics[];
}

type Sums = { n: number; complaints: number; closed: number; adopted: number; adoption_known: number } & Record<string, number>;
type Row = Sums & { set: string; month: string | null; institution_id: string | null; region_code: string | null };

const SUM_COLUMNS = [
  "sum(n)::int AS n",
  "coalesce(sum(n) FILTER (WHERE kind = 'COMPLAINT'), 0)::int AS complaints",
  "sum(closed)::int AS closed",
  "sum(adopted)::int AS adopted",
  "sum(adoption_known)::int AS adoption_known",
  ...Object.values(RATINGS).flatMap((c) => [`sum(${c}_sum)::int AS ${c}_sum`, `sum(${c}_n)::int AS ${c}_n`]),
].join(", ");

function averagesOf(row: Record<string, number> | undefined): RatingAverages {
  const out = {} as RatingAverages;
  for (const [field, column] of Object.entries(RATINGS) as Array<[keyof typeof RATINGS, string]>) {
    const n = Number(row?.[`${column}_n`] ?? 0);
    out[field] = n > 0 ? Number(row![`${column}_sum`]) / n : null;
  }
  return out;
}

/**
 * The period split for the rollup: whole months come from `feedback_monthly`, the days of a partial month
 * at either end from `case_feedback` itself. Nothing is posted after now, so a period reaching today takes
 * its last month whole from the rollup: the dashboards' default period (twelve months up to today) reads no
 * raw row at all.
 */
function periodSegments(from: string, to: string, today: string): { wholeFrom: string; wholeUntil: string; partial: Array<[string, string]> } {
  const end = to >= today ? addMonths(`${to.slice(0, 7)}-01`, 1) : addDays(to, 1);
  const wholeFrom = from.endsWith("-01") ? from : addMonths(`${from.slice(0, 7)}-01`, 1);
  const wholeUntil = end.endsWith("-01") ? end : `${end.slice(0, 7)}-01`;
  if (wholeFrom >= wholeUntil) return { wholeFrom, wholeUntil: wholeFrom, partial: [[from, end]] };
  const partial: Array<[string, string]> = [];
  if (from < wholeFrom) partial.push([from, wholeFrom]);
  if (wholeUntil < end) partial.push([wholeUntil, end]);
  return { wholeFrom, wholeUntil, partial };
}

/**
 * Feedback about the region's institutions posted in the period: counts and average ratings per month,
 * adoption of opinions, complaints received and since resolved or dismissed, and per institution. A single
 * institution's complaints are suppressed below the caller's threshold, and so are per-month and
 * per-region complaint counts (a county may hold one institution), each with complementary suppression.
 */
export async function feedbackStatistics(
  sql: Sql,
  req: StatisticsRequest,
  canSeeInstitution: (institution: { id: string; listingStatus: ListingStatus; regionCode: string }) => boolean,
): Promise<FeedbackStatistics> {
  const { wholeFrom, wholeUntil, partial } = periodSegments(req.from, req.to, req.today);
  const ratingColumns = Object.values(RATINGS);
  const rawRatings = ratingColumns.map((c) => `coalesce(rating_${c}, 0) AS ${c}_sum, (rating_${c} IS NOT NULL)::int AS ${c}_n`).join(", ");
  const rolledRatings = ratingColumns.map((c) => `${c}_sum, ${c}_n`).join(", ");
  const params: Record<string, unknown> = { pattern: req.pattern, wholeFrom, wholeUntil };
  const partialClauses = partial.map(([a, b], i) => {
    params[`p${i}from`] = chinaMidnight(a);
    params[`p${i}until`] = chinaMidnight(b);
    return `(posted_at >= :p${i}from AND posted_at < :p${i}until)`;
  });
  const raw = partialClauses.length
    ? `UNION ALL
       SELECT institution_region_code AS region_code, to_char(posted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, institution_id, kind, 1 AS n,
              ${rawRatings}, coalesce(opinion_adopted::int, 0) AS adopted, (opinion_adopted IS NOT NULL)::int AS adoption_known,
              (complaint_status IN ('RESOLVED','DISMISSED'))::int AS closed
       FROM case_feedback WHERE institution_region_code LIKE :pattern AND (${partialClauses.join(" OR ")})`
    : "";
  const rows = await sql<Row>(
    `WITH base AS (
       SELECT institution_region_code AS region_code, to_char(month, 'YYYY-MM') AS month, institution_id, kind, feedback_count AS n,
              ${rolledRatings}, adopted_count AS adopted, adoption_known_count AS adoption_known, complaints_closed AS closed
       FROM feedback_monthly WHERE institution_region_code LIKE :pattern AND month >= :wholeFrom AND month < :wholeUntil
       ${raw}
     )
     SELECT CASE WHEN GROUPING(month) = 0 THEN 'month' WHEN GROUPING(institution_id) = 0 THEN 'institution' WHEN GROUPING(region_code) = 0 THEN 'region' ELSE 'all' END AS set,
            month, institution_id, region_code, ${SUM_COLUMNS}
     FROM base GROUP BY GROUPING SETS ((month), (institution_id), (region_code), ())`,
    params,
  );
  const ofSet = (set: string) => rows.filter((r) => r.set === set && Number(r.n) !== 0);
  const all = rows.find((r) => r.set === "all");
  const months = ofSet("month");
  const regions = ofSet("region");
  const perInstitution = ofSet("institution").sort((a, b) => b.n - a.n || a.institution_id!.localeCompare(b.institution_id!));
  const t = req.threshold;
  const hiddenComplaints = hiddenRows(
    perInstitution.map((r) => ({ key: r.institution_id!, n: r.complaints })),
    t,
  );
  const names = perInstitution.length
    ? await sql<{ id: string; name: string; region_code: string; listing_status: ListingStatus }>(`SELECT id, name, region_code, listing_status FROM institutions WHERE id = ANY(:ids)`, { ids: perInstitution.map((r) => r.institution_id) })
    : [];
  // The list names only institutions that exist for the caller; the counts above cover them all.
  const nameOf = new Map(names.filter((n) => canSeeInstitution({ id: n.id, listingStatus: n.listing_status, regionCode: n.region_code })).map((n) => [n.id, n]));
  return {
    count: all?.n ?? 0,
    averages: averagesOf(all),
    adoptionRate: all && all.adoption_known > 0 ? all.adopted / all.adoption_known : null,
    feedbackByMonth: breakdown("month", "反馈数量", req.monthCounts(months.map((r) => ({ month: r.month!, n: r.n }))), 1),
    ratingsByMonth: req.months.map((m) => {
      const row = months.find((r) => r.month === m.slice(0, 7));
      return { month: m.slice(0, 7), label: monthLabel(m), count: row?.n ?? 0, averages: averagesOf(row) };
    }),
    complaintsByMonth: breakdown("month", "投诉数量", req.monthCounts(months.map((r) => ({ month: r.month!, n: r.complaints }))), t),
    complaintsByRegion: breakdown("region", "收到投诉", req.byChildRegion(regions.map((r) => ({ region_code: r.region_code!, n: r.complaints }))), t),
    complaintsResolvedByRegion: breakdown("region", "已办结投诉", req.byChildRegion(regions.map((r) => ({ region_code: r.region_code!, n: r.closed }))), t),
    institutions: perInstitution.filter((r) => nameOf.has(r.institution_id!)).map((r) => {
      const hidden = hiddenComplaints.has(r.institution_id!);
      return {
        institutionId: r.institution_id!,
        name: nameOf.get(r.institution_id!)!.name,
        regionCode: nameOf.get(r.institution_id!)!.region_code,
        count: r.n,
        averages: r.n >= t ? averagesOf(r) : null,
        complaints: hidden ? null : r.complaints,
        complaintsSuppressed: hidden,
      };
    }),
  };
}
