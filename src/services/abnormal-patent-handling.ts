import type { EventDraft } from "../push/event-types";
import { EntityManager } from "typeorm";
import { AuditOutcome } from "../entities/audit-event.entity";
import { AbnormalPatentBatch, AbnormalPatentEvent, AbnormalPatentItem } from "../entities/abnormal-patent.entity";
import { CreditRecord } from "../entities/credit-record.entity";
import { ABNORMAL_PATENT_MOVES, AbnormalPatentAction, AWAITING_APPLICANT, EscalationSubject } from "../domain/abnormal-patent-enums";
import { CreditBehaviour, CreditSeverity, CreditSubjectType } from "../domain/credit-enums";
import { BadUserInputError, InvalidStateTransitionError, NotFoundError } from "../errors/errors";
import { RequestScope } from "../context/request-scope";
import { publicationWindow, type CreditRecordService } from "./credit-record.service";
import type { CreditSubject } from "./credit-subject";
import * as check from "./validate";
import { assertVersion, updateVersioned } from "./versioned-update";
import { abnormalPatentVisibility } from "../policy/abnormal-patent.visibility";
import { handleAbnormalPatent } from "../policy/abnormal-patent.permissions";
import { CommandRunner, Created } from "./command-runner";
import { effectiveStatusOf } from "./abnormal-patent.service";
import type { AbnormalPatentHandlingInput } from "../inputs/abnormal-patent.input";

/**
 * The handling of an abnormal patent application by the bureau it is allocated to: notification, the result,
 * the feedback, and escalation into a credit record.
 */
export class AbnormalPatentHandling {
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

  /**
   * A handling step by the bureau the item is allocated to. Status moves follow ABNORMAL_PATENT_MOVES on the
   * effective status (OVERDUE included); the first notification, result and feedback are timestamped once.
   * ESCALATE creates the credit record in the same transaction; the version check, the optional idempotency
   * key and a unique index on the record's source item make it happen once, however often it is retried.
   */
  async handle(itemId: string, expectedVersion: number, input: AbnormalPatentHandlingInput): Promise<Created<AbnormalPatentItem>> {
    const viewer = this.viewer;
    const note = check.text(input.note, "input.note", { max: 2000, freeText: true });
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
        const from = effectiveStatusOf(item, batch, this.scope.today());
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
        return { id: item.id, fields: [`action:${input.action}`, ...Object.keys(changes)], also, events: credit?.events ?? [] };
      },
    });
  }

  private checkEscalation(input: AbnormalPatentHandlingInput) {
    const e = input.escalation;
    if (!e) throw new BadUserInputError("ESCALATE needs escalation: whom the credit record is about and the decision document.", "input.escalation");
    return {
      subject: e.subject,
      decisionDocNo: check.text(e.decisionDocNo, "input.escalation.decisionDocNo", { max: 100, required: true }),
      basis: check.text(e.basis, "input.escalation.basis", { max: 8000, freeText: true }),
      severity: e.severity ?? CreditSeverity.GENERAL,
      measures: check.textList(e.measures, "input.escalation.measures", { maxItems: 20, maxLength: 200, freeText: true }),
    };
  }

  private async escalate(manager: EntityManager, item: AbnormalPatentItem, batch: AbnormalPatentBatch, e: ReturnType<AbnormalPatentHandling["checkEscalation"]>): Promise<{ record: CreditRecord; fields: string[]; events: EventDraft[] }> {
    let subject: CreditSubject;
    if (e.subject === EscalationSubject.APPLICANT) {
      if (!item.applicantCreditCode) throw new BadUserInputError("The applicant is a natural person: escalate to its patent agency instead.", "input.escalation.subject");
      subject = { type: CreditSubjectType.ENTERPRISE, creditCode: item.applicantCreditCode, institutionId: null, appraiserId: null, attorney: null, name: item.applicantName, regionCode: item.regionCode };
    } else {
      if (!item.patentAgencyCreditCode || !item.patentAgencyName) throw new BadUserInputError("The item names no patent agency with a credit code.", "input.escalation.subject");
      subject = { type: CreditSubjectType.PATENT_AGENCY, creditCode: item.patentAgencyCreditCode, institutionId: null, appraiserId: null, attorney: null, name: item.patentAgencyName, regionCode: item.regionCode };
    }
    const basis = e.basis || `非正常专利申请（申请号 ${item.applicationNumber}，${batch.batchNo}）逾期（${batch.deadline}）未撤回，依规纳入信用监管。`;
    return this.credit.insertRecord(manager, {
      subject,
      behaviour: CreditBehaviour.ABNORMAL_PATENT_APPLICATION,
      severity: e.severity,
      // An escalation is decided and published the day it is recorded, for its severity's full period.
      ...publicationWindow(this.scope.policy.creditRules[e.severity], `a ${e.severity} record`, this.scope.today(), {}, "input.escalation"),
      decisionDocNo: e.decisionDocNo,
      basis,
      measures: e.measures,
      sourcePatentItemId: item.id,
    });
  }
}
