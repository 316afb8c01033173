import { eventAbout, type HubEventType } from "../push/event-types";
import { EntityManager } from "typeorm";
import { AppraisalCase, EntrustmentWarning, EntrustmentWarningCode, PossibleDuplicate } from "../entities/appraisal-case.entity";
import { Appraiser } from "../entities/appraiser.entity";
import { AppraiserPractice } from "../entities/appraiser-practice.entity";
import { CaseAppraiser } from "../entities/case-appraiser.entity";
import { CaseEvent } from "../entities/case-event.entity";
import { Institution } from "../entities/institution.entity";
import { CASE_ACTIONS, CaseAction, CaseStatus } from "../domain/case-enums";
import { AppraiserStatus, ListingStatus } from "../domain/directory-enums";
import { caseDeadlines, CaseDeadlines } from "../domain/case-deadlines";
import { caseNumberKey } from "../domain/case-number";
import { BadUserInputError, InvalidStateTransitionError } from "../errors/errors";
import { RequestScope } from "../context/request-scope";
import { Page } from "./pagination";
import * as check from "./validate";
import { appraisalCaseVisibility } from "../policy/appraisal-case.visibility";
import { institutionVisibility } from "../policy/institution.visibility";
import { entrusterStep, filterDuplicates, institutionStep, partyStep } from "../policy/appraisal-case.permissions";
import { duplicateMatch } from "../loaders/appraisal-case.loader";
import { demand } from "../policy/decision";
import { entruster } from "../policy/rules";
import { catalogueEntries } from "./standard.service";
import { referencedInstitution } from "./institution.service";
import { CommandRunner, Created } from "./command-runner";
import { equals, ListSpec, listPage } from "./list-builder";
import type { AppraisalCaseFilter, CaseAppraiserInput, CaseProgressInput, EntrustAppraisalInput } from "../inputs/appraisal-case.input";
import { caseSubjectKeys } from "../domain/case-subject";
import { addMonths } from "../domain/local-date";
import { AppraiserStatusEvent } from "../entities/appraiser-status-event.entity";
import { qualificationsValidOn, statusOn } from "../domain/appraiser-status";

/** The event a step of a case raises beyond `appraisal_case.progressed`: acceptance, the opinion, and the end of the case (closed, terminated or rejected). */
const PROGRESS_EVENTS: Partial<Record<CaseAction, HubEventType>> = {
  [CaseAction.ACCEPT]: "appraisal_case.accepted",
  [CaseAction.ISSUE]: "appraisal_case.issued",
  [CaseAction.CLOSE]: "appraisal_case.closed",
  [CaseAction.TERMINATE]: "appraisal_case.closed",
  [CaseAction.REJECT]: "appraisal_case.closed",
};

/** Which party records a step (CASE_TRANSITIONS' `by`), as the permission that checks it. */
const STEP_PERMISSION = { INSTITUTION: institutionStep, ENTRUSTER: entrusterStep, EITHER: partyStep } as const;

/** Cases, newest entrustment first; the id breaks ties so the order is total. */
/** The case list; `since`: the start of the duplicate window (`HUB_DUPLICATE_WINDOW_MONTHS`). */
const caseList = (since: string): ListSpec<AppraisalCase, AppraisalCaseFilter> => ({
  entity: AppraisalCase,
  alias: "c",
  filters: {
    status: equals("status", "status"),
    hasPossibleDuplicates: (wanted, c) => ({ clause: `${wanted ? "" : "NOT "}EXISTS (SELECT 1 FROM appraisal_cases other WHERE ${duplicateMatch(c, "other", ":since")})`, params: { since } }),
    institutionId: equals("institution_id", "institutionId", (id: string) => check.idFilter(id, "filter.institutionId")),
    agencyCaseNo: equals("agency_case_no_key", "caseNoKey", caseNumberKey),
    entrustingAgencyCode: equals("entrusting_agency_code", "entruster"),
  },
  order: {
    direction: "DESC",
    keys: [
      { column: "c.entrusted_on", part: "date", value: (row) => row.entrustedOn },
      { column: "c.id", part: "uuid", value: (row) => row.id },
    ],
  },
});

/**
 * Appraisal cases from entrustment to court (受理、鉴定、审核签发、出庭). Every step is an event with who and
 * when; steps follow `CASE_ACTIONS` and are recorded by the institution or the entrusting agency as the
 * table says. Deadlines are counted in working days from the calendar and are computed, not stored.
 */
export class AppraisalCaseService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  private get viewer() {
    return this.scope.viewer;
  }

  async byId(id: string): Promise<AppraisalCase | null> {
    if (!check.isUuid(id)) return null;
    const found = await this.scope.loaders.appraisalCaseById.load(id);
    return found && appraisalCaseVisibility.test(this.viewer, found) ? found : null;
  }

  async list(filter: AppraisalCaseFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<AppraisalCase>> {
    if (filter.hasPossibleDuplicates !== undefined && filter.hasPossibleDuplicates !== null) filterDuplicates.require(this.viewer);
    const page = await listPage(this.scope.reads, caseList(this.duplicateWindowStart()), appraisalCaseVisibility.sql(this.viewer, "c"), filter, { first, after });
    for (const row of page.nodes) this.scope.loaders.appraisalCaseById.prime(row.id, row);
    return page;
  }

  /**
   * Other open or recent cases that may appraise the same subject (`domain/case-subject.ts`), as the caller
   * may know them: the case and its institution each through their own visibility.
   */
  possibleDuplicates(c: AppraisalCase): Promise<PossibleDuplicate[]> {
    return this.scope.loaders.possibleDuplicatesByCase.load(`${c.id}|${this.duplicateWindowStart()}`);
  }

  /** Cases entrusted since this day count as recent (`HUB_DUPLICATE_WINDOW_MONTHS`). */
  private duplicateWindowStart(): string {
    return addMonths(this.scope.today(), -this.scope.policy.duplicateWindowMonths);
  }

  /** What the entrusting agency is told of a new case: each possible duplicate. */
  async warnings(c: AppraisalCase): Promise<EntrustmentWarning[]> {
    return (await this.possibleDuplicates(c)).map((duplicate) =>
      Object.assign(new EntrustmentWarning(), {
        code: EntrustmentWarningCode.POSSIBLE_DUPLICATE,
        message: `A case entrusted on ${duplicate.entrustedOn} by a ${duplicate.entrustingAgencyKind} agency of ${duplicate.entrustingRegionCode} shares ${duplicate.sharedIdentifiers.join(", ")}${duplicate.sameMatter ? " and the matter" : ""}: check that this is not a repeated appraisal.`,
        duplicate,
      }),
    );
  }

  /** The case a re-appraisal repeats; null when the caller may not see it. */
  reappraisalOf(c: AppraisalCase): Promise<AppraisalCase | null> {
    return c.reappraisalOfId ? this.byId(c.reappraisalOfId) : Promise.resolve(null);
  }

  /** Re-appraisals of a case the caller may see. */
  async reappraisals(c: AppraisalCase): Promise<AppraisalCase[]> {
    return (await this.scope.loaders.reappraisalsByCaseId.load(c.id)).filter((r) => appraisalCaseVisibility.test(this.viewer, r));
  }

  events(c: AppraisalCase): Promise<CaseEvent[]> {
    return this.scope.loaders.caseEventsByCaseId.load(c.id);
  }

  appraisers(c: AppraisalCase): Promise<CaseAppraiser[]> {
    return this.scope.loaders.caseAppraisersByCaseId.load(c.id);
  }

  async institution(c: AppraisalCase): Promise<Institution | null> {
    const institution = await this.scope.loaders.institutionById.load(c.institutionId);
    // The parties to a case always see its institution, whatever its listing status since.
    return institution && (institutionVisibility.test(this.viewer, institution) || appraisalCaseVisibility.test(this.viewer, c)) ? institution : null;
  }

  /** Acceptance and completion deadlines in working days (`caseDeadlines`), and whether the case is overdue. */
  async deadlines(c: AppraisalCase): Promise<CaseDeadlines> {
    const [calendar, events] = await Promise.all([this.scope.loaders.calendar(), this.events(c)]);
    return caseDeadlines(c, events, calendar, this.scope.policy, this.scope.today());
  }

  async entrust(input: EntrustAppraisalInput): Promise<Created<AppraisalCase>> {
    const viewer = this.viewer;
    demand(entruster, "Only courts, procuratorates, police, bureaus, arbitration and mediation bodies entrust appraisals.", viewer);
    const agencyCaseNo = check.text(input.agencyCaseNo, "input.agencyCaseNo", { max: 100, required: true });
    const matter = check.text(input.matter, "input.matter", { max: 200, required: true, freeText: true });
    const subject = check.text(input.subject, "input.subject", { max: 2000, freeText: true });
    const today = this.scope.today();
    const entrustedOn = check.dayUpTo(input.entrustedOn, "input.entrustedOn", today);
    const agency = viewer.agency!;
    const keys = caseSubjectKeys({ subject, matter, identifiers: input.subjectIdentifiers });
    const reappraisalOf = input.reappraisalOf ?? null;

    // The inputs added later join the fingerprint only when given, so keys stored before they existed still match.
    const fingerprint = {
      agencyCaseNo,
      institutionId: input.institutionId,
      technicalField: input.technicalField,
      matter,
      subject,
      entrustedOn,
      ...(input.subjectIdentifiers?.length ? { subjectIdentifiers: [...keys.objectKeys, ...keys.partyKeys] } : {}),
      ...(reappraisalOf ? { reappraisalOf } : {}),
      ...(input.industrySection ? { industrySection: input.industrySection } : {}),
    };
    return this.commands.create({
      operation: "entrustAppraisal",
      entity: AppraisalCase,
      entityType: "AppraisalCase",
      idempotencyKey: input.idempotencyKey,
      keyRequired: true,
      authorize: async (manager) => {
        const institution = await referencedInstitution(manager, viewer, input.institutionId, "input.institutionId");
        if (institution.listingStatus !== ListingStatus.LISTED) throw new BadUserInputError("Only institutions listed in the directory can be entrusted.", "input.institutionId");
        if (!institution.technicalFields.includes(input.technicalField)) {
          throw new BadUserInputError("The institution is not listed for this technical field.", "input.technicalField");
        }
        if (reappraisalOf) {
          const first = check.isUuid(reappraisalOf) ? await manager.getRepository(AppraisalCase).findOneBy({ id: reappraisalOf }) : null;
          if (!first || !appraisalCaseVisibility.test(viewer, first)) throw new BadUserInputError("The case to appraise again does not exist.", "input.reappraisalOf");
          if (first.technicalField !== input.technicalField) throw new BadUserInputError("A re-appraisal is in the technical field of the case it repeats.", "input.reappraisalOf");
          if (!first.issuedOn) throw new BadUserInputError("Only a case whose opinion was issued can be appraised again.", "input.reappraisalOf");
        }
        return institution;
      },
      fingerprint,
      write: async (manager, institution) => {
        const saved = await manager.getRepository(AppraisalCase).save(
          manager.create(AppraisalCase, {
            entrustingAgencyId: agency.id,
            entrustingAgencyCode: agency.code,
            entrustingRegionCode: agency.regionCode,
            agencyCaseNo,
            agencyCaseNoKey: caseNumberKey(agencyCaseNo),
            institutionId: institution.id,
            institutionRegionCode: institution.regionCode,
            technicalField: input.technicalField,
            industrySection: input.industrySection ?? null,
            matter,
            subject,
            status: CaseStatus.ENTRUSTED,
            entrustedOn,
            objectKeys: keys.objectKeys,
            partyKeys: keys.partyKeys,
            matterKey: keys.matterKey,
            reappraisalOfId: reappraisalOf,
          }),
        );
        await this.appendEvent(manager, saved.id, "ENTRUST", CaseStatus.ENTRUSTED, CaseStatus.ENTRUSTED, entrustedOn, null, { agencyCaseNo });
        return { id: saved.id, fields: Object.keys(fingerprint), events: [eventAbout("appraisal_case.entrusted", saved, [saved.institutionRegionCode, saved.entrustingRegionCode])] };
      },
    });
  }

  async recordProgress(caseId: string, expectedVersion: number, input: CaseProgressInput): Promise<AppraisalCase> {
    const rule = CASE_ACTIONS[input.action];
    const note = check.optionalText(input.note, "input.note", 2000, { freeText: true });
    const occurredOn = check.dayUpTo(input.occurredOn, "input.occurredOn", this.scope.today());

    return this.commands.change({
      operation: "recordCaseProgress",
      entity: AppraisalCase,
      entityType: "AppraisalCase",
      label: "Appraisal case",
      id: caseId,
      expectedVersion,
      visible: (current) => appraisalCaseVisibility.test(this.viewer, current),
      authorize: (current) => STEP_PERMISSION[rule.by].require(this.viewer, current),
      apply: async (current, manager) => {
      if (!rule.from.includes(current.status)) throw new InvalidStateTransitionError("The case", current.status, rule.to ?? `${current.status} (${input.action})`);
      const [last] = await manager.getRepository(CaseEvent).find({ where: { caseId }, order: { seq: "DESC" }, take: 1 });
      if (last && occurredOn < last.occurredOn) throw new BadUserInputError("occurredOn cannot be earlier than the case's previous step.", "input.occurredOn");

      const changes: Partial<AppraisalCase> = rule.to ? { status: rule.to } : {};
      const detail: Record<string, unknown> = {};
      switch (input.action) {
        case CaseAction.ACCEPT:
          changes.acceptedOn = occurredOn;
          break;
        case CaseAction.REJECT:
          if (!input.rejectionReason) throw new BadUserInputError("A rejection needs a rejectionReason.", "input.rejectionReason");
          detail.rejectionReason = input.rejectionReason;
          break;
        case CaseAction.ASSIGN_APPRAISERS:
          detail.appraiserIds = await this.assign(manager, current, input.appraisers ?? [], occurredOn);
          break;
        case CaseAction.ISSUE: {
          const docNo = check.text(input.opinionDocNo, "input.opinionDocNo", { max: 100, required: true });
          const sha = (input.opinionSha256 ?? "").trim().toLowerCase();
          if (!/^[0-9a-f]{64}$/.test(sha)) throw new BadUserInputError("opinionSha256 must be the 64 hex digits of the opinion file's SHA-256.", "input.opinionSha256");
          const codes = check.textList(input.standardsApplied, "input.standardsApplied", { maxItems: 10, maxLength: 60 });
          const standards = await catalogueEntries(manager, codes, "input.standardsApplied");
          const applied = standards.length ? { standardIds: standards.map((s) => s.id) } : {};
          Object.assign(changes, { issuedOn: occurredOn, opinionDocNo: docNo, opinionSha256: sha, ...applied });
          Object.assign(detail, { opinionDocNo: docNo, opinionSha256: sha, ...(standards.length ? { standardsApplied: standards.map((s) => s.code) } : {}) });
          break;
        }
        case CaseAction.EXTEND_DEADLINE: {
          const days = input.extensionWorkingDays;
          if (!Number.isInteger(days) || days! < 1 || days! > 60) throw new BadUserInputError("extensionWorkingDays must be 1 to 60.", "input.extensionWorkingDays");
          if (!note) throw new BadUserInputError("An extension needs a note giving its reason.", "input.note");
          changes.extensionWorkingDays = current.extensionWorkingDays + days!;
          detail.extensionWorkingDays = days;
          break;
        }
        case CaseAction.TERMINATE:
          if (!note) throw new BadUserInputError("Terminating a case needs a note giving its reason.", "input.note");
          break;
        default:
          break;
      }
      await this.appendEvent(manager, current.id, input.action, current.status, changes.status ?? current.status, occurredOn, note, detail);
      // The runner stores the change as the next version.
      const event = eventAbout(PROGRESS_EVENTS[input.action] ?? "appraisal_case.progressed", { id: current.id, version: current.version + 1 }, [current.institutionRegionCode, current.entrustingRegionCode]);
      return { changes, fields: [`action:${input.action}`, ...Object.keys(changes)], events: [event] };
      },
    });
  }

  /** At least two active appraisers with a post at the case's institution and the case's field, each with a recusal declaration. */
  private async assign(manager: EntityManager, c: AppraisalCase, picks: CaseAppraiserInput[], on: string): Promise<string[]> {
    const ids = [...new Set(picks.map((p) => p.appraiserId))];
    if (ids.length < 2 || ids.length !== picks.length) throw new BadUserInputError("Assign at least two different appraisers.", "input.appraisers");
    if (!ids.every(check.isUuid)) throw new BadUserInputError("An appraiser does not exist.", "input.appraisers");
    // The institution must still be listed for the case's field: a suspended or removed one assigns no one.
    const institution = await manager.getRepository(Institution).findOneByOrFail({ id: c.institutionId });
    if (institution.listingStatus !== ListingStatus.LISTED || !institution.technicalFields.includes(c.technicalField)) {
      throw new BadUserInputError("The institution is no longer listed for the case's technical field: it cannot assign appraisers.", "input.action");
    }
    const appraisers = await manager.getRepository(Appraiser).findBy(ids.map((id) => ({ id })));
    const posts = await manager.getRepository(AppraiserPractice).find({ where: ids.map((appraiserId) => ({ appraiserId, institutionId: c.institutionId })) });
    const statuses = await manager.getRepository(AppraiserStatusEvent).find({ where: ids.map((appraiserId) => ({ appraiserId })), order: { id: "ASC" } });
    for (const pick of picks) {
      const appraiser = appraisers.find((a) => a.id === pick.appraiserId);
      const hasPost = posts.some((p) => p.appraiserId === pick.appraiserId && p.endedOn === null);
      if (!appraiser || !hasPost) throw new BadUserInputError("Every assigned appraiser must hold an active post at the institution.", "input.appraisers");
      if (appraiser.status !== AppraiserStatus.ACTIVE || statusOn(statuses.filter((e) => e.appraiserId === appraiser.id), on) !== AppraiserStatus.ACTIVE) {
        throw new BadUserInputError("Only appraisers ACTIVE on the day of assignment can be assigned.", "input.appraisers");
      }
      // A title-based expert holds no certificate; one who holds certificates needs one valid that day.
      if (appraiser.qualifications.length > 0 && qualificationsValidOn(appraiser.qualifications, on).length === 0) {
        throw new BadUserInputError("Every assigned appraiser's qualification must be valid on the day of assignment.", "input.appraisers");
      }
      if (!appraiser.technicalFields.includes(c.technicalField)) throw new BadUserInputError("Every assigned appraiser must practise in the case's field.", "input.appraisers");
      check.text(pick.recusalDeclaration, "input.appraisers.recusalDeclaration", { max: 1000, required: true, freeText: true });
    }
    await manager.getRepository(CaseAppraiser).save(picks.map((p) => manager.create(CaseAppraiser, { caseId: c.id, appraiserId: p.appraiserId, recusalDeclaration: p.recusalDeclaration.trim(), assignedOn: on })));
    return ids;
  }

  private async appendEvent(manager: EntityManager, caseId: string, action: CaseAction | "ENTRUST", from: CaseStatus, to: CaseStatus, on: string, note: string | null, detail: Record<string, unknown>): Promise<void> {
    await manager.getRepository(CaseEvent).save(
      manager.create(CaseEvent, { caseId, action, fromStatus: from, toStatus: to, occurredOn: on, note, detail, actorAgencyCode: this.viewer.agency!.code, actorClientName: this.viewer.client?.name ?? null }),
    );
  }
}
