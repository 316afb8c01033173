import DataLoader from "dataloader";
import { EntityManager, In } from "typeorm";
import { AuditOutcome } from "../entities/audit-event.entity";
import { AbnormalPatentBatch, AbnormalPatentEvent, AbnormalPatentItem } from "../entities/abnormal-patent.entity";
import { CreditRecord } from "../entities/credit-record.entity";
import {
  ABNORMAL_PATENT_MOVES,
  AbnormalPatentAction,
  AbnormalPatentGrouping,
  AbnormalPatentStatus,
  AWAITING_APPLICANT,
  EscalationSubject,
} from "../domain/abnormal-patent-enums";
import { CreditBehaviour, CreditSeverity, CreditSubjectType } from "../domain/credit-enums";
import { addDays } from "../domain/local-date";
import { regionName } from "../domain/region-directory";
import { BadUserInputError, ConflictError, ForbiddenError, HubError, InvalidStateTransitionError, NotFoundError } from "../errors/errors";
import { regionLikePattern } from "../auth/region";
import { auditActor, RequestScope } from "../context/request-scope";
import { AbnormalPatentItemInput, allocationTable, prepareItem, PreparedItem, sameItem } from "./abnormal-patent-items";
import type { CreditRecordService, CreditSubject } from "./credit-record.service";
import { Page } from "./pagination";
import * as check from "./validate";
import { assertVersion, updateVersioned } from "./versioned-update";
import { abnormalPatentBatchVisibility, abnormalPatentVisibility } from "../policy/abnormal-patent.visibility";
import { extendAbnormalPatentBatch, handleAbnormalPatent, importAbnormalPatent } from "../policy/abnormal-patent.permissions";
import { demand } from "../policy/decision";
import { patentImporter } from "../policy/rules";
import { CommandRunner, Created } from "./command-runner";
import { equals, filterClauses, ListSpec, listPage } from "./list-builder";
import type { Clause } from "../policy/decision";

export type { AbnormalPatentItemInput } from "./abnormal-patent-items";

export interface ImportBatchInput {
  batchNo: string;
  receivedOn?: string | null;
  deadline?: string | null;
  items: AbnormalPatentItemInput[];
  dryRun?: boolean | null;
}

/** A refused item: its position in the input (1-based), the item field at fault, the error code and message. */
export interface ItemRejection {
  index: number;
  field: string;
  code: string;
  message: string;
}

export interface BatchImportResult {
  batch: AbnormalPatentBatch | null;
  created: number;
  unchanged: number;
  rejected: ItemRejection[];
  dryRun: boolean;
}

export interface HandlingInput {
  idempotencyKey?: string | null;
  action: AbnormalPatentAction;
  note?: string | null;
  escalation?: { subject: EscalationSubject; decisionDocNo: string; basis?: string | null; severity?: CreditSeverity | null; measures?: string[] | null } | null;
}

export interface AbnormalPatentFilter {
  batchId?: string | null;
  regionCode?: string | null;
  status?: AbnormalPatentStatus | null;
  patentAgencyCode?: string | null;
  allocatedAgencyCode?: string | null;
  applicationNumber?: string | null;
}

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

export const MAX_BATCH_ITEMS = 5000;

/** `status` (below) in SQL, over items `i` joined to their batch `b`: still waiting after the deadline. */
const OVERDUE_SQL = `i.status IN (${AWAITING_APPLICANT.map((s) => `'${s}'`).join(",")}) AND b.deadline < :today`;

export interface AbnormalPatentBatchFilter {
  batchId?: string | null;
  batchNo?: string | null;
}

/** Batches, newest received first. */
const BATCH_LIST: ListSpec<AbnormalPatentBatch, AbnormalPatentBatchFilter> = {
  entity: AbnormalPatentBatch,
  alias: "b",
  filters: {
    batchId: equals("id", "batchId", (id: string) => check.idFilter(id, "filter.batchId")),
    batchNo: equals("batch_no", "batchNo", (no: string) => no.trim()),
  },
  order: {
    direction: "DESC",
    keys: [
      { column: "b.received_on", part: "date", value: (row) => row.receivedOn },
      { column: "b.id", part: "uuid", value: (row) => row.id },
    ],
  },
};

/** Items by application number, with their batch `b` (its deadline decides OVERDUE on `today`). */
const itemList = (today: string): ListSpec<AbnormalPatentItem, AbnormalPatentFilter> => ({
  entity: AbnormalPatentItem,
  alias: "i",
  joins: [{ entity: AbnormalPatentBatch, alias: "b", on: "b.id = i.batch_id" }],
  filters: {
    batchId: equals("batch_id", "batchId", (id: string) => check.idFilter(id, "filter.batchId")),
    regionCode: (code, i) => ({ clause: `${i}.region_code LIKE :region`, params: { region: regionLikePattern(check.regionCode(code, "filter.regionCode")) } }),
    patentAgencyCode: equals("patent_agency_code", "agencyCode", (code: string) => code.trim()),
    allocatedAgencyCode: equals("allocated_agency_code", "allocated", (code: string) => code.trim()),
    applicationNumber: equals("application_number", "number", (no: string) => no.trim().toUpperCase()),
    status: (status) => {
      if (status === AbnormalPatentStatus.OVERDUE) return { clause: OVERDUE_SQL, params: { today } };
      if (AWAITING_APPLICANT.includes(status)) return { clause: "i.status = :status AND b.deadline >= :today", params: { status, today } };
      return { clause: "i.status = :status", params: { status } };
    },
  },
  order: {
    direction: "ASC",
    keys: [
      { column: "i.application_number", part: "text", value: (row) => row.applicationNumber },
      { column: "i.id", part: "uuid", value: (row) => row.id },
    ],
  },
});

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

/** Thrown inside the import's transaction to roll it back while still answering with the report. */
class RollBack extends Error {
  constructor(readonly result: BatchImportResult) {
    super("roll back");
  }
}

/**
 * 非正常专利申请快速处置: a province-level bureau imports a batch; each item goes to the bureau of the
 * applicant's county (or city); that bureau records notification, the result and the feedback, and escalates
 * an item still waiting after the deadline into a credit record. Items exist only for the market-regulation
 * bureaus covering the applicant's region, and every count is taken over the items the caller may see.
 */
export class AbnormalPatentService {
  private readonly ratesByBatch = new Map<AbnormalPatentGrouping, DataLoader<string, WithdrawalRate[]>>();

  private readonly commands: CommandRunner;

  constructor(
    private readonly scope: RequestScope,
    private readonly credit: CreditRecordService,
  ) {
    this.commands = new CommandRunner(scope);
  }

  private get viewer() {
    return this.scope.viewer;
  }

  /** The stored status, or OVERDUE while waiting for the applicant after the deadline (OVERDUE_SQL in SQL). */
  status(item: AbnormalPatentItem, batch: AbnormalPatentBatch): AbnormalPatentStatus {
    return AWAITING_APPLICANT.includes(item.storedStatus) && batch.deadline < this.scope.today() ? AbnormalPatentStatus.OVERDUE : item.storedStatus;
  }

  async batchOf(item: AbnormalPatentItem): Promise<AbnormalPatentBatch> {
    const batch = await this.scope.loaders.abnormalPatentBatchById.load(item.batchId);
    if (!batch) throw new NotFoundError("Abnormal patent batch");
    return batch;
  }

  async effectiveStatus(item: AbnormalPatentItem): Promise<AbnormalPatentStatus> {
    return this.status(item, await this.batchOf(item));
  }

  history(item: AbnormalPatentItem): Promise<AbnormalPatentEvent[]> {
    return this.scope.loaders.abnormalPatentEventsByItemId.load(item.id);
  }

  async creditRecord(item: AbnormalPatentItem): Promise<CreditRecord | null> {
    const record = await this.scope.loaders.creditRecordByPatentItemId.load(item.id);
    return record ? ((await this.credit.visible([record]))[0] ?? null) : null;
  }

  async itemById(id: string): Promise<AbnormalPatentItem | null> {
    if (!check.isUuid(id)) return null;
    const item = await this.scope.loaders.abnormalPatentItemById.load(id);
    return item && abnormalPatentVisibility.test(this.viewer, item) ? item : null;
  }

  async batchById(id: string): Promise<AbnormalPatentBatch | null> {
    if (!check.isUuid(id)) return null;
    const page = await this.batches({ batchId: id }, 1, null);
    return page.nodes[0] ?? null;
  }

  /** Batches the caller issued or has items of, newest first. */
  async batches(filter: AbnormalPatentBatchFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<AbnormalPatentBatch>> {
    const page = await listPage(this.scope.dataSource, BATCH_LIST, abnormalPatentBatchVisibility.sql(this.viewer, "b"), filter, { first, after });
    for (const row of page.nodes) this.scope.loaders.abnormalPatentBatchById.prime(row.id, row);
    return page;
  }

  async items(filter: AbnormalPatentFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<AbnormalPatentItem>> {
    const page = await listPage(this.scope.dataSource, itemList(this.scope.today()), abnormalPatentVisibility.sql(this.viewer, "i"), filter, { first, after });
    for (const row of page.nodes) this.scope.loaders.abnormalPatentItemById.prime(row.id, row);
    return page;
  }

  /** Withdrawal rates over the visible items matching `filter`, broken down by batch, region or patent agency. */
  async rates(groupBy: AbnormalPatentGrouping, filter: AbnormalPatentFilter): Promise<WithdrawalRate[]> {
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
  private filterSql(filter: AbnormalPatentFilter): Clause {
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

  /**
   * Imports a batch, or the items of a batch not yet imported. Every item is checked first; good items are
   * written in one transaction with the batch and one audit entry, refused items are reported by position.
   * An item already in the batch with the same particulars is `unchanged`; with other particulars it is
   * refused (CONFLICT). When nothing new would be written (or with `dryRun`) the transaction is rolled back.
   */
  async importBatch(input: ImportBatchInput): Promise<BatchImportResult> {
    const viewer = this.viewer;
    demand(patentImporter, "Batches are imported by market-regulation bureaus at province level or above.", viewer);
    const batchNo = check.text(input.batchNo, "input.batchNo", { max: 50, required: true });
    const today = this.scope.today();
    const receivedOn = check.localDate(input.receivedOn, "input.receivedOn");
    if (receivedOn && receivedOn > today) throw new BadUserInputError("receivedOn is in the future.", "input.receivedOn");
    const deadline = check.localDate(input.deadline, "input.deadline");
    if (deadline && receivedOn && deadline < receivedOn) throw new BadUserInputError("The deadline is before the day the batch was received.", "input.deadline");
    if (input.items.length === 0) throw new BadUserInputError("A batch needs at least one item.", "input.items");
    if (input.items.length > MAX_BATCH_ITEMS) throw new BadUserInputError(`A batch holds at most ${MAX_BATCH_ITEMS} items per import.`, "input.items");
    const dryRun = input.dryRun === true;

    const rejected: ItemRejection[] = [];
    const reject = (index: number, error: unknown, field?: string) => {
      if (!(error instanceof HubError)) throw error;
      const named = typeof error.extensions.field === "string" ? error.extensions.field : undefined;
      rejected.push({ index: index + 1, field: field ?? named ?? "", code: error.code, message: error.message });
    };
    const prepared: Array<{ index: number; item: PreparedItem }> = [];
    const seen = new Set<string>();
    input.items.forEach((raw, index) => {
      try {
        const item = prepareItem(raw);
        importAbnormalPatent.require(viewer, item);
        if (seen.has(item.applicationNumber)) throw new BadUserInputError("This application number already appeared earlier in the batch.", "applicationNumber");
        seen.add(item.applicationNumber);
        prepared.push({ index, item });
      } catch (error) {
        reject(index, error, error instanceof ForbiddenError ? "applicantRegionCode" : undefined);
      }
    });

    try {
      return await this.scope.dataSource.transaction(async (manager) => {
        const { batch, isNew } = await this.lockBatch(manager, batchNo, receivedOn ?? today, deadline);
        const numbers = prepared.map(({ item }) => item.applicationNumber);
        const existing = numbers.length ? await manager.getRepository(AbnormalPatentItem).findBy({ batchId: batch.id, applicationNumber: In(numbers) }) : [];
        const byNumber = new Map(existing.map((e) => [e.applicationNumber, e]));
        const allocate = await allocationTable(manager);
        let unchanged = 0;
        const rows: Array<Partial<AbnormalPatentItem>> = [];
        for (const { index, item } of prepared) {
          const stored = byNumber.get(item.applicationNumber);
          if (stored) {
            if (sameItem(stored, item)) unchanged++;
            else reject(index, new ConflictError("This application number is already in the batch with other particulars.", { field: "applicationNumber" }));
            continue;
          }
          const bureau = allocate(item.regionCode);
          if (!bureau) {
            reject(index, new BadUserInputError("No market-regulation bureau covers the applicant's region.", "applicantRegionCode"));
            continue;
          }
          rows.push({ ...item, batchId: batch.id, allocatedAgencyId: bureau.id, allocatedAgencyCode: bureau.code, allocatedRegionCode: bureau.regionCode, storedStatus: AbnormalPatentStatus.NOTIFIED });
        }
        rejected.sort((a, b) => a.index - b.index);
        const result: BatchImportResult = { batch, created: rows.length, unchanged, rejected, dryRun };
        if (dryRun || rows.length === 0) throw new RollBack({ ...result, batch: isNew ? null : batch });
        for (let i = 0; i < rows.length; i += 500) {
          await manager.createQueryBuilder().insert().into(AbnormalPatentItem).values(rows.slice(i, i + 500)).execute();
        }
        await this.scope.trail.append(manager, auditActor(viewer, this.scope.request), [
          { operation: "importAbnormalPatentBatch", entityType: "AbnormalPatentBatch", entityId: batch.id, fields: [`items+${rows.length}`, ...(isNew ? ["batch"] : [])], outcome: AuditOutcome.SUCCESS },
        ]);
        return result;
      });
    } catch (error) {
      if (error instanceof RollBack) return error.result;
      throw error;
    }
  }

  /** The batch, created if new, locked for the rest of the transaction so two imports of one batch take turns. */
  private async lockBatch(manager: EntityManager, batchNo: string, receivedOn: string, deadline: string | null): Promise<{ batch: AbnormalPatentBatch; isNew: boolean }> {
    const viewer = this.viewer;
    const find = () => manager.getRepository(AbnormalPatentBatch).createQueryBuilder("b").setLock("pessimistic_write").where("b.batch_no = :batchNo", { batchNo }).getOne();
    let isNew = false;
    let batch = await find();
    if (!batch) {
      const due = deadline ?? addDays(receivedOn, this.scope.policy.abnormalPatentDeadlineDays);
      if (due < receivedOn) throw new BadUserInputError("The deadline is before the day the batch was received.", "input.deadline");
      // A concurrent first import of the same batch may win the insert; this one then waits on its lock.
      const inserted: unknown[] = await manager.query(
        `INSERT INTO abnormal_patent_batches (batch_no, region_code, issued_by_agency_code, received_on, deadline) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (batch_no) DO NOTHING RETURNING id`,
        [batchNo, viewer.agency!.regionCode, viewer.agency!.code, receivedOn, due],
      );
      isNew = inserted.length === 1;
      batch = (await find())!;
    }
    if (isNew) return { batch, isNew };
    extendAbnormalPatentBatch.require(viewer, batch);
    if (deadline && deadline !== batch.deadline) throw new ConflictError("This batch exists with another deadline.", { field: "input.deadline" });
    return { batch, isNew };
  }

  /**
   * A handling step by the bureau the item is allocated to. Status moves follow ABNORMAL_PATENT_MOVES on the
   * effective status (OVERDUE included); the first notification, result and feedback are timestamped once.
   * ESCALATE creates the credit record in the same transaction; the version check, the optional idempotency
   * key and a unique index on the record's source item make it happen once, however often it is retried.
   */
  async handle(itemId: string, expectedVersion: number, input: HandlingInput): Promise<Created<AbnormalPatentItem>> {
    const viewer = this.viewer;
    const note = check.text(input.note, "input.note", { max: 2000 });
    const move = ABNORMAL_PATENT_MOVES[input.action];
    const escalation = input.action === AbnormalPatentAction.ESCALATE ? this.checkEscalation(input) : null;
    if (input.action !== AbnormalPatentAction.ESCALATE && input.escalation) throw new BadUserInputError("escalation goes with ESCALATE.", "input.escalation");

    // A handling step is recorded like a created record (its key replays it), on the item it changes.
    return this.commands.create({
      operation: "recordAbnormalPatentHandling",
      entity: AbnormalPatentItem,
      entityType: "AbnormalPatentItem",
      idempotencyKey: input.idempotencyKey,
      authorize: async (manager) => {
        const item = check.isUuid(itemId) ? await manager.getRepository(AbnormalPatentItem).findOneBy({ id: itemId }) : null;
        if (!item || !abnormalPatentVisibility.test(viewer, item)) throw new NotFoundError("Abnormal patent item");
        handleAbnormalPatent.require(viewer, item);
        return item;
      },
      fingerprint: { itemId, expectedVersion, action: input.action, note, escalation },
      // The version is checked inside the key's run: a retry of a step that went through replays it.
      write: async (manager, item) => {
        assertVersion(item, expectedVersion, "Abnormal patent item");
        const batch = await manager.getRepository(AbnormalPatentBatch).findOneByOrFail({ id: item.batchId });
        const from = this.status(item, batch);
        const now = this.scope.now();
        const changes: Partial<AbnormalPatentItem> = {};
        if (move) {
          if (!move.from.includes(from)) throw new InvalidStateTransitionError("The abnormal patent item", from, move.to);
          changes.storedStatus = move.to;
          if (!item.handledAt) changes.handledAt = now;
        } else if (input.action === AbnormalPatentAction.NOTIFY) {
          if (!AWAITING_APPLICANT.includes(item.storedStatus)) throw new InvalidStateTransitionError("The abnormal patent item", from, "NOTIFY");
          if (!item.notifiedAt) changes.notifiedAt = now;
        } else {
          if (!item.handledAt) throw new InvalidStateTransitionError("The abnormal patent item (no result to feed back yet)", from, "FEED_BACK");
          if (!item.fedBackAt) changes.fedBackAt = now;
        }
        const updated = await updateVersioned<AbnormalPatentItem>(manager, AbnormalPatentItem, "Abnormal patent item", item.id, expectedVersion, changes);
        const credit = escalation ? await this.escalate(manager, updated, batch, escalation) : null;
        const record = credit?.record ?? null;
        await manager.getRepository(AbnormalPatentEvent).save(
          manager.create(AbnormalPatentEvent, { itemId: item.id, action: input.action, fromStatus: from, toStatus: move?.to ?? from, note, actorAgencyCode: viewer.agency!.code, creditRecordId: record?.id ?? null, occurredAt: now }),
        );
        const also = credit ? [{ operation: "recordCreditEvent", entityType: "CreditRecord", entityId: credit.record.id, fields: credit.fields, outcome: AuditOutcome.SUCCESS }] : [];
        return { id: item.id, fields: [`action:${input.action}`, ...Object.keys(changes)], also };
      },
    });
  }

  private checkEscalation(input: HandlingInput) {
    const e = input.escalation;
    if (!e) throw new BadUserInputError("ESCALATE needs escalation: whom the credit record is about and the decision document.", "input.escalation");
    return {
      subject: e.subject,
      decisionDocNo: check.text(e.decisionDocNo, "input.escalation.decisionDocNo", { max: 100, required: true }),
      basis: check.text(e.basis, "input.escalation.basis", { max: 8000 }),
      severity: e.severity ?? CreditSeverity.GENERAL,
      measures: check.textList(e.measures, "input.escalation.measures", { maxItems: 20, maxLength: 200 }),
    };
  }

  private async escalate(manager: EntityManager, item: AbnormalPatentItem, batch: AbnormalPatentBatch, e: ReturnType<AbnormalPatentService["checkEscalation"]>): Promise<{ record: CreditRecord; fields: string[] }> {
    let subject: CreditSubject;
    if (e.subject === EscalationSubject.APPLICANT) {
      if (!item.applicantCreditCode) throw new BadUserInputError("The applicant is a natural person: escalate to its patent agency instead.", "input.escalation.subject");
      subject = { type: CreditSubjectType.ENTERPRISE, creditCode: item.applicantCreditCode, institutionId: null, appraiserId: null, name: item.applicantName, regionCode: item.regionCode };
    } else {
      if (!item.patentAgencyCreditCode || !item.patentAgencyName) throw new BadUserInputError("The item names no patent agency with a credit code.", "input.escalation.subject");
      subject = { type: CreditSubjectType.PATENT_AGENCY, creditCode: item.patentAgencyCreditCode, institutionId: null, appraiserId: null, name: item.patentAgencyName, regionCode: item.regionCode };
    }
    const basis = e.basis || `非正常专利申请（申请号 ${item.applicationNumber}，${batch.batchNo}）逾期（${batch.deadline}）未撤回，依规纳入信用监管。`;
    return this.credit.insertRecord(manager, {
      subject,
      behaviour: CreditBehaviour.ABNORMAL_PATENT_APPLICATION,
      severity: e.severity,
      decisionDocNo: e.decisionDocNo,
      basis,
      measures: e.measures,
      sourcePatentItemId: item.id,
    });
  }
}
