import { EntityManager, MoreThanOrEqual } from "typeorm";
import type { RequestScope } from "../context/request-scope";
import { CreditIncentiveKind, CreditIncentiveStatus } from "../domain/credit-enums";
import type { CreditSeverityRule } from "../domain/credit-rules";
import type { Appraiser } from "../entities/appraiser.entity";
import { CreditIncentive } from "../entities/credit-incentive.entity";
import type { Institution } from "../entities/institution.entity";
import { ConflictError, InvalidStateTransitionError } from "../errors/errors";
import type { CreditIncentiveFilter, RecordCreditIncentiveInput } from "../inputs/credit-incentive.input";
import { recordCreditIncentive, revokeCreditIncentive } from "../policy/credit-incentive.permissions";
import { creditIncentiveVisibility, isIncentivePublished } from "../policy/credit-incentive.visibility";
import { demand } from "../policy/decision";
import { creditDecider } from "../policy/rules";
import { CommandRunner, Created } from "./command-runner";
import { publicationWindow } from "./credit-record.service";
import { attorneyFilter, CreditSubject, resolveCreditSubject, storeSubjectAttorney, subjectCertificateNo } from "./credit-subject";
import type { ResponsePath } from "../auth/disclosure";
import { equals, ListSpec, listPage } from "./list-builder";
import type { Page } from "./pagination";
import * as check from "./validate";
import { updateVersioned } from "./versioned-update";

/** Positive records, newest decision first; ACTIVE and EXPIRED are told apart by `today`. */
const incentiveList = (today: string, hash: (value: string) => string): ListSpec<CreditIncentive, CreditIncentiveFilter> => ({
  entity: CreditIncentive,
  alias: "i",
  filters: {
    subjectCreditCode: equals("subject_credit_code", "code", (code: string) => check.creditCode(code, "filter.subjectCreditCode")),
    subjectAppraiserId: equals("subject_appraiser_id", "appraiser", (id: string) => check.idFilter(id, "filter.subjectAppraiserId")),
    subjectCertificateNo: attorneyFilter(hash),
    kind: equals("kind", "kind"),
    status: (status, i) => {
      if (status === CreditIncentiveStatus.EXPIRED) return { clause: `${i}.status = 'ACTIVE' AND ${i}.publish_until < :today`, params: { today } };
      if (status === CreditIncentiveStatus.ACTIVE) return { clause: `${i}.status = 'ACTIVE' AND ${i}.publish_until >= :today`, params: { today } };
      return { clause: `${i}.status = :status`, params: { status } };
    },
  },
  order: {
    direction: "DESC",
    keys: [
      { column: "i.decided_on", part: "date", value: (row) => row.decidedOn },
      { column: "i.id", part: "uuid", value: (row) => row.id },
    ],
  },
});

/**
 * 守信激励: positive records by the bureau covering the subject, published inside their window (the
 * incentives last as long), revocable. They do not enter the credit grade, which measures fault.
 */
export class CreditIncentiveService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  /** A patent attorney subject's certificate number: masked, or in full (audited first) for the supervisors the policy names. */
  certificateNo(incentive: CreditIncentive, path: ResponsePath): Promise<string | null> {
    return subjectCertificateNo(this.scope, incentive, "CreditIncentive", path);
  }

  /** EXPIRED once the window has passed while still ACTIVE; otherwise the stored status. */
  status(incentive: CreditIncentive): CreditIncentiveStatus {
    return incentive.storedStatus === CreditIncentiveStatus.ACTIVE && incentive.publishUntil < this.scope.today() ? CreditIncentiveStatus.EXPIRED : incentive.storedStatus;
  }

  private visible(incentives: CreditIncentive[]): CreditIncentive[] {
    const today = this.scope.today();
    return incentives.filter((i) => creditIncentiveVisibility.test(this.scope.viewer, i, today));
  }

  async byId(id: string): Promise<CreditIncentive | null> {
    if (!check.isUuid(id)) return null;
    const incentive = await this.scope.loaders.creditIncentiveById.load(id);
    return incentive ? (this.visible([incentive])[0] ?? null) : null;
  }

  async forInstitution(institution: Institution): Promise<CreditIncentive[]> {
    return this.visible(await this.scope.loaders.creditIncentivesByInstitutionId.load(institution.id));
  }

  async forAppraiser(appraiser: Appraiser): Promise<CreditIncentive[]> {
    return this.visible(await this.scope.loaders.creditIncentivesByAppraiserId.load(appraiser.id));
  }

  list(filter: CreditIncentiveFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<CreditIncentive>> {
    const today = this.scope.today();
    return listPage(this.scope.reads, incentiveList(today, (value) => this.scope.vault.hash(value)), creditIncentiveVisibility.sql(this.scope.viewer, "i", today), filter, { first, after });
  }

  record(input: RecordCreditIncentiveInput): Promise<Created<CreditIncentive>> {
    const viewer = this.scope.viewer;
    demand(creditDecider, "Market-regulation bureaus record positive credit records.", viewer);
    const today = this.scope.today();
    const decisionDocNo = check.text(input.decisionDocNo, "input.decisionDocNo", { max: 100, required: true });
    const basis = check.text(input.basis, "input.basis", { max: 8000, required: true, freeText: true });
    const rule: CreditSeverityRule = { minPublicationMonths: 0, maxPublicationMonths: this.scope.policy.creditIncentiveMonths, repairAfterMonths: 0, announcedByDefault: true };
    const { decidedOn, publishFrom, publishUntil } = publicationWindow(rule, "a positive record", today, { ...input, announce: true });
    const measures = check.textList(input.measures, "input.measures", { maxItems: 20, maxLength: 200, freeText: true });
    return this.commands.create({
      operation: "recordCreditIncentive",
      entity: CreditIncentive,
      entityType: "CreditIncentive",
      idempotencyKey: input.idempotencyKey,
      keyRequired: true,
      authorize: async (manager) => {
        const subject = await resolveCreditSubject(manager, this.scope.vault, input);
        recordCreditIncentive.require(viewer, subject.regionCode);
        return { subject, kind: input.kind, decisionDocNo, basis, decidedOn, publishFrom, publishUntil, measures };
      },
      fingerprint: (incentive: object) => incentive,
      write: async (manager, { subject, ...incentive }) => {
        // An attorney stored here is rolled back with the rest when the check below refuses.
        const attorneyId = await storeSubjectAttorney(manager, this.scope.vault, subject, input.subjectCertificateNo);
        // Checked after the key (a retry replays): a subject holds one running incentive of each kind.
        if (await this.running(manager, { ...subject, attorneyId }, incentive.kind, today)) {
          throw new ConflictError(`The subject already holds a running ${incentive.kind} record: revoke it first or let it run out.`, { field: "input.kind" });
        }
        const saved = await manager.getRepository(CreditIncentive).save(
          manager.create(CreditIncentive, {
            ...incentive,
            subjectType: subject.type,
            subjectCreditCode: subject.creditCode,
            subjectInstitutionId: subject.institutionId,
            subjectAppraiserId: subject.appraiserId,
            subjectAttorneyId: attorneyId,
            subjectName: subject.name,
            subjectRegionCode: subject.regionCode,
            decidingAgencyCode: viewer.agency!.code,
            storedStatus: CreditIncentiveStatus.ACTIVE,
          }),
        );
        return { id: saved.id, fields: ["subject", "kind", "publishUntil"] };
      },
    });
  }

  /** Whether the subject already holds an ACTIVE incentive of this kind whose window has not ended. */
  private running(manager: EntityManager, subject: CreditSubject & { attorneyId: string | null }, kind: CreditIncentiveKind, today: string): Promise<boolean> {
    // The subject as the record would name it: its institution, appraiser, attorney, or else its credit code.
    const who =
      (subject.institutionId && { subjectInstitutionId: subject.institutionId }) ||
      (subject.appraiserId && { subjectAppraiserId: subject.appraiserId }) ||
      (subject.attorneyId && { subjectAttorneyId: subject.attorneyId }) || { subjectCreditCode: subject.creditCode ?? undefined };
    return manager.getRepository(CreditIncentive).existsBy({ ...who, kind, storedStatus: CreditIncentiveStatus.ACTIVE, publishUntil: MoreThanOrEqual(today) });
  }

  /** The bureau covering the subject revokes a positive record (撤销): publication and incentives stop. */
  revoke(id: string, expectedVersion: number, reason: string): Promise<CreditIncentive> {
    const why = check.text(reason, "reason", { max: 4000, required: true, freeText: true });
    const viewer = this.scope.viewer;
    return this.commands.change({
      operation: "revokeCreditIncentive",
      entity: CreditIncentive,
      entityType: "CreditIncentive",
      label: "Positive credit record",
      id,
      expectedVersion,
      // Decided without a query (this runs inside the write's transaction), as a read would have decided it.
      visible: (incentive: CreditIncentive) => revokeCreditIncentive(viewer, incentive) || isIncentivePublished(incentive, this.scope.today()),
      authorize: (incentive: CreditIncentive) => revokeCreditIncentive.require(viewer, incentive),
      apply: async (incentive, manager) => {
        if (incentive.storedStatus !== CreditIncentiveStatus.ACTIVE) throw new InvalidStateTransitionError("The positive credit record", this.status(incentive), CreditIncentiveStatus.REVOKED);
        const updated = await updateVersioned<CreditIncentive>(manager, CreditIncentive, "Positive credit record", incentive.id, expectedVersion, { storedStatus: CreditIncentiveStatus.REVOKED, revokeReason: why });
        return { wrote: updated, fields: ["status"] };
      },
    });
  }
}
