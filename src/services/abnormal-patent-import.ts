import { eventAbout } from "../push/event-types";
import { EntityManager, In } from "typeorm";
import { AbnormalPatentBatch, AbnormalPatentItem } from "../entities/abnormal-patent.entity";
import { AbnormalPatentStatus } from "../domain/abnormal-patent-enums";
import { addDays } from "../domain/local-date";
import { BadUserInputError, ConflictError, ForbiddenError, HubError } from "../errors/errors";
import { RequestScope } from "../context/request-scope";
import { CommandRunner } from "./command-runner";
import { allocationTable, prepareItem, PreparedItem, sameItem } from "./abnormal-patent-items";
import * as check from "./validate";
import { extendAbnormalPatentBatch, importAbnormalPatent } from "../policy/abnormal-patent.permissions";
import { demand } from "../policy/decision";
import { patentImporter } from "../policy/rules";
import type { ImportAbnormalPatentBatchInput } from "../inputs/abnormal-patent.input";

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

export const MAX_BATCH_ITEMS = 5000;

/**
 * Imports a national or provincial batch of abnormal patent applications: every item checked first, good
 * items written in one transaction with the batch and one audit entry, each allocated to the bureau of the
 * applicant's county or city.
 */
export class AbnormalPatentImport {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  private get viewer() {
    return this.scope.viewer;
  }

  /**
   * Imports a batch, or the items of a batch not yet imported. Every item is checked first; good items are
   * written in one transaction with the batch and one audit entry, refused items are reported by position.
   * An item already in the batch with the same particulars is `unchanged`; with other particulars it is
   * refused (CONFLICT). When nothing new would be written (or with `dryRun`) the transaction is rolled back.
   */
  async importBatch(input: ImportAbnormalPatentBatchInput): Promise<BatchImportResult> {
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

    return this.commands.perform<BatchImportResult>({
      operation: "importAbnormalPatentBatch",
      entityType: "AbnormalPatentBatch",
      work: async (manager) => {
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
        if (dryRun || rows.length === 0) return { rollBack: { ...result, batch: isNew ? null : batch } };
        for (let i = 0; i < rows.length; i += 500) {
          await manager.createQueryBuilder().insert().into(AbnormalPatentItem).values(rows.slice(i, i + 500)).execute();
        }
        const allocated = eventAbout("abnormal_patent_batch.allocated", { id: batch.id, version: batch.version }, [batch.regionCode, ...new Set(rows.map((row) => row.allocatedRegionCode as string))]);
        return { commit: { id: batch.id, fields: [`items+${rows.length}`, ...(isNew ? ["batch"] : [])], events: [allocated] }, answer: result };
      },
    });
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
}
