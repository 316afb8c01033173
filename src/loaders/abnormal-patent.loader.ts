import { DataSource } from "typeorm";
import { AbnormalPatentBatch, AbnormalPatentEvent, AbnormalPatentItem } from "../entities/abnormal-patent.entity";
import { CreditRecord } from "../entities/credit-record.entity";
import { loadManyBy, loadOneBy } from "./entity-loaders";

/** Batched fetches for abnormal patent batches, items and their handling (see `entity-loaders.ts`). */
export function createAbnormalPatentLoaders(dataSource: DataSource) {
  return {
    abnormalPatentBatchById: loadOneBy(dataSource, AbnormalPatentBatch, "id"),
    abnormalPatentItemById: loadOneBy(dataSource, AbnormalPatentItem, "id"),
    /** Oldest first. */
    abnormalPatentEventsByItemId: loadManyBy(dataSource, AbnormalPatentEvent, "itemId", { occurredAt: "ASC" }),
    creditRecordByPatentItemId: loadOneBy(dataSource, CreditRecord, "sourcePatentItemId"),
  };
}
