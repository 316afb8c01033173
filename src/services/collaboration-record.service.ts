import { eventAbout } from "../push/event-types";
import { RecordStatus } from "../entities/agency-kind";
import { Agency } from "../entities/agency.entity";
import { AppraisalCase } from "../entities/appraisal-case.entity";
import { CollaborationEvent, CollaborationParticipant, CollaborationRecord } from "../entities/collaboration-record.entity";
import { Institution } from "../entities/institution.entity";
import { CollaborationEventKind, CollaborationStatus } from "../domain/collaboration-enums";
import { regionValidOn } from "../domain/region-directory";
import { BadUserInputError, InvalidStateTransitionError } from "../errors/errors";
import { regionLikePattern } from "../auth/region";
import { RequestScope } from "../context/request-scope";
import { Page } from "./pagination";
import * as check from "./validate";
import { appraisalCaseVisibility } from "../policy/appraisal-case.visibility";
import { institutionVisibility } from "../policy/institution.visibility";
import { collaborationRecordVisibility } from "../policy/collaboration-record.visibility";
import { collaborationInitiator, collaborationParty } from "../policy/collaboration-record.permissions";
import { demand } from "../policy/decision";
import { authenticated } from "../policy/rules";
import { CommandRunner, Created } from "./command-runner";
import { equals, ListSpec, listPage } from "./list-builder";
import type { CollaborationEventInput, CollaborationRecordFilter, OpenCollaborationInput } from "../inputs/collaboration-record.input";

export interface ResponseTimes {
  /** Hours from sending to the first acceptance by a participant. */
  hoursToAccept: number | null;
  /** Hours from sending to closing. */
  hoursToClose: number | null;
}

const INITIATOR_ONLY = [CollaborationEventKind.SENT, CollaborationEventKind.CLOSED];

/** Collaboration records, newest first. */
const COLLABORATION_LIST: ListSpec<CollaborationRecord, CollaborationRecordFilter> = {
  entity: CollaborationRecord,
  alias: "r",
  filters: {
    kind: equals("kind", "kind"),
    status: equals("status", "status"),
    regionCode: (code, r) => ({ clause: `${r}.region_code LIKE :region`, params: { region: regionLikePattern(check.regionCode(code, "filter.regionCode")) } }),
  },
  order: {
    direction: "DESC",
    keys: [
      { column: "r.opened_at", part: "timestamp", value: (row) => row.openedAt.toISOString() },
      { column: "r.id", part: "uuid", value: (row) => row.id },
    ],
  },
};

/**
 * Enforcement collaboration records (协商机制、区域执法协作、行刑衔接). Any agency opens one with the agencies
 * it involves; the parties add steps to its timeline and only the initiator closes it, with an outcome.
 * Parties and the market-regulation bureaus covering its region see it; to everyone else it does not exist.
 */
export class CollaborationRecordService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  private get viewer() {
    return this.scope.viewer;
  }

  async byId(id: string): Promise<CollaborationRecord | null> {
    if (!check.isUuid(id)) return null;
    const record = await this.scope.loaders.collaborationRecordById.load(id);
    if (!record) return null;
    const parties = await this.scope.loaders.collaborationParticipantsByRecordId.load(record.id);
    return collaborationRecordVisibility.test(this.viewer, record, parties.map((p) => p.agencyId)) ? record : null;
  }

  async list(filter: CollaborationRecordFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<CollaborationRecord>> {
    const page = await listPage(this.scope.reads, COLLABORATION_LIST, collaborationRecordVisibility.sql(this.viewer, "r"), filter, { first, after });
    for (const row of page.nodes) this.scope.loaders.collaborationRecordById.prime(row.id, row);
    return page;
  }

  participants(record: CollaborationRecord): Promise<CollaborationParticipant[]> {
    return this.scope.loaders.collaborationParticipantsByRecordId.load(record.id);
  }

  timeline(record: CollaborationRecord): Promise<CollaborationEvent[]> {
    return this.scope.loaders.collaborationEventsByRecordId.load(record.id);
  }

  async relatedInstitutions(record: CollaborationRecord): Promise<Institution[]> {
    const found = await this.scope.loaders.institutionById.loadMany(record.relatedInstitutionIds);
    return found.filter((i): i is Institution => i instanceof Institution && institutionVisibility.test(this.viewer, i));
  }

  async relatedCases(record: CollaborationRecord): Promise<AppraisalCase[]> {
    const found = await this.scope.loaders.appraisalCaseById.loadMany(record.relatedCaseIds);
    return found.filter((c): c is AppraisalCase => c instanceof AppraisalCase && appraisalCaseVisibility.test(this.viewer, c));
  }

  /** Sent → first acceptance by a participant, and sent → closed, in hours (for statistics). */
  async responseTimes(record: CollaborationRecord): Promise<ResponseTimes> {
    const events = await this.timeline(record);
    const sent = record.openedAt.getTime();
    const accepted = events.find((e) => e.kind === CollaborationEventKind.ACCEPTED && e.actorAgencyCode !== record.initiatorAgencyCode);
    const hours = (at: Date | null | undefined) => (at ? Math.round(((at.getTime() - sent) / 3_600_000) * 10) / 10 : null);
    return { hoursToAccept: hours(accepted?.occurredAt), hoursToClose: hours(record.closedAt) };
  }

  async open(input: OpenCollaborationInput): Promise<Created<CollaborationRecord>> {
    const viewer = this.viewer;
    demand(authenticated, "Sign in as an agency.", viewer);
    const initiator = viewer.agency!;
    const title = check.text(input.title, "input.title", { max: 200, required: true });
    const summary = check.text(input.summary, "input.summary", { max: 8000, freeText: true });
    const regionCode = input.regionCode ? check.regionCode(input.regionCode, "input.regionCode") : initiator.regionCode;
    if (!regionValidOn(regionCode, this.scope.today())) throw new BadUserInputError("The region code is no longer valid.", "input.regionCode");
    const codes = [...new Set(input.participantAgencyCodes.map((c) => c.trim()))].filter((c) => c !== initiator.code);
    if (codes.length === 0 || codes.length > 30) throw new BadUserInputError("Name 1 to 30 participant agencies other than your own.", "input.participantAgencyCodes");
    const institutionIds = [...new Set(input.relatedInstitutionIds ?? [])];
    const caseIds = [...new Set(input.relatedCaseIds ?? [])];
    if (![...institutionIds, ...caseIds].every(check.isUuid)) throw new BadUserInputError("A related record does not exist.", "input.relatedInstitutionIds");

    return this.commands.create({
      operation: "openCollaboration",
      entity: CollaborationRecord,
      entityType: "CollaborationRecord",
      idempotencyKey: input.idempotencyKey,
      keyRequired: true,
      authorize: async (manager) => {
      const agencies = await manager.getRepository(Agency).findBy(codes.map((code) => ({ code })));
      if (agencies.length !== codes.length || agencies.some((a) => a.status !== RecordStatus.ACTIVE)) {
        throw new BadUserInputError("Every participant must be an active agency registered with the hub.", "input.participantAgencyCodes");
      }
      const institutions = institutionIds.length ? await manager.getRepository(Institution).findBy(institutionIds.map((id) => ({ id }))) : [];
      if (institutions.length !== institutionIds.length || !institutions.every((i) => institutionVisibility.test(viewer, i))) {
        throw new BadUserInputError("A related institution does not exist.", "input.relatedInstitutionIds");
      }
      const cases = caseIds.length ? await manager.getRepository(AppraisalCase).findBy(caseIds.map((id) => ({ id }))) : [];
      if (cases.length !== caseIds.length || !cases.every((c) => appraisalCaseVisibility.test(viewer, c))) throw new BadUserInputError("A related case does not exist.", "input.relatedCaseIds");
      return agencies;
      },
      fingerprint: { kind: input.kind, title, summary, regionCode, participants: [...codes].sort(), institutionIds: [...institutionIds].sort(), caseIds: [...caseIds].sort() },
      write: async (manager, agencies) => {
        const now = this.scope.now();
        const saved = await manager.getRepository(CollaborationRecord).save(
          manager.create(CollaborationRecord, {
            kind: input.kind,
            title,
            summary,
            initiatorAgencyId: initiator.id,
            initiatorAgencyCode: initiator.code,
            regionCode,
            status: CollaborationStatus.OPEN,
            relatedInstitutionIds: institutionIds,
            relatedCaseIds: caseIds,
            openedAt: now,
          }),
        );
        await manager.getRepository(CollaborationParticipant).save([
          manager.create(CollaborationParticipant, { recordId: saved.id, agencyId: initiator.id, agencyCode: initiator.code, role: "INITIATOR" }),
          ...agencies.map((a) => manager.create(CollaborationParticipant, { recordId: saved.id, agencyId: a.id, agencyCode: a.code, role: "PARTICIPANT" })),
        ]);
        await manager.getRepository(CollaborationEvent).save(manager.create(CollaborationEvent, { recordId: saved.id, kind: CollaborationEventKind.SENT, note: "", actorAgencyCode: initiator.code, occurredAt: now }));
        return { id: saved.id, fields: ["kind", "title", "participants", "regionCode"], events: [eventAbout("collaboration_record.opened", saved, [saved.regionCode])] };
      },
    });
  }

  async addEvent(recordId: string, expectedVersion: number, input: CollaborationEventInput): Promise<CollaborationRecord> {
    const viewer = this.viewer;
    const note = check.text(input.note, "input.note", { max: 4000, freeText: true });
    if (input.kind === CollaborationEventKind.CLOSED && !input.outcome) throw new BadUserInputError("Closing needs an outcome.", "input.outcome");
    if (input.kind !== CollaborationEventKind.CLOSED && input.outcome) throw new BadUserInputError("An outcome goes with CLOSED.", "input.outcome");
    return this.commands.change({
      operation: "addCollaborationEvent",
      entity: CollaborationRecord,
      entityType: "CollaborationRecord",
      label: "Collaboration record",
      id: recordId,
      expectedVersion,
      facts: async (record, manager) => (await manager.getRepository(CollaborationParticipant).findBy({ recordId: record.id })).map((p) => p.agencyId),
      visible: (record, partyAgencyIds) => collaborationRecordVisibility.test(viewer, record, partyAgencyIds),
      authorize: (record, partyAgencyIds) => {
        collaborationParty.require(viewer, partyAgencyIds);
        if (INITIATOR_ONLY.includes(input.kind)) collaborationInitiator.require(viewer, record);
      },
      apply: async (record, manager) => {
      if (record.status === CollaborationStatus.CLOSED) throw new InvalidStateTransitionError("The collaboration", CollaborationStatus.CLOSED, input.kind);
      const now = this.scope.now();
      const changes: Partial<CollaborationRecord> =
        input.kind === CollaborationEventKind.CLOSED ? { status: CollaborationStatus.CLOSED, outcome: input.outcome!, closedAt: now } : {};
      await manager.getRepository(CollaborationEvent).save(manager.create(CollaborationEvent, { recordId: record.id, kind: input.kind, note, actorAgencyCode: viewer.agency!.code, occurredAt: now }));
      // Every event bumps the version (a party's reply changes what the others read), so the update runs even without changes.
      const event = eventAbout("collaboration_record.event_added", { id: record.id, version: record.version + 1 }, [record.regionCode]);
      return { changes, touchUpdatedAt: false, fields: [`event:${input.kind}`, ...Object.keys(changes)], events: [event] };
      },
    });
  }
}
