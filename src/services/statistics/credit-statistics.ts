import { breakdown, StatBreakdown } from "./breakdown";
import { countsByKey } from "./labels";
import type { Sql } from "./sql";
import type { StatisticsRequest } from "./statistics-request";

export interface CreditStatistics {
  activeByBehaviour: StatBreakdown;
  activeBySeverity: StatBreakdown;
  repairs: StatBreakdown;
  /** Granted ÷ decided among repairs requested in the period; null when none was decided or a count is hidden. */
  repairRate: number | null;
}

/**
 * Credit records about subjects in the region. Active records (ACTIVE or REPAIR_REQUESTED, not yet past
 * their publication window) are today's; repairs count those requested in the period, by outcome. Records
 * are about identifiable subjects (appraisers among them), so every count is suppressed for callers with a
 * threshold. Grade distributions are in the directory section.
 */
export async function creditStatistics(sql: Sql, req: StatisticsRequest): Promise<CreditStatistics> {
  const [active, repairs] = await Promise.all([
    sql<{ set: string; key: string; n: number }>(
      `SELECT CASE WHEN GROUPING(behaviour) = 0 THEN 'behaviour' ELSE 'severity' END AS set, coalesce(behaviour, severity) AS key, count(*)::int AS n
       FROM credit_records WHERE subject_region_code LIKE :pattern AND status IN ('ACTIVE', 'REPAIR_REQUESTED') AND publish_until >= :today
       GROUP BY GROUPING SETS ((behaviour), (severity))`,
      { pattern: req.pattern, today: req.today },
    ),
    sql<{ key: string; n: number }>(
      `SELECT CASE WHEN status = 'REPAIRED' THEN 'GRANTED' WHEN repair_decided_on IS NOT NULL THEN 'REFUSED' ELSE 'PENDING' END AS key, count(*)::int AS n
       FROM credit_records WHERE subject_region_code LIKE :pattern AND repair_requested_on IS NOT NULL AND repair_requested_on BETWEEN :from AND :to GROUP BY 1`,
      { pattern: req.pattern, from: req.from, to: req.to },
    ),
  ]);
  const t = req.threshold;
  const repairBreakdown = breakdown("repairOutcome", "信用修复申请", countsByKey("repairOutcome", repairs), t);
  const granted = repairBreakdown.cells.find((c) => c.key === "GRANTED")!;
  const refused = repairBreakdown.cells.find((c) => c.key === "REFUSED")!;
  const decided = granted.value !== null && refused.value !== null ? granted.value + refused.value : 0;
  return {
    activeByBehaviour: breakdown("creditBehaviour", "有效失信记录（按行为）", countsByKey("creditBehaviour", active.filter((r) => r.set === "behaviour")), t),
    activeBySeverity: breakdown("creditSeverity", "有效失信记录（按严重程度）", countsByKey("creditSeverity", active.filter((r) => r.set === "severity")), t),
    repairs: repairBreakdown,
    repairRate: decided > 0 ? granted.value! / decided : null,
  };
}
