import { addDays } from "../../domain/local-date";
import { breakdown, StatBreakdown } from "./breakdown";
import { countsByKey, label } from "./labels";
import type { Sql } from "./sql";
import { chinaMidnight, StatisticsRequest } from "./statistics-request";

export interface CollaborationFlow {
  fromKind: string;
  fromLabel: string;
  toKind: string;
  toLabel: string;
  count: number;
}

export interface CollaborationStatistics {
  opened: number;
  closed: number;
  byKind: StatBreakdown;
  flows: CollaborationFlow[];
  /** Records in which another party than the initiator has acted. */
  responded: number;
  /** Hours from opening to the first event recorded by another party, averaged over `responded`. */
  averageResponseHours: number | null;
}

/**
 * Enforcement collaboration opened in the period in the region: by kind, flows from the initiator's agency
 * kind to each participant's, and how fast the other parties first act. Records are between agencies, not
 * about people, and are not suppressed.
 */
export async function collaborationStatistics(sql: Sql, req: StatisticsRequest): Promise<CollaborationStatistics> {
  const params = { pattern: req.pattern, from: chinaMidnight(req.from), until: chinaMidnight(addDays(req.to, 1)) };
  const inPeriod = `r.region_code LIKE :pattern AND r.opened_at >= :from AND r.opened_at < :until`;
  const [kinds, flows, [timing]] = await Promise.all([
    sql<{ key: string; n: number; closed: number }>(
      `SELECT r.kind AS key, count(*)::int AS n, count(*) FILTER (WHERE r.status = 'CLOSED')::int AS closed FROM collaboration_records r WHERE ${inPeriod} GROUP BY 1`,
      params,
    ),
    sql<{ from_kind: string; to_kind: string; n: number }>(
      `SELECT ia.kind AS from_kind, pa.kind AS to_kind, count(*)::int AS n
       FROM collaboration_records r
       JOIN agencies ia ON ia.id = r.initiator_agency_id
       JOIN collaboration_participants p ON p.record_id = r.id AND p.role = 'PARTICIPANT'
       JOIN agencies pa ON pa.id = p.agency_id
       WHERE ${inPeriod} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      params,
    ),
    sql<{ responded: number; hours: string | null }>(
      `SELECT count(first.at)::int AS responded, avg(extract(epoch FROM first.at - r.opened_at) / 3600) AS hours
       FROM collaboration_records r
       LEFT JOIN LATERAL (SELECT min(e.occurred_at) AS at FROM collaboration_events e WHERE e.record_id = r.id AND e.actor_agency_code <> r.initiator_agency_code) first ON true
       WHERE ${inPeriod}`,
      params,
    ),
  ]);
  const byKind = breakdown("collaborationKind", "协作类型", countsByKey("collaborationKind", kinds), 1);
  return {
    opened: byKind.total ?? 0,
    closed: kinds.reduce((s, k) => s + k.closed, 0),
    byKind,
    flows: flows.map((f) => ({ fromKind: f.from_kind, fromLabel: label("agencyKind", f.from_kind), toKind: f.to_kind, toLabel: label("agencyKind", f.to_kind), count: f.n })),
    responded: timing?.responded ?? 0,
    averageResponseHours: timing?.hours === null || timing?.hours === undefined ? null : Math.round(Number(timing.hours) * 10) / 10,
  };
}
