import DataLoader from "dataloader";
import { DataSource, EntityManager } from "typeorm";
import { TrademarkAlert } from "../entities/custody-trademark.entity";
import { addMonths } from "../domain/local-date";
import { TrademarkAlertKind } from "../domain/trademark-enums";
import { groupBy } from "./group-by";

/**
 * A mark's alerts as everyone reads them: the stored ones plus the EXPIRING alert the hub raises while a mark
 * under ACTIVE custody expires on or before the horizon (today plus the alert window) and nobody has handled
 * that expiry yet. The rule is written here once, in SQL: the alert list, a mark's alerts and the handling of
 * a computed alert all read this feed, so they cannot disagree on which alerts exist.
 */

/** The parameters of the rule on one day. */
export interface AlertWindow {
  /** The last expiry day that already raises an alert. */
  horizon: string;
  /** How many months before the expiry the alert is raised. */
  months: number;
}

export function alertWindow(today: string, months: number): AlertWindow {
  return { horizon: addMonths(today, months), months };
}

/** Who raised a computed alert. */
export const HUB_RAISER = "hub";

/** A computed EXPIRING alert is named by its mark and the expiry date it warns about. */
const EXPIRING_ID = /^expiring:([0-9a-f-]{36}):(\d{4}-\d{2}-\d{2})$/;

/** The mark and expiry day a computed EXPIRING alert id names, or null for any other id. */
export function computedAlertOf(alertId: string): { trademarkId: string; dueOn: string } | null {
  const match = EXPIRING_ID.exec(alertId);
  return match ? { trademarkId: match[1], dueOn: match[2] } : null;
}

/**
 * The feed over the marks of `marks` (a table or a parenthesised subquery), with the mark's region;
 * parameters `:horizon` and `:months`. The marks are read once (a CTE both branches use). Newest first is the
 * reader's ORDER BY.
 */
export function alertFeedSql(marks: string): string {
  return `
    WITH t AS (SELECT * FROM ${marks} m)
    SELECT s.id::text AS id, s.trademark_id, s.kind, s.detail, s.reference, s.due_on, s.raised_on, s.raised_by_agency_code, s.status,
           s.handling_note, s.handled_by_agency_code, s.handled_at, s.version, t.region_code
      FROM trademark_alerts s JOIN t ON t.id = s.trademark_id
    UNION ALL
    SELECT 'expiring:' || t.id::text || ':' || to_char(t.expires_on, 'YYYY-MM-DD'), t.id, 'EXPIRING', '', NULL, t.expires_on,
           (t.expires_on - make_interval(months => :months))::date, '${HUB_RAISER}', 'OPEN', NULL, NULL, NULL, 1, t.region_code
      FROM t
     WHERE t.custody_status = 'ACTIVE' AND t.expires_on <= :horizon
       AND NOT EXISTS (SELECT 1 FROM trademark_alerts x WHERE x.trademark_id = t.id AND x.kind = 'EXPIRING' AND x.due_on = t.expires_on)`;
}

/** One row of the feed as the entity; a computed alert carries the hub's standard wording. */
export function alertFromRow(row: Record<string, any>): TrademarkAlert {
  const computed = row.raised_by_agency_code === HUB_RAISER && String(row.id).startsWith("expiring:");
  return Object.assign(new TrademarkAlert(), {
    id: row.id,
    trademarkId: row.trademark_id,
    kind: row.kind as TrademarkAlertKind,
    detail: computed ? `注册商标专用权于 ${row.due_on} 期满，请在期满前十二个月内办理续展（期满后另有六个月宽展期）。` : row.detail,
    reference: row.reference,
    dueOn: row.due_on,
    raisedOn: row.raised_on,
    raisedByAgencyCode: row.raised_by_agency_code,
    status: row.status,
    handlingNote: row.handling_note,
    handledByAgencyCode: row.handled_by_agency_code,
    handledAt: row.handled_at ? new Date(row.handled_at) : null,
    version: Number(row.version),
  });
}

/** The feed over `marks` with `where` on its rows (alias `a`), newest first; `manager` may be a transaction's. */
export async function readAlertFeed(manager: EntityManager, window: AlertWindow, marks: string, where: string, params: Record<string, unknown>): Promise<TrademarkAlert[]> {
  const [sql, values] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT * FROM (${alertFeedSql(marks)}) a WHERE ${where} ORDER BY a.raised_on DESC, a.id DESC`,
    { ...params, horizon: window.horizon, months: window.months },
  );
  const rows: Array<Record<string, any>> = await manager.query(sql, values);
  return rows.map(alertFromRow);
}

/** Each mark's alerts, newest first, one statement per batch; `window` is read when a batch runs. */
export function trademarkAlertsByTrademarkId(dataSource: DataSource, window: () => AlertWindow): DataLoader<string, TrademarkAlert[]> {
  return new DataLoader<string, TrademarkAlert[]>(async (ids) => {
    const alerts = await readAlertFeed(dataSource.manager, window(), "(SELECT * FROM custody_trademarks WHERE id IN (:...ids))", "TRUE", { ids: [...ids] });
    const groups = groupBy(alerts, (alert) => alert.trademarkId);
    return ids.map((id) => groups.get(id) ?? []);
  });
}
