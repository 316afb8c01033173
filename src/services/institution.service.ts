import { EntityManager } from "typeorm";
import { IndustrySection } from "../domain/industry";
import { Agency } from "../entities/agency.entity";
import { AgencyKind } from "../entities/agency-kind";
import { AuditOutcome } from "../entities/audit-event.entity";
import type { AuditEntry } from "../audit/audit-trail";
import { insertAgency } from "./agency.service";
import { INSTITUTION_CLIENT, insertDefaultClient } from "./client-system.service";
import { ComplianceStandard } from "../entities/directory-records";
import { Institution } from "../entities/institution.entity";
import { ListingEvent } from "../entities/listing-event.entity";
import { LISTING_TRANSITIONS, ListingLevel, ListingStatus, TechnicalField } from "../domain/directory-enums";
import { regionValidOn } from "../domain/region-directory";
import { BadUserInputError, ConflictError, InvalidStateTransitionError, NotFoundError } from "../errors/errors";
import { regionLikePattern } from "../auth/region";
import { RequestScope } from "../context/request-scope";
import type { Viewer } from "../auth/viewer";
import { canonicalJson } from "./canonical-json";
import { Page } from "./pagination";
import { conflictOnDuplicate } from "./unique-violation";
import * as check from "./validate";
import { InputProblems } from "./validate";
import { updateVersioned } from "./versioned-update";
import { institutionVisibility } from "../policy/institution.visibility";
import { decideListing, decideListingLevel, listingMove, registerInstitution } from "../policy/institution.permissions";
import { listingRefusal } from "./listing-conditions";
import { resolveStandardCodes } from "./standard.service";
import { CommandRunner, Created } from "./command-runner";
import { eventAbout, type EventDraft } from "../push/event-types";
import { equals, ListSpec, listPage } from "./list-builder";
import type { ComplianceStandardInput, InstitutionFilter, RegisterInstitutionInput, UpdateInstitutionInput } from "../inputs/institution.input";

export interface ChangeListingStatusInput {
  id: string;
  expectedVersion: number;
  to: ListingStatus;
  reason: string;
  decisionDocNo?: string | null;
  effectiveOn?: string | null;
  listingLevel?: ListingLevel | null;
}

/** The fields of `Institution` that registration and edits may set, after validation. */
export type InstitutionDetails = Partial<Pick<Institution, "name" | "regionCode" | "address" | "legalRepresentative" | "contactPhone" | "technicalFields" | "industrySections" | "businessScope" | "appraisalMatters" | "standards" | "cultivationStage">>;

/** The directory, by name: the filters an agency combines to find an institution. */
const INSTITUTION_LIST: ListSpec<Institution, InstitutionFilter> = {
  entity: Institution,
  alias: "i",
  filters: {
    regionCode: (code, i) => ({ clause: `${i}.region_code LIKE :region`, params: { region: regionLikePattern(check.regionCode(code, "filter.regionCode")) } }),
    technicalField: (field, i) => ({ clause: `:field = ANY(${i}.technical_fields)`, params: { field } }),
    industrySection: (section, i) => ({ clause: `:industry = ANY(${i}.industry_sections)`, params: { industry: section } }),
    listingStatus: equals("listing_status", "status"),
    listingLevel: equals("listing_level", "level"),
    nameContains: (text, i) => ({ clause: `${i}.name LIKE :name`, params: { name: check.containsPattern(text, "filter.nameContains") } }),
    listedOn: (day, i) => ({
      clause: `(SELECT e.to_status FROM listing_events e WHERE e.institution_id = ${i}.id AND e.effective_on <= :listedOn
                ORDER BY e.effective_on DESC, e.seq DESC LIMIT 1) = 'LISTED'`,
      params: { listedOn: check.localDate(day, "filter.listedOn") },
    }),
  },
  order: {
    direction: "ASC",
    keys: [
      { column: "i.name", part: "text", value: (row) => row.name },
      { column: "i.id", part: "uuid", value: (row) => row.id },
    ],
  },
};

/**
 * The directory of institutions and its listing register. Reads are scoped by `institution-visibility`;
 * writes belong to the market-regulation bureau whose jurisdiction covers the institution (associations may
 * only recommend), are validated before any write, run in one transaction with their audit entry, and edits
 * quote the version they read.
 */
export class InstitutionService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  private get viewer() {
    return this.scope.viewer;
  }

  async byId(id: string): Promise<Institution | null> {
    if (!check.isUuid(id)) return null;
    return this.visible(await this.scope.loaders.institutionById.load(id));
  }

  async byCreditCode(code: string): Promise<Institution | null> {
    return this.visible(await this.scope.loaders.institutionByCreditCode.load(code.trim().toUpperCase()));
  }

  private visible(institution: Institution | null): Institution | null {
    return institution && institutionVisibility.test(this.viewer, institution) ? institution : null;
  }

  async list(filter: InstitutionFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<Institution>> {
    const page = await listPage(this.scope.reads, INSTITUTION_LIST, institutionVisibility.sql(this.viewer, "i"), filter, { first, after });
    for (const row of page.nodes) this.scope.loaders.institutionById.prime(row.id, row);
    return page;
  }

  /** The register, newest first. */
  listingHistory(institution: Institution): Promise<ListingEvent[]> {
    return this.scope.loaders.listingEventsByInstitutionId.load(institution.id);
  }

  /** The status on `day` according to the register: the last decision effective on or before it. */
  async listingStatusOn(institution: Institution, day: string): Promise<ListingStatus> {
    const events = await this.listingHistory(institution);
    return events.find((event) => event.effectiveOn <= day)?.toStatus ?? ListingStatus.NOT_LISTED;
  }

  /** Validates and authorizes a registration without writing: what `register` would store. */
  prepareRegistration(input: RegisterInstitutionInput): InstitutionDetails & { creditCode: string } {
    const problems = new InputProblems();
    const creditCode = problems.check(() => check.creditCode(input.creditCode, "input.creditCode"))!;
    const details = this.validDetails(input, "input", {}, problems);
    const regionCode = details.regionCode!;
    registerInstitution.require(this.viewer, regionCode);
    if (!regionValidOn(regionCode, this.scope.today())) {
      throw new BadUserInputError("The region code is no longer valid: use the code that replaced it.", "input.regionCode");
    }
    return { ...details, creditCode };
  }

  async register(input: RegisterInstitutionInput): Promise<Created<Institution>> {
    const prepared = this.prepareRegistration(input);
    const agencyCode = input.agencyCode ? check.agencyCode(input.agencyCode, "input.agencyCode") : null;
    const { creditCode } = prepared;
    return this.commands.create({
      operation: "registerInstitution",
      entity: Institution,
      entityType: "Institution",
      idempotencyKey: input.idempotencyKey,
      fingerprint: { ...prepared, agencyCode },
      write: async (manager) => {
        if (await manager.getRepository(Institution).existsBy({ creditCode })) {
          throw new ConflictError("An institution with this credit code is already registered.", { field: "input.creditCode" });
        }
        const details = await withCatalogue(manager, prepared);
        const saved = await conflictOnDuplicate(
          () => manager.getRepository(Institution).save(manager.create(Institution, { ...details, listingStatus: ListingStatus.NOT_LISTED })),
          "An institution with this credit code is already registered.",
          "input.creditCode",
        );
        const also = agencyCode ? await this.registerOwnAgency(manager, saved, agencyCode) : [];
        return { id: saved.id, fields: Object.keys(prepared), also };
      },
    });
  }

  /**
   * Registers the own agency of an institution already in the directory (when it is listed, say), for the
   * bureau covering it; an institution has one.
   */
  registerAgencyOf(institutionId: string, agencyCodeInput: string, idempotencyKey: string | null | undefined): Promise<Created<Institution>> {
    const agencyCode = check.agencyCode(agencyCodeInput, "agencyCode");
    return this.commands.create({
      operation: "registerInstitutionAgency",
      entity: Institution,
      entityType: "Institution",
      idempotencyKey,
      authorize: async (manager) => {
        const institution = check.isUuid(institutionId) ? await manager.getRepository(Institution).findOneBy({ id: institutionId }) : null;
        if (!this.visible(institution)) throw new NotFoundError("Institution");
        registerInstitution.require(this.viewer, institution!.regionCode);
        return institution!;
      },
      fingerprint: { institutionId, agencyCode },
      write: async (manager, institution) => {
        if (await manager.getRepository(Agency).existsBy({ institutionId: institution.id })) throw new ConflictError("The institution already has its own agency.", { field: "institutionId" });
        return { id: institution.id, fields: [`agency:${agencyCode}`], also: await this.registerOwnAgency(manager, institution, agencyCode, "agencyCode") };
      },
    });
  }

  /**
   * The institution's own agency (kind APPRAISAL_INSTITUTION, under the registering bureau) and its `default`
   * client system, in the registration's transaction: its case system can then report progress on its cases.
   */
  private async registerOwnAgency(manager: EntityManager, institution: Institution, code: string, field = "input.agencyCode"): Promise<AuditEntry[]> {
    const agency = await insertAgency(
      manager,
      { code, name: institution.name, kind: AgencyKind.APPRAISAL_INSTITUTION, regionCode: institution.regionCode, parentCode: this.viewer.agency?.code ?? null, institutionId: institution.id },
      field,
    );
    const client = await insertDefaultClient(manager, agency, INSTITUTION_CLIENT);
    return [
      { operation: "registerAgency", entityType: "Agency", entityId: agency.id, fields: ["code", "name", "kind", "regionCode", "parentCode", "institutionId"], outcome: AuditOutcome.SUCCESS },
      { operation: "registerClientSystem", entityType: "ClientSystem", entityId: client.id, fields: ["name", "allowedScopes"], outcome: AuditOutcome.SUCCESS },
    ];
  }

  /**
   * Validates and authorizes an edit of `current` without writing, and returns only the fields that would
   * change (empty when the edit changes nothing).
   */
  prepareUpdate(current: Institution, input: UpdateInstitutionInput): InstitutionDetails {
    const details = this.validDetails(input, "input", { partial: true });
    this.authorizeEdit(current, details);
    return this.changesFrom(current, details);
  }

  /** The bureau covering the institution edits it, and moves it only to a region it also covers. */
  private authorizeEdit(current: Institution, details: InstitutionDetails): void {
    registerInstitution.require(this.viewer, current.regionCode);
    if (details.regionCode && details.regionCode !== current.regionCode) {
      registerInstitution.require(this.viewer, details.regionCode);
      if (!regionValidOn(details.regionCode, this.scope.today())) {
        throw new BadUserInputError("The region code is no longer valid: use the code that replaced it.", "input.regionCode");
      }
    }
  }

  /** The validated details that differ from `current`. */
  private changesFrom(current: Institution, details: InstitutionDetails): InstitutionDetails {
    const changes: InstitutionDetails = {};
    for (const [key, value] of Object.entries(details) as Array<[keyof InstitutionDetails, unknown]>) {
      // JSONB (standards) stores object keys in its own order: compare canonically.
      if (canonicalJson(value) !== canonicalJson(current[key])) (changes as Record<string, unknown>)[key] = value;
    }
    return changes;
  }

  async update(id: string, expectedVersion: number, input: UpdateInstitutionInput): Promise<Institution> {
    const details = this.validDetails(input, "input", { partial: true });
    if (Object.keys(details).length === 0) throw new BadUserInputError("Nothing to change.", "input");
    return this.commands.change({
      ...this.forWrite(id, expectedVersion),
      operation: "updateInstitution",
      authorize: (current) => this.authorizeEdit(current, details),
      apply: async (current, manager) => {
        const changes = this.changesFrom(current, await withCatalogue(manager, details));
        // Nothing differs: no new version.
        return Object.keys(changes).length === 0 ? { unchanged: true } : { changes, fields: Object.keys(changes) };
      },
    });
  }

  /**
   * Moves the listing register one step and appends the decision. The effective day defaults to today, may
   * lie in the past (a decision recorded late) but not before the previous decision, and not in the future:
   * the current status is always the last decision's.
   */
  async changeListingStatus(input: ChangeListingStatusInput): Promise<Institution> {
    const { reason, decisionDocNo, effectiveOn } = this.validDecision(input);
    if (input.listingLevel && input.to !== ListingStatus.LISTED) throw new BadUserInputError("listingLevel goes with a move to LISTED.", "listingLevel");

    return this.commands.change({
      ...this.forWrite(input.id, input.expectedVersion),
      operation: "changeListingStatus",
      authorize: (current) => {
        decideListing.require(this.viewer, current);
        listingMove.require(this.viewer, input.to);
      },
      apply: async (current, manager) => this.listingChange(manager, current, { ...input, reason, decisionDocNo, effectiveOn }),
    });
  }

  /**
   * Writes one move of the register inside the caller's transaction: the decision and the new status; answers
   * the institution as stored and the fields of the audit entry the caller appends. Callers have checked who
   * may decide and the version; this checks the machine and the date. Also used by credit decisions that
   * suspend a listing in the same transaction as the credit record.
   */
  async listingChange(
    manager: EntityManager,
    current: Institution,
    move: { to: ListingStatus; reason: string; decisionDocNo: string | null; effectiveOn: string; listingLevel?: ListingLevel | null },
  ): Promise<{ wrote: Institution; fields: string[]; events: EventDraft[] }> {
    if (!LISTING_TRANSITIONS[current.listingStatus].includes(move.to)) {
      throw new InvalidStateTransitionError("The institution's listing", current.listingStatus, move.to);
    }
    const last = await lastDecisionBefore(manager, current.id, move.effectiveOn);
    const refusal = await listingRefusal(manager, this.scope.policy, current, move, last);
    if (refusal) throw new InvalidStateTransitionError("The institution's listing", current.listingStatus, move.to, refusal);
    const listing: Partial<Institution> = { listingStatus: move.to };
    if (move.to === ListingStatus.LISTED) {
      listing.listedAt = move.effectiveOn;
      listing.listingLevel = move.listingLevel ?? current.listingLevel ?? ListingLevel.MUNICIPAL;
    } else if (move.to !== ListingStatus.SUSPENDED) {
      listing.listedAt = null;
    }
    return this.recordDecision(manager, current, listing, move, "listingStatus");
  }

  /**
   * Stores a register decision: the institution's new listing (`changes`, as the next version) and the
   * decision appended to the register, with the event subscribers learn it by. Answers what the command's
   * audit entry and events need.
   */
  private async recordDecision(
    manager: EntityManager,
    current: Institution,
    changes: Partial<Institution>,
    decision: { to: ListingStatus; reason: string; decisionDocNo: string | null; effectiveOn: string },
    changed: string,
  ): Promise<{ wrote: Institution; fields: string[]; events: EventDraft[] }> {
    const updated = await updateVersioned<Institution>(manager, Institution, "Institution", current.id, current.version, changes);
    const event = await manager.getRepository(ListingEvent).save(
      manager.create(ListingEvent, {
        institutionId: current.id,
        fromStatus: current.listingStatus,
        toStatus: decision.to,
        listingLevel: decision.to === ListingStatus.LISTED ? updated.listingLevel : null,
        reason: decision.reason,
        decisionDocNo: decision.decisionDocNo,
        decidingAgencyCode: this.viewer.agency!.code,
        effectiveOn: decision.effectiveOn,
      }),
    );
    return { wrote: updated, fields: [changed, `listingEvent:${event.seq}`], events: [eventAbout("institution.listing_status_changed", updated, [updated.regionCode])] };
  }

  /**
   * Moves a listed institution to another directory (名录库互荐共享, e.g. municipal → provincial) as a decision
   * of its own: the register records LISTED → LISTED at the new level; the listing continues (listedAt kept).
   */
  async changeListingLevel(input: { id: string; expectedVersion: number; level: ListingLevel; reason: string; decisionDocNo?: string | null; effectiveOn?: string | null }): Promise<Institution> {
    const { reason, decisionDocNo, effectiveOn } = this.validDecision(input);
    return this.commands.change({
      ...this.forWrite(input.id, input.expectedVersion),
      operation: "changeListingLevel",
      authorize: (current) => decideListingLevel.require(this.viewer, current, input.level),
      apply: async (current, manager) => {
        if (current.listingStatus !== ListingStatus.LISTED) throw new InvalidStateTransitionError("The institution's listing level", current.listingStatus, ListingStatus.LISTED);
        if (current.listingLevel === input.level) throw new BadUserInputError(`The institution is already in the ${input.level.toLowerCase()} directory.`, "level");
        await lastDecisionBefore(manager, current.id, effectiveOn);
        return this.recordDecision(manager, current, { listingLevel: input.level }, { to: ListingStatus.LISTED, reason, decisionDocNo, effectiveOn }, "listingLevel");
      },
    });
  }

  /** A register decision's reason, document number and day (today by default; never in the future). */
  private validDecision(input: { reason: string; decisionDocNo?: string | null; effectiveOn?: string | null }): { reason: string; decisionDocNo: string | null; effectiveOn: string } {
    const effectiveOn = check.dayUpTo(input.effectiveOn, "effectiveOn", this.scope.today(), "record the decision when it takes effect");
    return { reason: check.text(input.reason, "reason", { max: 1000, required: true, freeText: true }), decisionDocNo: check.optionalText(input.decisionDocNo, "decisionDocNo", 100), effectiveOn };
  }

  /** An institution as a command loads it for write: NOT_FOUND when it does not exist for the caller. */
  private forWrite(id: string, expectedVersion: number) {
    return {
      entity: Institution,
      entityType: "Institution",
      label: "Institution",
      id,
      expectedVersion,
      visible: (current: Institution) => institutionVisibility.test(this.viewer, current),
    };
  }

  /** Validates and normalises institution details (of an edit, or of a registration: the same fields); with `partial`, only the fields given. */
  validDetails(input: UpdateInstitutionInput, prefix: string, options: { partial?: boolean } = {}, problems = new InputProblems()): InstitutionDetails {
    const out: InstitutionDetails = {};
    const given = (value: unknown) => value !== undefined && value !== null;
    const field = (name: string) => `${prefix}.${name}`;
    const wanted = (value: unknown) => !options.partial || given(value);
    const set = <K extends keyof InstitutionDetails>(key: K, value: InstitutionDetails[K] | undefined) => {
      if (value !== undefined) out[key] = value;
    };
    if (wanted(input.name)) set("name", problems.check(() => check.text(input.name, field("name"), { max: 200, required: true })));
    if (wanted(input.regionCode)) set("regionCode", problems.check(() => check.regionCode(input.regionCode ?? "", field("regionCode"))));
    if (wanted(input.address)) set("address", problems.check(() => check.text(input.address, field("address"), { max: 300 })));
    if (wanted(input.legalRepresentative)) set("legalRepresentative", problems.check(() => check.text(input.legalRepresentative, field("legalRepresentative"), { max: 100 })));
    if (wanted(input.contactPhone)) set("contactPhone", problems.check(() => check.phone(input.contactPhone, field("contactPhone")) ?? ""));
    if (wanted(input.technicalFields)) set("technicalFields", problems.check(() => check.enumList(input.technicalFields, TechnicalField, field("technicalFields"), { required: true })));
    if (wanted(input.industrySections)) set("industrySections", problems.check(() => check.enumList(input.industrySections, IndustrySection, field("industrySections"))));
    if (wanted(input.businessScope)) set("businessScope", problems.check(() => check.text(input.businessScope, field("businessScope"), { max: 2000, freeText: true })));
    if (wanted(input.appraisalMatters)) set("appraisalMatters", problems.check(() => check.textList(input.appraisalMatters, field("appraisalMatters"), { maxItems: 50, maxLength: 100, freeText: true })));
    if (wanted(input.standards)) set("standards", problems.check(() => validStandards(input.standards ?? [], field("standards"))));
    // The grade is the association's evaluation, with its decision and validity (recordInstitutionGrade).
    if (given(input.grade)) problems.add(field("grade"), `${field("grade")} is recorded by the industry association with recordInstitutionGrade.`);
    if (given(input.cultivationStage)) out.cultivationStage = input.cultivationStage!;
    problems.done();
    return out;
  }
}

/**
 * The institution a command refers to (by id in its input), inside its transaction: BAD_USER_INPUT naming
 * `field` when it does not exist for the caller, whatever the reason.
 */
export async function referencedInstitution(manager: EntityManager, viewer: Viewer, id: string, field: string): Promise<Institution> {
  const institution = check.isUuid(id) ? await manager.getRepository(Institution).findOneBy({ id }) : null;
  if (!institution || !institutionVisibility.test(viewer, institution)) throw new BadUserInputError("The institution does not exist.", field);
  return institution;
}

/** The register's last decision about an institution; a new one may not take effect before it. */
async function lastDecisionBefore(manager: EntityManager, institutionId: string, effectiveOn: string): Promise<ListingEvent | undefined> {
  const [last] = await manager.getRepository(ListingEvent).find({ where: { institutionId }, order: { effectiveOn: "DESC", seq: "DESC" }, take: 1 });
  if (last && effectiveOn < last.effectiveOn) throw new BadUserInputError("effectiveOn cannot be earlier than the previous decision of the register.", "effectiveOn");
  return last;
}

/**
 * Compliance entries point at the catalogue: each code must name a catalogue entry, whose code and title are
 * kept (so one standard is written one way), with who verified compliance and when.
 */
export async function withCatalogue(manager: EntityManager, details: InstitutionDetails): Promise<InstitutionDetails> {
  if (!details.standards?.length) return details;
  const catalogue = await resolveStandardCodes(manager, details.standards.map((s) => s.code), "input.standards");
  const standards = details.standards.map((s) => {
    const entry = catalogue.get(s.code)!;
    return { standardId: entry.id, code: entry.code, title: entry.part ? `${entry.title} ${entry.part}` : entry.title, verifiedBy: s.verifiedBy, verifiedOn: s.verifiedOn };
  });
  return { ...details, standards };
}

function validStandards(standards: ComplianceStandardInput[], field: string): ComplianceStandard[] {
  if (standards.length > 30) throw new BadUserInputError(`${field} may hold at most 30 standards.`, field);
  return standards.map((s) => ({
    code: check.text(s.code, `${field}.code`, { max: 50, required: true }),
    title: check.text(s.title, `${field}.title`, { max: 200, required: true }),
    verifiedBy: check.optionalText(s.verifiedBy, `${field}.verifiedBy`, 100),
    verifiedOn: check.localDate(s.verifiedOn, `${field}.verifiedOn`),
  }));
}
