import type { RequestScope } from "../context/request-scope";
import { BadUserInputError } from "../errors/errors";
import { creditExportVisibility } from "../policy/credit-export.visibility";
import { demand } from "../policy/decision";
import { creditDecider } from "../policy/rules";
import * as check from "./validate";

/** One row of the credit exchange: a determination (失信) or a positive record (守信), as the platform takes it. */
export interface CreditExportRow {
  category: "DETERMINATION" | "INCENTIVE";
  id: string;
  subjectType: string;
  subjectName: string;
  subjectCreditCode: string | null;
  subjectCertificateNo: string | null;
  subjectRegionCode: string;
  /** The behaviour of a determination, the kind of a positive record. */
  code: string;
  severity: string | null;
  decisionDocNo: string;
  decidedOn: string;
  decidingAgencyCode: string;
  decidingAgencyName: string | null;
  basis: string;
  measures: string[];
  announced: boolean;
  publishFrom: string;
  publishUntil: string;
  status: string;
  repairedOn: string | null;
  updatedAt: string;
}

export interface CreditExportPage {
  /** Pass as `updatedSince` next time (and as `until` for the following pages of this export). */
  watermark: string;
  rows: CreditExportRow[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface CreditExportArgs {
  updatedSince?: string | null;
  until?: string | null;
  from?: string | null;
  to?: string | null;
  first?: number | null;
  after?: string | null;
}

/** An instant with microseconds, as the hub hands it out (`2026-11-27T01:02:03.456789Z`). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const MAX_PAGE = 1000;

const instant = (value: string | null | undefined, field: string): string | null => {
  if (value === null || value === undefined) return null;
  if (!INSTANT.test(value) || Number.isNaN(Date.parse(value))) throw new BadUserInputError(`${field} is an instant such as 2026-11-27T01:02:03.456789Z (the watermark of the last export).`, field);
  return value;
};

/**
 * The credit exchange with the public credit information platform (将知识产权信用信息录入市公共信用信息共享平台):
 * what changed in a bureau's jurisdiction, in the order it changed, so a nightly job sends only the change
 * since the last run. Repairs, revocations and requests for repair are changes; a window running out is not
 * (the platform has the window).
 *
 * The watermark closes a window no unfinished write can fall behind: a row carries the start of the
 * transaction that wrote it, so the watermark is now or, when earlier, the start of the oldest transaction
 * still open elsewhere. Rows from `updatedSince` (inclusive) up to the watermark (exclusive) are answered;
 * a write still open commits with a time at or after the watermark and comes with the next run.
 *
 * Read on the primary, never on a read replica (`db/read-replicas.ts`): the watermark closes the window against
 * the primary's own open transactions, and a replica that has not yet replayed a row written before it would
 * leave that row out of this run while the next run starts after it, for good.
 */
export class CreditExportService {
  constructor(private readonly scope: RequestScope) {}

  async page(args: CreditExportArgs): Promise<CreditExportPage> {
    const viewer = this.scope.viewer;
    demand(creditDecider, "Market-regulation bureaus exchange credit information with the public credit platform.", viewer);
    const since = instant(args.updatedSince, "updatedSince");
    const until = instant(args.until, "until") ?? (await this.watermark());
    const from = check.localDate(args.from, "from");
    const to = check.localDate(args.to, "to");
    if (from && to && to < from) throw new BadUserInputError("to is before from.", "to");
    const first = Math.min(Math.max(args.first ?? 500, 1), MAX_PAGE);
    const after = args.after ? decodeCursor(args.after) : null;

    const visibility = creditExportVisibility.sql(viewer, "x");
    const params: Record<string, unknown> = { ...visibility.params, until, limit: first + 1 };
    const where = [visibility.clause, `x.updated_at < :until::timestamptz`];
    if (since) where.push(`x.updated_at >= :since::timestamptz`), (params.since = since);
    if (from) where.push(`x.decided_on >= :from::date`), (params.from = from);
    if (to) where.push(`x.decided_on <= :to::date`), (params.to = to);
    if (after) where.push(`(x.updated_at, x.id) > (:afterAt::timestamptz, :afterId::uuid)`), Object.assign(params, { afterAt: after.at, afterId: after.id });
    params.today = this.scope.today();

    const [sql, values] = this.scope.dataSource.driver.escapeQueryWithParameters(
      `WITH x AS (
         SELECT 'DETERMINATION' AS category, r.id, r.subject_type, r.subject_name, r.subject_credit_code, r.subject_attorney_id, r.subject_region_code,
                r.behaviour AS code, r.severity, r.decision_doc_no, r.decided_on, r.deciding_agency_code, r.basis, r.measures, r.announced,
                r.publish_from, r.publish_until, r.status, CASE WHEN r.status = 'REPAIRED' THEN r.repair_decided_on END AS repaired_on, r.updated_at
           FROM credit_records r
         UNION ALL
         SELECT 'INCENTIVE', i.id, i.subject_type, i.subject_name, i.subject_credit_code, i.subject_attorney_id, i.subject_region_code,
                i.kind, NULL, i.decision_doc_no, i.decided_on, i.deciding_agency_code, i.basis, i.measures, true,
                i.publish_from, i.publish_until, i.status, NULL, i.updated_at
           FROM credit_incentives i)
       SELECT x.category, x.id::text AS id, x.subject_type, x.subject_name, x.subject_credit_code, p.certificate_masked, x.subject_region_code,
              x.code, x.severity, x.decision_doc_no, x.decided_on::text AS decided_on, x.deciding_agency_code, a.name AS deciding_agency_name,
              x.basis, x.measures, x.announced, x.publish_from::text AS publish_from, x.publish_until::text AS publish_until,
              CASE WHEN x.status = 'ACTIVE' AND x.publish_until < :today::date THEN 'EXPIRED' ELSE x.status END AS status,
              x.repaired_on::text AS repaired_on, to_char(x.updated_at AT TIME ZONE 'UTC', ${ISO_UTC}) AS updated_at
         FROM x
         LEFT JOIN agencies a ON a.code = x.deciding_agency_code
         LEFT JOIN patent_attorneys p ON p.id = x.subject_attorney_id
        WHERE ${where.join(" AND ")}
        ORDER BY x.updated_at, x.id
        LIMIT :limit`,
      params,
    );
    const found: Array<Record<string, unknown>> = await this.scope.dataSource.query(sql, values);
    const rows = found.slice(0, first).map(toRow);
    const last = rows.at(-1);
    return { watermark: until, rows, hasNextPage: found.length > first, endCursor: last ? encodeCursor(last) : null };
  }

  /** Now, or the start of the oldest transaction open in another client session when that is earlier (autovacuum writes no credit rows). */
  private async watermark(): Promise<string> {
    const [row] = await this.scope.dataSource.query(
      `SELECT to_char(LEAST(now(), COALESCE((SELECT min(xact_start) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database() AND backend_type = 'client backend'), now())) AT TIME ZONE 'UTC', ${ISO_UTC}) AS at`,
    );
    return row.at;
  }
}

const toRow = (r: Record<string, unknown>): CreditExportRow => ({
  category: r.category as CreditExportRow["category"],
  id: r.id as string,
  subjectType: r.subject_type as string,
  subjectName: r.subject_name as string,
  subjectCreditCode: (r.subject_credit_code as string | null) ?? null,
  subjectCertificateNo: (r.certificate_masked as string | null) ?? null,
  subjectRegionCode: r.subject_region_code as string,
  code: r.code as string,
  severity: (r.severity as string | null) ?? null,
  decisionDocNo: r.decision_doc_no as string,
  decidedOn: r.decided_on as string,
  decidingAgencyCode: r.deciding_agency_code as string,
  decidingAgencyName: (r.deciding_agency_name as string | null) ?? null,
  basis: r.basis as string,
  measures: (r.measures as string[] | null) ?? [],
  announced: r.announced as boolean,
  publishFrom: r.publish_from as string,
  publishUntil: r.publish_until as string,
  status: r.status as string,
  repairedOn: (r.repaired_on as string | null) ?? null,
  updatedAt: r.updated_at as string,
});

const encodeCursor = (row: CreditExportRow) => Buffer.from(`${row.updatedAt}|${row.id}`).toString("base64url");

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id, extra] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (extra !== undefined || !at || !id || !INSTANT.test(at) || !check.isUuid(id)) throw new BadUserInputError("The cursor is not one this export gave.", "after");
  return { at, id };
}
