import { WITHDRAWAL_COUNT_COLUMNS, WithdrawalCounts, WithdrawalRate, withdrawalRateOf } from "../abnormal-patent-rates";
import { hiddenRows } from "./breakdown";
import type { Sql } from "./sql";
import type { StatisticsRequest } from "./statistics-request";

/** A withdrawal rate row; every figure null and `suppressed` true when the group is too small to show. */
export type StatisticsWithdrawalRate = { [K in keyof WithdrawalRate]: WithdrawalRate[K] | (K extends "key" | "label" | "withdrawalTarget" ? never : null) } & {
  suppressed: boolean;
};

export interface AbnormalPatentStatistics {
  withdrawalTarget: number;
  total: StatisticsWithdrawalRate;
  byBatch: StatisticsWithdrawalRate[];
  byRegion: StatisticsWithdrawalRate[];
}

type Row = WithdrawalCounts & { batch_id: string; batch_no: string; region_code: string };

const ZERO: WithdrawalCounts = { items: 0, withdrawn: 0, appealed: 0, upheld: 0, overdue: 0, escalated: 0 };

function add(a: WithdrawalCounts, b: WithdrawalCounts): WithdrawalCounts {
  return { items: a.items + b.items, withdrawn: a.withdrawn + b.withdrawn, appealed: a.appealed + b.appealed, upheld: a.upheld + b.upheld, overdue: a.overdue + b.overdue, escalated: a.escalated + b.escalated };
}

function hide(rate: WithdrawalRate): StatisticsWithdrawalRate {
  return {
    key: rate.key,
    label: rate.label,
    withdrawalTarget: rate.withdrawalTarget,
    itemCount: null,
    withdrawnCount: null,
    appealedCount: null,
    appealUpheldCount: null,
    overdueCount: null,
    escalatedCount: null,
    withdrawalRate: null,
    meetsTarget: null,
    suppressed: true,
  };
}

/**
 * Abnormal patent applications of batches received in the period, with applicants in the region: the
 * withdrawal rate per batch and per child region (down to counties) against the target line. Applicants may
 * be natural persons, so groups with fewer items than the caller's threshold are hidden whole.
 */
export async function abnormalPatentStatistics(sql: Sql, req: StatisticsRequest, target: number): Promise<AbnormalPatentStatistics> {
  const rows = await sql<Row>(
    `SELECT b.id::text AS batch_id, min(b.batch_no) AS batch_no, i.region_code, ${WITHDRAWAL_COUNT_COLUMNS.map(([e, alias]) => `${e} AS ${alias}`).join(", ")}
     FROM abnormal_patent_items i JOIN abnormal_patent_batches b ON b.id = i.batch_id
     WHERE i.region_code LIKE :pattern AND b.received_on BETWEEN :from AND :to
     GROUP BY b.id, i.region_code`,
    { pattern: req.pattern, from: req.from, to: req.to, today: req.today },
  );
  const batches = new Map<string, { label: string; counts: WithdrawalCounts }>();
  const regions = new Map<string, WithdrawalCounts>(req.childKeys.map((key) => [key, ZERO]));
  let total = ZERO;
  for (const row of rows) {
    const batch = batches.get(row.batch_id) ?? { label: row.batch_no, counts: ZERO };
    batches.set(row.batch_id, { label: batch.label, counts: add(batch.counts, row) });
    const region = req.childOf(row.region_code);
    regions.set(region, add(regions.get(region)!, row));
    total = add(total, row);
  }
  const shown = (groups: Array<{ key: string; label: string; counts: WithdrawalCounts }>): StatisticsWithdrawalRate[] => {
    const hidden = hiddenRows(groups.map((g) => ({ key: g.key, n: g.counts.items })), req.threshold);
    return groups.map((g) => {
      const rate = withdrawalRateOf(g.key, g.label, g.counts, target);
      return hidden.has(g.key) ? hide(rate) : { ...rate, suppressed: false };
    });
  };
  const totalRate = withdrawalRateOf(req.regionCode, req.regionName, total, target);
  return {
    withdrawalTarget: target,
    total: req.threshold > 1 && total.items > 0 && total.items < req.threshold ? hide(totalRate) : { ...totalRate, suppressed: false },
    byBatch: shown([...batches].map(([key, b]) => ({ key, label: b.label, counts: b.counts })).sort((a, b) => a.label.localeCompare(b.label))),
    byRegion: shown([...regions].map(([key, counts]) => ({ key, label: req.childLabel(key), counts }))),
  };
}
