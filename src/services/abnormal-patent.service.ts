import { AbnormalPatentBatch, AbnormalPatentEvent, AbnormalPatentItem } from "../entities/abnormal-patent.entity";
import { CreditRecord } from "../entities/credit-record.entity";
import { AbnormalPatentStatus, AWAITING_APPLICANT } from "../domain/abnormal-patent-enums";
import { NotFoundError } from "../errors/errors";
import { regionLikePattern } from "../auth/region";
import { RequestScope } from "../context/request-scope";
import type { CreditRecordService } from "./credit-record.service";
import { Page } from "./pagination";
import * as check from "./validate";
import { abnormalPatentBatchVisibility, abnormalPatentVisibility } from "../policy/abnormal-patent.visibility";
import { equals, ListSpec, listPage } from "./list-builder";
import type { AbnormalPatentBatchFilter, AbnormalPatentItemFilter } from "../inputs/abnormal-patent.input";

/** `status` (below) in SQL, over items `i` joined to their batch `b`: still waiting after the deadline. */
export const OVERDUE_SQL = `i.status IN (${AWAITING_APPLICANT.map((s) => `'${s}'`).join(",")}) AND b.deadline < :today`;

/** The stored status, or OVERDUE while waiting for the applicant after the deadline (OVERDUE_SQL in SQL). */
export function effectiveStatusOf(item: AbnormalPatentItem, batch: AbnormalPatentBatch, today: string): AbnormalPatentStatus {
  return AWAITING_APPLICANT.includes(item.storedStatus) && batch.deadline < today ? AbnormalPatentStatus.OVERDUE : item.storedStatus;
}

/** The batch list's filter: the GraphQL one, plus the id `batchById` reads one batch by (under the same visibility). */
type BatchFilter = AbnormalPatentBatchFilter & { batchId?: string | null };

/** Batches, newest received first. */
const BATCH_LIST: ListSpec<AbnormalPatentBatch, BatchFilter> = {
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
export const itemList = (today: string): ListSpec<AbnormalPatentItem, AbnormalPatentItemFilter> => ({
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

/**
 * 非正常专利申请快速处置: a province-level bureau imports a batch; each item goes to the bureau of the
 * applicant's county (or city); that bureau records notification, the result and the feedback, and escalates
 * an item still waiting after the deadline into a credit record. Items exist only for the market-regulation
 * bureaus covering the applicant's region, and every count is taken over the items the caller may see.
 */
export class AbnormalPatentService {
  constructor(
    private readonly scope: RequestScope,
    private readonly credit: CreditRecordService,
  ) {}

  private get viewer() {
    return this.scope.viewer;
  }

  async batchOf(item: AbnormalPatentItem): Promise<AbnormalPatentBatch> {
    const batch = await this.scope.loaders.abnormalPatentBatchById.load(item.batchId);
    if (!batch) throw new NotFoundError("Abnormal patent batch");
    return batch;
  }

  async effectiveStatus(item: AbnormalPatentItem): Promise<AbnormalPatentStatus> {
    return effectiveStatusOf(item, await this.batchOf(item), this.scope.today());
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
  async batches(filter: BatchFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<AbnormalPatentBatch>> {
    const page = await listPage(this.scope.reads, BATCH_LIST, abnormalPatentBatchVisibility.sql(this.viewer, "b"), filter, { first, after });
    for (const row of page.nodes) this.scope.loaders.abnormalPatentBatchById.prime(row.id, row);
    return page;
  }

  async items(filter: AbnormalPatentItemFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<AbnormalPatentItem>> {
    const page = await listPage(this.scope.reads, itemList(this.scope.today()), abnormalPatentVisibility.sql(this.viewer, "i"), filter, { first, after });
    for (const row of page.nodes) this.scope.loaders.abnormalPatentItemById.prime(row.id, row);
    return page;
  }
}
