import DataLoader from "dataloader";
import { AbnormalPatentBatch, AbnormalPatentItem } from "../entities/abnormal-patent.entity";
import { AbnormalPatentGrouping } from "../domain/abnormal-patent-enums";
import { regionName } from "../domain/region-directory";
import { RequestScope } from "../context/request-scope";
import { abnormalPatentVisibility } from "../policy/abnormal-patent.visibility";
import { filterClauses } from "./list-builder";
import type { Clause } from "../policy/decision";
import { itemList, OVERDUE_SQL } from "./abnormal-patent.service";
import type { AbnormalPatentItemFilter } from "../inputs/abnormal-patent.input";

/** Counts of one group of items and its withdrawal rate. */
export interface WithdrawalRate {
  key: string;
  label: string;
  itemCount: number;
  withdrawnCount: number;
  appealedCount: number;
  appealUpheldCount: number;
  overdueCount: number;
  escalatedCount: number;
  /** WITHDRAWN ÷ (ALL − APPEAL_UPHELD); null when every item's appeal was upheld (nothing to withdraw). */
  withdrawalRate: number | null;
  withdrawalTarget: number;
  meetsTarget: boolean | null;
}

/** The counts behind a withdrawal rate, over items `i` joined to their batch `b` (needs `:today`). */
export const WITHDRAWAL_COUNT_COLUMNS: ReadonlyArray<[string, keyof WithdrawalCounts]> = [
  ["count(*)::int", "items"],
  [`count(*) FILTER (WHERE i.status = 'WITHDRAWN')::int`, "withdrawn"],
  [`count(*) FILTER (WHERE i.status = 'APPEALED')::int`, "appealed"],
  [`count(*) FILTER (WHERE i.status = 'APPEAL_UPHELD')::int`, "upheld"],
  [`count(*) FILTER (WHERE ${OVERDUE_SQL})::int`, "overdue"],
  [`count(*) FILTER (WHERE i.status = 'ESCALATED')::int`, "escalated"],
];

export interface WithdrawalCounts {
  items: number;
  withdrawn: number;
  appealed: number;
  upheld: number;
  overdue: number;
  escalated: number;
}

/** A group's counts with its withdrawal rate = WITHDRAWN ÷ (ALL − APPEAL_UPHELD) against the target. */
export function withdrawalRateOf(key: string, label: string, c: WithdrawalCounts, target: number): WithdrawalRate {
  const denominator = Number(c.items) - Number(c.upheld);
  const withdrawalRate = denominator > 0 ? Number(c.withdrawn) / denominator : null;
  return {
    key,
    label,
    itemCount: Number(c.items),
    withdrawnCount: Number(c.withdrawn),
    appealedCount: Number(c.appealed),
    appealUpheldCount: Number(c.upheld),
    overdueCount: Number(c.overdue),
    escalatedCount: Number(c.escalated),
    withdrawalRate,
    withdrawalTarget: target,
    meetsTarget: withdrawalRate === null ? null : withdrawalRate >= target,
  };
}

/**
 * Withdrawal rates of abnormal patent applications (撤回率) over the items the caller may see: by batch, region
 * or patent agency, against the hub's target, batched across the batches of one answer.
 */
export class WithdrawalRates {
  private readonly ratesByBatch = new Map<AbnormalPatentGrouping, DataLoader<string, WithdrawalRate[]>>();

  constructor(private readonly scope: RequestScope) {}

  private get viewer() {
    return this.scope.viewer;
  }

  /** Withdrawal rates over the visible items matching `filter`, broken down by batch, region or patent agency. */
  async rates(groupBy: AbnormalPatentGrouping, filter: AbnormalPatentItemFilter): Promise<WithdrawalRate[]> {
    const where = this.filterSql(filter);
    return this.aggregate(groupBy, where.clause, where.params, false).then((rows) => rows.map((r) => r.rate));
  }

  /** The whole-batch figures (the BATCH group) or its breakdown, batched across the batches of one response. */
  async batchRates(batch: AbnormalPatentBatch, groupBy: AbnormalPatentGrouping): Promise<WithdrawalRate[]> {
    let loader = this.ratesByBatch.get(groupBy);
    if (!loader) {
      loader = new DataLoader<string, WithdrawalRate[]>(async (batchIds) => {
        const visible = abnormalPatentVisibility.sql(this.viewer, "i");
        const rows = await this.aggregate(groupBy, `i.batch_id = ANY(:batchIds) AND ${visible.clause}`, { ...visible.params, batchIds: [...batchIds] }, true);
        return batchIds.map((id) => rows.filter((r) => r.batchId === id).map((r) => r.rate));
      });
      this.ratesByBatch.set(groupBy, loader);
    }
    return loader.load(batch.id);
  }

  async batchTotals(batch: AbnormalPatentBatch): Promise<WithdrawalRate> {
    const [totals] = await this.batchRates(batch, AbnormalPatentGrouping.BATCH);
    return totals ?? withdrawalRateOf(batch.id, batch.batchNo, { items: 0, withdrawn: 0, appealed: 0, upheld: 0, overdue: 0, escalated: 0 }, this.scope.policy.abnormalPatentWithdrawalTarget);
  }

  /** The visible items matching `filter`, as one clause over items `i` joined to their batch `b`. */
  private filterSql(filter: AbnormalPatentItemFilter): Clause {
    const clauses = [abnormalPatentVisibility.sql(this.viewer, "i"), ...filterClauses(itemList(this.scope.today()), filter)];
    return { clause: clauses.map((c) => `(${c.clause})`).join(" AND "), params: Object.assign({}, ...clauses.map((c) => c.params)) };
  }

  private async aggregate(groupBy: AbnormalPatentGrouping, clause: string, params: Record<string, unknown>, perBatch: boolean) {
    const key = { BATCH: "b.id::text", REGION: "i.region_code", PATENT_AGENCY: "coalesce(i.patent_agency_code, '')" }[groupBy];
    const label = { BATCH: "min(b.batch_no)", REGION: "min(i.region_code)", PATENT_AGENCY: "coalesce(min(i.patent_agency_name), '')" }[groupBy];
    const query = this.scope.dataSource
      .createQueryBuilder()
      .from(AbnormalPatentItem, "i")
      .innerJoin(AbnormalPatentBatch, "b", "b.id = i.batch_id")
      .select(key, "key")
      .addSelect(label, "label")
      .where(clause, { ...params, today: this.scope.today() })
      .groupBy(key)
      .orderBy(key, "ASC");
    for (const [expression, alias] of WITHDRAWAL_COUNT_COLUMNS) query.addSelect(expression, alias);
    if (perBatch) query.addSelect("i.batch_id::text", "batch_id").addGroupBy("i.batch_id");
    const rows: Array<{ key: string; label: string; batch_id?: string; items: number; withdrawn: number; appealed: number; upheld: number; overdue: number; escalated: number }> = await query.getRawMany();
    return rows.map((r) => ({
      batchId: r.batch_id,
      rate: withdrawalRateOf(
        r.key,
        groupBy === AbnormalPatentGrouping.REGION ? regionName(r.key) : groupBy === AbnormalPatentGrouping.PATENT_AGENCY && !r.key ? "（无代理机构）" : r.label,
        r,
        this.scope.policy.abnormalPatentWithdrawalTarget,
      ),
    }));
  }
}
