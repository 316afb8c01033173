import { EntityManager, IsNull } from "typeorm";
import { RecordStatus } from "../entities/agency-kind";
import { Agency } from "../entities/agency.entity";
import { Appraiser } from "../entities/appraiser.entity";
import { AuditOutcome } from "../entities/audit-event.entity";
import { CaseFeedback } from "../entities/case-feedback.entity";
import { CreditRecord, CreditShare } from "../entities/credit-record.entity";
import { Institution } from "../entities/institution.entity";
import { ComplaintStatus } from "../domain/case-enums";
import { CreditBehaviour, CreditRecordStatus, CreditSeverity } from "../domain/credit-enums";
import { ListingStatus } from "../domain/directory-enums";
import { CreditSeverityRule, earliestPublishUntil, latestPublishUntil, repairableFrom } from "../domain/credit-rules";
import { BadUserInputError, ConflictError, InvalidStateTransitionError } from "../errors/errors";
import { RequestScope } from "../context/request-scope";
import { GradedSubject, recomputeCreditGrade } from "./credit-grade";
import type { InstitutionService } from "./institution.service";
import { Page } from "./pagination";
import * as check from "./validate";
import { updateVersioned } from "./versioned-update";
import { creditRecordVisibility, isPublished } from "../policy/credit-record.visibility";
import { creditShareRecipient, creditShareVisibility } from "../policy/credit-record.visibility";
import { decideCreditRepair, recordCreditEvent, requestCreditRepair, revokeCreditRecord } from "../policy/credit-record.permissions";
import { demand, Permission } from "../policy/decision";

import type { Viewer } from "../auth/viewer";
import { creditDecider } from "../policy/rules";
import type { AuditEntry } from "../audit/audit-trail";
import { eventAbout, type EventDraft } from "../push/event-types";
import { CommandRunner, Created } from "./command-runner";
import { equals, ListSpec, listPage } from "./list-builder";
import type { CreditRecordFilter, CreditRepairInput, RecordCreditEventInput } from "../inputs/credit-record.input";
import { conflictOnDuplicate } from "./unique-violation";
import { attorneyFilter, CreditSubject, resolveCreditSubject, storeSubjectAttorney, subjectCertificateNo } from "./credit-subject";
import type { ResponsePath } from "../auth/disclosure";
import { proposeRemoval } from "./removal-proposal.service";

const NO_FACTS = { sharedRecordIds: new Set<string>(), caseInstitutionIds: new Set<string>(), caseAppraiserIds: new Set<string>() };

/** The institution a determination concerns: the subject itself, or the appraiser's institution; null for other subjects. */
export async function institutionOfSubject(manager: EntityManager, subject: Pick<CreditSubject, "institutionId" | "appraiserId">): Promise<Institution | null> {
  const institutionId = subject.institutionId ?? (subject.appraiserId ? (await manager.getRepository(Appraiser).findOneByOrFail({ id: subject.appraiserId })).institutionId : null);
  return institutionId ? manager.getRepository(Institution).findOneBy({ id: institutionId }) : null;
}


export interface PublicationWindow {
  decidedOn: string;
  publishFrom: string;
  publishUntil: string;
  announced: boolean;
}

/**
 * A decision's day and publication, checked against its rule (`what` names the record in refusals, e.g. "a
 * GENERAL record"): publication starts on the decision day unless the decision sets a later one, ends at the
 * rule's maximum unless it sets an earlier one, and never outlasts the maximum nor (when announced) stops
 * before the minimum.
 */
export function publicationWindow(
  rule: CreditSeverityRule,
  what: string,
  today: string,
  given: { decidedOn?: string | null; publishFrom?: string | null; publishUntil?: string | null; announce?: boolean | null },
  prefix = "input",
): PublicationWindow {
  const decidedOn = check.dayUpTo(given.decidedOn, `${prefix}.decidedOn`, today, "it is the day of the decision document");
  const publishFrom = check.localDate(given.publishFrom, `${prefix}.publishFrom`) ?? decidedOn;
  if (publishFrom < decidedOn) throw new BadUserInputError("publishFrom is before the decision (decidedOn).", `${prefix}.publishFrom`);
  const latest = latestPublishUntil(decidedOn, rule);
  const publishUntil = check.localDate(given.publishUntil, `${prefix}.publishUntil`) ?? latest;
  if (publishUntil > latest) {
    throw new BadUserInputError(`publishUntil is after ${latest}: ${what} is published for at most ${rule.maxPublicationMonths} months from its decision.`, `${prefix}.publishUntil`);
  }
  const announced = given.announce ?? rule.announcedByDefault;
  const earliest = earliestPublishUntil(decidedOn, rule);
  if (announced && publishUntil < earliest) {
    throw new BadUserInputError(`publishUntil is before ${earliest}: ${what} is published for at least ${rule.minPublicationMonths} months from its decision.`, `${prefix}.publishUntil`);
  }
  if (publishUntil < publishFrom) throw new BadUserInputError("publishUntil is before publishFrom.", `${prefix}.publishUntil`);
  return { decidedOn, publishFrom, publishUntil, announced };
}

/** Credit records, newest decision first; ACTIVE and EXPIRED are told apart by `today`. */
const creditList = (today: string, hash: (value: string) => string): ListSpec<CreditRecord, CreditRecordFilter> => ({
  entity: CreditRecord,
  alias: "r",
  filters: {
    subjectCreditCode: equals("subject_credit_code", "code", (code: string) => check.creditCode(code, "filter.subjectCreditCode")),
    subjectAppraiserId: equals("subject_appraiser_id", "appraiser", (id: string) => check.idFilter(id, "filter.subjectAppraiserId")),
    subjectCertificateNo: attorneyFilter(hash),
    behaviour: equals("behaviour", "behaviour"),
    severity: equals("severity", "severity"),
    status: (status, r) => {
      if (status === CreditRecordStatus.EXPIRED) return { clause: `${r}.status = 'ACTIVE' AND ${r}.publish_until < :today`, params: { today } };
      if (status === CreditRecordStatus.ACTIVE) return { clause: `${r}.status = 'ACTIVE' AND ${r}.publish_until >= :today`, params: { today } };
      return { clause: `${r}.status = :status`, params: { status } };
    },
  },
  order: {
    direction: "DESC",
    keys: [
      { column: "r.decided_on", part: "date", value: (row) => row.decidedOn },
      { column: "r.id", part: "uuid", value: (row) => row.id },
    ],
  },
});

/**
 * Credit supervision (信用监管): determinations by the bureau covering the subject, publication inside a
 * window, repair after a waiting period, joint punishment by sharing serious records, and the credit grade
 * of institutions and appraisers recomputed with every change that affects it.
 */
export class CreditRecordService {
  private readonly commands: CommandRunner;

  constructor(
    private readonly scope: RequestScope,
    private readonly institutions: InstitutionService,
  ) {
    this.commands = new CommandRunner(scope);
  }

  private get viewer() {
    return this.scope.viewer;
  }

  /** The first day repair may be requested under the configured rule; null when the policy never allows it. */
  repairableFrom(record: Pick<CreditRecord, "severity" | "decidedOn">): string | null {
    const policy = this.scope.policy;
    if (record.severity === CreditSeverity.SERIOUS && !policy.seriousCreditRepairable) return null;
    return repairableFrom(record.decidedOn, policy.creditRules[record.severity]);
  }

  /** A patent attorney subject's certificate number: masked, or in full (audited first) for the supervisors the policy names. */
  certificateNo(record: CreditRecord, path: ResponsePath): Promise<string | null> {
    return subjectCertificateNo(this.scope, record, "CreditRecord", path);
  }

  /** EXPIRED once the window has passed while still ACTIVE; otherwise the stored status. */
  status(record: CreditRecord): CreditRecordStatus {
    return record.storedStatus === CreditRecordStatus.ACTIVE && record.publishUntil < this.scope.today() ? CreditRecordStatus.EXPIRED : record.storedStatus;
  }

  /**
   * The records the caller may see. What the caller's own dealings reveal (shares, its cases' subjects) is
   * read only when publication and jurisdiction have not already decided every record.
   */
  async visible(records: CreditRecord[]): Promise<CreditRecord[]> {
    const viewer = this.viewer;
    const today = this.scope.today();
    const decided = records.filter((r) => creditRecordVisibility.test(viewer, r, today, NO_FACTS));
    if (decided.length === records.length || !viewer.agency) return decided;
    const facts = await this.scope.loaders.creditViewerFacts(viewer.agency.id);
    return records.filter((r) => creditRecordVisibility.test(viewer, r, today, facts));
  }

  async byId(id: string): Promise<CreditRecord | null> {
    if (!check.isUuid(id)) return null;
    const record = await this.scope.loaders.creditRecordById.load(id);
    return record ? ((await this.visible([record]))[0] ?? null) : null;
  }

  async forInstitution(institution: Institution): Promise<CreditRecord[]> {
    return this.visible(await this.scope.loaders.creditRecordsByInstitutionId.load(institution.id));
  }

  async forAppraiser(appraiser: Appraiser): Promise<CreditRecord[]> {
    return this.visible(await this.scope.loaders.creditRecordsByAppraiserId.load(appraiser.id));
  }

  list(filter: CreditRecordFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<CreditRecord>> {
    const today = this.scope.today();
    return listPage(this.scope.reads, creditList(today, (value) => this.scope.vault.hash(value)), creditRecordVisibility.sql(this.viewer, "r", today), filter, { first, after });
  }

  /** Supervisors of the subject see every share; an agency it was shared with sees its own. */
  async shares(record: CreditRecord): Promise<CreditShare[]> {
    const all = await this.scope.loaders.creditSharesByRecordId.load(record.id);
    const viewer = this.viewer;
    return all.filter((share) => creditShareVisibility(viewer, record, share));
  }

  async record(input: RecordCreditEventInput): Promise<Created<CreditRecord>> {
    const viewer = this.viewer;
    demand(creditDecider, "Market-regulation bureaus make credit determinations.", viewer);
    const today = this.scope.today();
    const policy = this.scope.policy;
    const decisionDocNo = check.text(input.decisionDocNo, "input.decisionDocNo", { max: 100, required: true });
    const basis = check.text(input.basis, "input.basis", { max: 8000, required: true, freeText: true });
    const window = publicationWindow(policy.creditRules[input.severity], `a ${input.severity} record`, today, input);
    const measures = check.textList(input.measures, "input.measures", { maxItems: 20, maxLength: 200, freeText: true });
    const shareCodes = [...new Set(input.shareWithAgencyCodes ?? [])];
    if (shareCodes.length > 0 && !policy.creditSharedSeverities.includes(input.severity)) {
      throw new BadUserInputError(`Only ${policy.creditSharedSeverities.join(" and ") || "no"} records are shared for joint punishment.`, "input.shareWithAgencyCodes");
    }
    if (input.suspendListing && input.severity !== CreditSeverity.SERIOUS) throw new BadUserInputError("Only a SERIOUS record suspends a listing.", "input.suspendListing");

    return this.commands.create({
      operation: "recordCreditEvent",
      entity: CreditRecord,
      entityType: "CreditRecord",
      idempotencyKey: input.idempotencyKey,
      keyRequired: true,
      authorize: async (manager) => {
        const complaint = input.fromComplaintId ? await this.confirmedComplaint(manager, input.fromComplaintId) : null;
        const subject = await resolveCreditSubject(manager, this.scope.vault, input, complaint);
        recordCreditEvent.require(viewer, subject.regionCode);
        const behaviour = input.behaviour ?? (complaint?.suspectedFalseAppraisal ? CreditBehaviour.FALSE_APPRAISAL : null);
        if (!behaviour) throw new BadUserInputError("Name the behaviour.", "input.behaviour");
        const sharedWith = shareCodes.length ? await manager.getRepository(Agency).findBy(shareCodes.map((code) => ({ code }))) : [];
        if (sharedWith.length !== shareCodes.length || sharedWith.some((a) => a.status !== RecordStatus.ACTIVE)) {
          throw new BadUserInputError("Every agency to share with must be an active agency of the hub.", "input.shareWithAgencyCodes");
        }
        const determination = { subject, behaviour, severity: input.severity, decisionDocNo, basis, ...window, measures };
        return { complaint, determination, sharedWith };
      },
      fingerprint: ({ complaint, determination }: { complaint: CaseFeedback | null; determination: object }) => ({
        ...determination,
        shareCodes: [...shareCodes].sort(),
        complaint: complaint?.id ?? null,
        suspend: !!input.suspendListing,
      }),
      write: async (manager, { complaint, determination, sharedWith }) => {
        if (complaint && (await manager.getRepository(CreditRecord).existsBy({ sourceComplaintId: complaint.id }))) {
          throw new ConflictError("This complaint has already been turned into a credit record.", { field: "input.fromComplaintId" });
        }
        const { subject } = determination;
        const attorneyId = await storeSubjectAttorney(manager, this.scope.vault, subject, input.subjectCertificateNo);
        const insert = () => this.insertRecord(manager, { ...determination, attorneyId, sourceComplaintId: complaint?.id ?? null });
        // Two determinations from one complaint at once both pass the check above: the unique index decides.
        const { record: saved, fields, events } = complaint ? await conflictOnDuplicate(insert, "This complaint has already been turned into a credit record.", "input.fromComplaintId") : await insert();
        const also: AuditEntry[] = [];
        if (sharedWith.length) {
          const now = this.scope.now();
          await manager.getRepository(CreditShare).save(sharedWith.map((a) => manager.create(CreditShare, { recordId: saved.id, agencyId: a.id, agencyCode: a.code, sharedAt: now })));
          also.push(...sharedWith.map((a) => ({ operation: "shareCreditRecord", entityType: "CreditRecord", entityId: saved.id, fields: [`agency:${a.code}`], outcome: AuditOutcome.SUCCESS })));
        }
        // A confirmed false appraisal also proposes the institution's removal, for the bureau to decide.
        if (determination.severity === CreditSeverity.SERIOUS && determination.behaviour === CreditBehaviour.FALSE_APPRAISAL) {
          also.push(...(await proposeRemoval(manager, { id: saved.id, decisionDocNo }, await institutionOfSubject(manager, subject))));
        }
        if (input.suspendListing) {
          const suspension = await this.suspendListing(manager, subject, decisionDocNo, today);
          also.push(suspension.entry);
          events.push(...suspension.events);
          // The grade was computed with the record; the suspension it ordered counts too.
          await this.regrade(manager, subject, today);
        }
        return { id: saved.id, fields, also, events };
      },
    });
  }

  /**
   * Stores a determination by the calling bureau inside the caller's transaction and recomputes the
   * subject's grade; answers the record and the fields of its audit entry, which the caller's command
   * appends. `recordCreditEvent` and escalations of abnormal patent items both come through here; the caller
   * has checked jurisdiction and idempotency.
   */
  async insertRecord(
    manager: EntityManager,
    r: PublicationWindow & {
      subject: CreditSubject;
      behaviour: CreditBehaviour;
      severity: CreditSeverity;
      decisionDocNo: string;
      basis: string;
      measures: string[];
      /** The stored patent attorney, for PATENT_ATTORNEY subjects (`storeSubjectAttorney`). */
      attorneyId?: string | null;
      sourceComplaintId?: string | null;
      sourcePatentItemId?: string | null;
    },
  ): Promise<{ record: CreditRecord; fields: string[]; events: EventDraft[] }> {
    const today = this.scope.today();
    const { decidedOn, publishFrom, publishUntil, announced } = r;
    const saved = await manager.getRepository(CreditRecord).save(
      manager.create(CreditRecord, {
        subjectType: r.subject.type,
        subjectCreditCode: r.subject.creditCode,
        subjectInstitutionId: r.subject.institutionId,
        subjectAppraiserId: r.subject.appraiserId,
        subjectAttorneyId: r.attorneyId ?? null,
        subjectName: r.subject.name,
        subjectRegionCode: r.subject.regionCode,
        behaviour: r.behaviour,
        severity: r.severity,
        decidingAgencyCode: this.viewer.agency!.code,
        decisionDocNo: r.decisionDocNo,
        basis: r.basis,
        decidedOn,
        publishFrom,
        publishUntil,
        announced,
        measures: r.measures,
        storedStatus: CreditRecordStatus.ACTIVE,
        sourceComplaintId: r.sourceComplaintId ?? null,
        sourcePatentItemId: r.sourcePatentItemId ?? null,
        repairEvidence: [],
      }),
    );
    const source = r.sourceComplaintId ? ["fromComplaintId"] : r.sourcePatentItemId ? ["fromAbnormalPatentItem"] : [];
    await this.regrade(manager, r.subject, today);
    // Published at once unless it starts later (the scheduler raises that one when the day comes; the key makes it once).
    const events = [eventAbout("credit_record.determined", saved, [saved.subjectRegionCode])];
    if (isPublished(saved, today)) events.push(eventAbout("credit_record.published", saved, [saved.subjectRegionCode], `credit_record.published:${saved.id}`));
    return { record: saved, fields: ["subject", "behaviour", "severity", ...source], events };
  }

  /** Requested by the association or bureau covering the subject, on its behalf, from the day its rule allows (`repairableFrom`). */
  async requestRepair(recordId: string, expectedVersion: number | null | undefined, input: CreditRepairInput): Promise<CreditRecord> {
    const commitment = check.text(input.commitment, "input.commitment", { max: 4000, required: true, freeText: true });
    const evidence = check.textList(input.evidence, "input.evidence", { maxItems: 30, maxLength: 300, freeText: true });
    const today = this.scope.today();
    return this.commands.change({
      ...this.forWrite(recordId, expectedVersion, requestCreditRepair),
      operation: "requestCreditRepair",
      apply: async (record) => {
      const status = this.status(record);
      if (status !== CreditRecordStatus.ACTIVE) throw new InvalidStateTransitionError("The credit record", status, CreditRecordStatus.REPAIR_REQUESTED);
      const from = this.repairableFrom(record);
      if (from === null) throw new InvalidStateTransitionError("A serious credit record (not repairable under the hub's policy)", status, CreditRecordStatus.REPAIR_REQUESTED);
      if (today < from) {
        throw new InvalidStateTransitionError("The credit record", status, CreditRecordStatus.REPAIR_REQUESTED, {
          reason: "MINIMUM_PERIOD_NOT_OVER",
          message: `repair can be requested from ${from}, once the minimum period of a ${record.severity} record has ended.`,
          repairableFrom: from,
        });
      }
      return {
        changes: { storedStatus: CreditRecordStatus.REPAIR_REQUESTED, repairCommitment: commitment, repairEvidence: evidence, repairRequestedOn: today, repairRequestedBy: this.viewer.agency!.code },
        fields: ["status", "repairCommitment", "repairEvidence"],
      };
      },
    });
  }

  /** The bureau covering the subject approves (REPAIRED: publication stops at once) or refuses (back to ACTIVE). */
  async decideRepair(recordId: string, expectedVersion: number, approve: boolean, note: string): Promise<CreditRecord> {
    const why = check.text(note, "note", { max: 4000, required: true, freeText: true });
    const today = this.scope.today();
    return this.commands.change({
      ...this.forWrite(recordId, expectedVersion, decideCreditRepair),
      operation: "decideCreditRepair",
      apply: async (record, manager) => {
      if (record.storedStatus !== CreditRecordStatus.REPAIR_REQUESTED) {
        throw new InvalidStateTransitionError("The credit record", this.status(record), approve ? CreditRecordStatus.REPAIRED : CreditRecordStatus.ACTIVE);
      }
      const updated = await updateVersioned<CreditRecord>(manager, CreditRecord, "Credit record", record.id, expectedVersion, {
        storedStatus: approve ? CreditRecordStatus.REPAIRED : CreditRecordStatus.ACTIVE,
        repairDecidedOn: today,
        repairDecisionNote: why,
      });
      // The grade is recomputed from the record as stored, so after the update.
      await this.regrade(manager, { institutionId: record.subjectInstitutionId, appraiserId: record.subjectAppraiserId }, today);
      return { wrote: updated, fields: ["status", approve ? "approved" : "refused"], events: approve ? [eventAbout("credit_record.repaired", updated, [updated.subjectRegionCode])] : [] };
      },
    });
  }

  /** The bureau covering the subject revokes a determination (撤销): publication stops and the grade is recomputed. */
  async revoke(recordId: string, expectedVersion: number, reason: string): Promise<CreditRecord> {
    const why = check.text(reason, "reason", { max: 4000, required: true, freeText: true });
    const today = this.scope.today();
    return this.commands.change({
      ...this.forWrite(recordId, expectedVersion, revokeCreditRecord),
      operation: "revokeCreditRecord",
      apply: async (record, manager) => {
      if (![CreditRecordStatus.ACTIVE, CreditRecordStatus.REPAIR_REQUESTED].includes(record.storedStatus)) {
        throw new InvalidStateTransitionError("The credit record", this.status(record), CreditRecordStatus.REVOKED);
      }
      const updated = await updateVersioned<CreditRecord>(manager, CreditRecord, "Credit record", record.id, expectedVersion, { storedStatus: CreditRecordStatus.REVOKED, repairDecisionNote: why });
      await this.regrade(manager, { institutionId: record.subjectInstitutionId, appraiserId: record.subjectAppraiserId }, today);
      return { wrote: updated, fields: ["status"] };
      },
    });
  }

  /** An agency a serious record was shared with acknowledges it (联合惩戒); acknowledging again changes nothing. */
  async acknowledgeShare(recordId: string): Promise<CreditShare> {
    const viewer = this.viewer;
    let acknowledged: CreditShare | undefined;
    await this.commands.change({
      operation: "acknowledgeCreditShare",
      entity: CreditRecord,
      entityType: "CreditRecord",
      label: "Shared credit record",
      id: recordId,
      facts: async (_record, manager) => (await manager.getRepository(CreditShare).findBy({ recordId })).find((share) => creditShareRecipient(viewer, share)),
      visible: (_record, own) => own !== undefined,
      apply: async (record, manager, own) => {
        // Conditional, so two acknowledgements at once write (and audit) one.
        const result = await manager.getRepository(CreditShare).update({ recordId, agencyId: own!.agencyId, acknowledgedAt: IsNull() }, { acknowledgedAt: this.scope.now() });
        // The answer is read inside the transaction: nothing after the commit can fail an acknowledged write.
        acknowledged = await manager.getRepository(CreditShare).findOneByOrFail({ recordId, agencyId: own!.agencyId });
        return result.affected ? { wrote: record, fields: ["acknowledgedAt"] } : { unchanged: true };
      },
    });
    return acknowledged!;
  }

  /**
   * A credit record as a command on it loads it: a write by the subject's supervisors (`may`). Decided without
   * a query (this runs inside the write's transaction): a caller `may` refuses gets FORBIDDEN for a published
   * record and NOT_FOUND otherwise, as if it had read it first.
   */
  private forWrite(id: string, expectedVersion: number | null | undefined, may: Permission<[Viewer, CreditRecord]>) {
    return {
      entity: CreditRecord,
      entityType: "CreditRecord",
      label: "Credit record",
      id,
      expectedVersion,
      visible: (record: CreditRecord) => may(this.viewer, record) || isPublished(record, this.scope.today()),
      authorize: (record: CreditRecord) => may.require(this.viewer, record),
    };
  }

  private async confirmedComplaint(manager: EntityManager, id: string): Promise<CaseFeedback> {
    const complaint = check.isUuid(id) ? await manager.getRepository(CaseFeedback).findOneBy({ id }) : null;
    if (!complaint || complaint.complaintStatus !== ComplaintStatus.RESOLVED || !complaint.violationConfirmed) {
      throw new BadUserInputError("fromComplaintId must name a resolved complaint with a confirmed violation.", "input.fromComplaintId");
    }
    return complaint;
  }

  /** Suspends the subject's institution's listing; answers the audit entry and the event of that move. */
  private async suspendListing(manager: EntityManager, subject: CreditSubject, decisionDocNo: string, today: string): Promise<{ entry: AuditEntry; events: EventDraft[] }> {
    const institution = await institutionOfSubject(manager, subject);
    if (!institution || institution.listingStatus !== ListingStatus.LISTED) {
      throw new BadUserInputError("suspendListing needs a subject whose institution is LISTED.", "input.suspendListing");
    }
    const { fields, events } = await this.institutions.listingChange(manager, institution, {
      to: ListingStatus.SUSPENDED,
      reason: "严重失信：依信用决定暂停执业",
      decisionDocNo,
      effectiveOn: today,
    });
    return { entry: { operation: "changeListingStatus", entityType: "Institution", entityId: institution.id, fields, outcome: AuditOutcome.SUCCESS }, events };
  }

  private async regrade(manager: EntityManager, subject: { institutionId: string | null; appraiserId: string | null }, today: string): Promise<void> {
    const subjects: GradedSubject[] = [
      ...(subject.institutionId ? [{ type: "INSTITUTION" as const, id: subject.institutionId }] : []),
      ...(subject.appraiserId ? [{ type: "APPRAISER" as const, id: subject.appraiserId }] : []),
    ];
    for (const s of subjects) await recomputeCreditGrade(manager, s, this.scope.policy, today);
  }
}
