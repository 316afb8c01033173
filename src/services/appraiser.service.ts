import { EntityManager, IsNull } from "typeorm";
import { Appraiser } from "../entities/appraiser.entity";
import { AppraiserPractice } from "../entities/appraiser-practice.entity";
import { AuditOutcome } from "../entities/audit-event.entity";
import { ProfessionalTitle, Qualification, Training } from "../entities/directory-records";
import { Institution } from "../entities/institution.entity";
import { APPRAISER_TRANSITIONS, AppraiserStatus, PracticeKind, TechnicalField } from "../domain/directory-enums";
import { BadUserInputError, ConflictError, InvalidStateTransitionError } from "../errors/errors";
import { maskIdNumber, maskPhone } from "../auth/mask";
import { regionLikePattern } from "../auth/region";
import type { DisclosureRefusal, ResponsePath } from "../auth/disclosure";
import { auditActor, RequestScope } from "../context/request-scope";
import { Page } from "./pagination";
import { conflictOnDuplicate } from "./unique-violation";
import * as check from "./validate";
import { InputProblems } from "./validate";
import { appraiserVisibility } from "../policy/appraiser.visibility";
import { institutionVisibility } from "../policy/institution.visibility";
import { manageAppraiser } from "../policy/appraiser.permissions";
import { idNumberDisclosure, phoneInFull } from "../policy/appraiser.disclosure";
import { discloseAfterAudit } from "./sealed-disclosure";
import { referencedInstitution } from "./institution.service";
import { CommandRunner, Created } from "./command-runner";
import { equals, ListSpec, listPage } from "./list-builder";
import type { AppraiserFilter, ProfessionalTitleInput, QualificationInput, RegisterAppraiserInput, TrainingInput, UpdateAppraiserInput } from "../inputs/appraiser.input";
import { AppraiserStatusEvent } from "../entities/appraiser-status-event.entity";
import { statusOn } from "../domain/appraiser-status";

/** The profile fields a registration and an edit share: what `validProfile` checks for both. */
export type AppraiserProfileInput = Pick<UpdateAppraiserInput, "name" | "phone" | "technicalFields" | "titles" | "qualifications" | "trainings">;

export type AppraiserProfile = Partial<Pick<Appraiser, "name" | "technicalFields" | "titles" | "qualifications" | "trainings">> & { phoneSealed?: string | null; phoneMasked?: string | null };

const TITLE_LEVELS = ["SENIOR", "INTERMEDIATE", "JUNIOR"];

/** Appraisers by name, with their current institution joined for its visibility. */
const APPRAISER_LIST: ListSpec<Appraiser, AppraiserFilter> = {
  entity: Appraiser,
  alias: "a",
  joins: [{ entity: Institution, alias: "i", on: "i.id = a.institution_id" }],
  filters: {
    institutionId: equals("institution_id", "institutionId", (id: string) => check.idFilter(id, "filter.institutionId")),
    regionCode: (code, a) => ({ clause: `${a}.region_code LIKE :region`, params: { region: regionLikePattern(check.regionCode(code, "filter.regionCode")) } }),
    technicalField: (field, a) => ({ clause: `:field = ANY(${a}.technical_fields)`, params: { field } }),
    status: equals("status", "status"),
    nameContains: (text, a) => ({ clause: `${a}.name LIKE :name`, params: { name: check.containsPattern(text, "filter.nameContains") } }),
  },
  order: {
    direction: "ASC",
    keys: [
      { column: "a.name", part: "text", value: (row) => row.name },
      { column: "a.id", part: "uuid", value: (row) => row.id },
    ],
  },
};

/**
 * Appraisers: who they are, where they practise, and how their personal information is disclosed. ID
 * numbers and phones are sealed at rest; courts, procuratorates and police see them masked; a bureau or
 * association sees the ID number in full only in its jurisdiction, with scope `pii:read` and an X-Case-Ref,
 * and every full read is audited.
 */
export class AppraiserService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  private get viewer() {
    return this.scope.viewer;
  }

  async byId(id: string): Promise<Appraiser | null> {
    if (!check.isUuid(id)) return null;
    const appraiser = await this.scope.loaders.appraiserById.load(id);
    if (!appraiser) return null;
    const institution = appraiser.institutionId ? await this.scope.loaders.institutionById.load(appraiser.institutionId) : null;
    return appraiserVisibility.test(this.viewer, appraiser, institution) ? appraiser : null;
  }

  /** The appraiser with this keyed ID hash, if the caller may see it (for imports, which key on it). */
  async byIdNumberHash(idNumberHash: string): Promise<Appraiser | null> {
    const row = await this.scope.dataSource.getRepository(Appraiser).findOneBy({ idNumberHash });
    return row ? this.byId(row.id) : null;
  }

  async list(filter: AppraiserFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<Appraiser>> {
    const page = await listPage(this.scope.reads, APPRAISER_LIST, appraiserVisibility.sql(this.viewer, "a", "i"), filter, { first, after });
    for (const row of page.nodes) this.scope.loaders.appraiserById.prime(row.id, row);
    return page;
  }

  /** Current appraisers of an institution the caller already sees. */
  /** The institution's appraisers; `properties`: the columns to read (all by default), as the query selects them. */
  appraisersOf(institution: Institution, properties: readonly string[] | null = null): Promise<Appraiser[]> {
    return this.scope.loaders.appraisersByInstitutionId(properties).load(institution.id);
  }

  async institutionOf(appraiser: Appraiser): Promise<Institution | null> {
    if (!appraiser.institutionId) return null;
    const institution = await this.scope.loaders.institutionById.load(appraiser.institutionId);
    return institution && institutionVisibility.test(this.viewer, institution) ? institution : null;
  }

  async institutionOfPractice(practice: AppraiserPractice): Promise<Institution | null> {
    const institution = await this.scope.loaders.institutionById.load(practice.institutionId);
    return institution && institutionVisibility.test(this.viewer, institution) ? institution : null;
  }

  practices(appraiser: Appraiser): Promise<AppraiserPractice[]> {
    return this.scope.loaders.practicesByAppraiserId.load(appraiser.id);
  }

  /**
   * The ID number as this caller may see it: in full for a bureau or association with `pii:read`, in
   * jurisdiction, naming a case in X-Case-Ref; masked otherwise. A full value leaves only once its audit
   * entry is committed; a refused attempt is audited as DENIED with the reason, and a caller with
   * `pii:read` is told why in `extensions.disclosure`. Anonymous callers never get here.
   */
  async idNumber(appraiser: Appraiser, path: ResponsePath): Promise<string> {
    const decision = idNumberDisclosure(this.viewer, appraiser, this.scope.request.caseRefProblem);
    if (decision.kind === "masked") return appraiser.idNumberMasked;
    if (decision.kind === "refused") {
      this.auditRefusedRead(appraiser, "idNumber", decision.reason);
      this.scope.disclosures.note(decision.reason, path);
      return appraiser.idNumberMasked;
    }
    return (await this.disclose(appraiser, "idNumber", appraiser.idNumberSealed, appraiser.idNumberMasked, path)) ?? appraiser.idNumberMasked;
  }

  /** The phone: in full (audited before it leaves) for bureaus and associations in jurisdiction, masked for other agencies. */
  async phone(appraiser: Appraiser, path: ResponsePath): Promise<string | null> {
    if (!appraiser.phoneSealed) return null;
    return phoneInFull(this.viewer, appraiser) ? this.disclose(appraiser, "phone", appraiser.phoneSealed, appraiser.phoneMasked, path) : appraiser.phoneMasked;
  }

  /** Opens a sealed value once its audit entry is durable; masked when the entry cannot be written. */
  private disclose(appraiser: Appraiser, field: string, sealed: string, masked: string | null, path: ResponsePath): Promise<string | null> {
    return discloseAfterAudit(this.scope, { entityType: "Appraiser", entityId: appraiser.id, field }, sealed, masked, path);
  }

  private auditRefusedRead(appraiser: Appraiser, field: string, reason: DisclosureRefusal): void {
    this.scope.trail.enqueue(auditActor(this.viewer, this.scope.request), {
      operation: `read:Appraiser.${field}`,
      entityType: "Appraiser",
      entityId: appraiser.id,
      fields: [field],
      outcome: AuditOutcome.DENIED,
      errorCode: reason,
    });
  }

  /** Validates and authorizes a registration without writing. */
  async prepareRegistration(input: RegisterAppraiserInput): Promise<{ idNumber: string; idNumberHash: string; profile: AppraiserProfile; institution: Institution; kind: PracticeKind; startedOn: string }> {
    const problems = new InputProblems();
    const idNumber = problems.check(() => check.idNumber(input.idNumber, "input.idNumber"))!;
    problems.check(() => {
      if (!input.technicalFields?.length) throw new BadUserInputError("input.technicalFields must name at least one value.", "input.technicalFields");
    });
    const profile = this.validProfile(input, "input", {}, problems);
    const institution = await this.institutionForWrite(this.scope.dataSource.manager, input.institutionId, "input.institutionId");
    return {
      idNumber,
      idNumberHash: this.scope.vault.hash(idNumber),
      profile,
      institution,
      kind: input.practiceKind ?? PracticeKind.FULL_TIME,
      startedOn: check.localDate(input.startedOn, "input.startedOn") ?? this.scope.today(),
    };
  }

  async register(input: RegisterAppraiserInput): Promise<Created<Appraiser>> {
    const { vault } = this.scope;
    const { idNumber, idNumberHash, profile, institution, kind, startedOn } = await this.prepareRegistration(input);
    // The request fingerprint covers keyed hashes, never the ID number or phone themselves.
    const fingerprint = { ...input, idNumber: idNumberHash, phone: input.phone ? vault.hash(input.phone) : null, idempotencyKey: undefined };
    return this.commands.create({
      operation: "registerAppraiser",
      entity: Appraiser,
      entityType: "Appraiser",
      idempotencyKey: input.idempotencyKey,
      fingerprint,
      write: async (manager) => {
        if (await manager.getRepository(Appraiser).existsBy({ idNumberHash })) {
          throw new ConflictError("An appraiser with this ID number is already registered.", { field: "input.idNumber" });
        }
        const saved = await conflictOnDuplicate(
          () =>
            manager.getRepository(Appraiser).save(
              manager.create(Appraiser, {
                titles: [],
                qualifications: [],
                trainings: [],
                ...profile,
                idNumberSealed: vault.seal(idNumber),
                idNumberHash,
                idNumberMasked: maskIdNumber(idNumber)!,
                institutionId: institution.id,
                regionCode: institution.regionCode,
                status: AppraiserStatus.ACTIVE,
              }),
            ),
          "An appraiser with this ID number is already registered.",
          "input.idNumber",
        );
        await manager.getRepository(AppraiserPractice).save(manager.create(AppraiserPractice, { appraiserId: saved.id, institutionId: institution.id, kind, startedOn }));
        return { id: saved.id, fields: [...new Set(["idNumber", ...Object.keys(profile).map(publicFieldName), "practice"])] };
      },
    });
  }

  async update(id: string, expectedVersion: number, input: UpdateAppraiserInput): Promise<Appraiser> {
    const profile = this.validProfile(input, "input", { partial: true });
    if (Object.keys(profile).length === 0 && !input.newPost && !input.endPost) throw new BadUserInputError("Nothing to change.", "input");
    const today = this.scope.today();
    return this.commands.change({
      ...this.forWrite(id, expectedVersion),
      operation: "updateAppraiser",
      apply: async (current, manager) => {
      const changes: Partial<Appraiser> = { ...profile };
      const practices = manager.getRepository(AppraiserPractice);
      if (input.endPost) {
        const endedOn = check.localDate(input.endPost.endedOn, "input.endPost.endedOn") ?? today;
        const post = check.isUuid(input.endPost.practiceId) ? await practices.findOneBy({ id: input.endPost.practiceId, appraiserId: id }) : null;
        if (!post || post.endedOn) throw new BadUserInputError("endPost must name an active post of this appraiser.", "input.endPost.practiceId");
        if (endedOn < post.startedOn) throw new BadUserInputError("A post cannot end before it started.", "input.endPost.endedOn");
        await practices.update({ id: post.id }, { endedOn });
      }
      if (input.newPost) {
        const institution = await this.institutionForWrite(manager, input.newPost.institutionId, "input.newPost.institutionId");
        const startedOn = check.localDate(input.newPost.startedOn, "input.newPost.startedOn") ?? today;
        if (input.newPost.kind === PracticeKind.FULL_TIME) {
          const active = await practices.findOneBy({ appraiserId: id, kind: PracticeKind.FULL_TIME, endedOn: IsNull() });
          if (active) {
            if (startedOn < active.startedOn) throw new BadUserInputError("A new full-time post cannot start before the current one.", "input.newPost.startedOn");
            await practices.update({ id: active.id }, { endedOn: startedOn });
          }
        }
        await practices.save(practices.create({ appraiserId: id, institutionId: institution.id, kind: input.newPost.kind, startedOn }));
      }
      if (input.newPost || input.endPost) Object.assign(changes, await this.currentPlace(manager, id, current));
      const fields = [...Object.keys(profile).map(publicFieldName), ...(input.newPost ? ["newPost"] : []), ...(input.endPost ? ["endPost"] : [])];
      return { changes, fields: [...new Set(fields)] };
      },
    });
  }

  /**
   * A status decision: kept with its reason, decision number, deciding agency and the day it takes effect
   * (today by default; never in the future, never before the appraiser's last recorded status), so that
   * `statusOn` answers for any day.
   */
  async changeStatus(id: string, expectedVersion: number, to: AppraiserStatus, reason: string, decisionDocNo?: string | null, effectiveOn?: string | null): Promise<Appraiser> {
    const why = check.text(reason, "reason", { max: 1000, required: true, freeText: true });
    const docNo = check.optionalText(decisionDocNo, "decisionDocNo", 100);
    const from = check.dayUpTo(effectiveOn, "effectiveOn", this.scope.today());
    return this.commands.change({
      ...this.forWrite(id, expectedVersion),
      operation: "changeAppraiserStatus",
      apply: async (current, manager) => {
        if (!APPRAISER_TRANSITIONS[current.status].includes(to)) throw new InvalidStateTransitionError("The appraiser", current.status, to);
        const [last] = await manager.query(`SELECT max(effective_on)::text AS day FROM appraiser_status_events WHERE appraiser_id = $1`, [current.id]);
        if (last?.day && from < last.day) throw new BadUserInputError(`effectiveOn cannot lie before the appraiser's last recorded status (${last.day}).`, "effectiveOn");
        await manager.getRepository(AppraiserStatusEvent).insert({ appraiserId: current.id, status: to, reason: why, decisionDocNo: docNo, decidedBy: this.viewer.agency?.code ?? null, effectiveOn: from });
        return { changes: { status: to }, fields: ["status", "reason", ...(docNo ? ["decisionDocNo"] : []), "effectiveOn"] };
      },
    });
  }

  /** The appraiser's statuses, oldest first: the one registered with, then each decision. */
  statusHistory(appraiser: Appraiser): Promise<AppraiserStatusEvent[]> {
    return this.scope.loaders.statusEventsByAppraiserId.load(appraiser.id);
  }

  /** The status in force on `day`. */
  async statusOn(appraiser: Appraiser, day: string): Promise<AppraiserStatus | null> {
    return statusOn(await this.statusHistory(appraiser), check.localDate(day, "date")!);
  }

  /** Where the appraiser now belongs: the active full-time post, else the latest active part-time one. */
  private async currentPlace(manager: EntityManager, id: string, current: Appraiser): Promise<Partial<Appraiser>> {
    const active = (await manager.getRepository(AppraiserPractice).find({ where: { appraiserId: id }, order: { startedOn: "DESC" } })).filter((p) => !p.endedOn);
    const post = active.find((p) => p.kind === PracticeKind.FULL_TIME) ?? active[0];
    if (!post) return { institutionId: null, regionCode: current.regionCode };
    const institution = await manager.getRepository(Institution).findOneByOrFail({ id: post.institutionId });
    return { institutionId: institution.id, regionCode: institution.regionCode };
  }

  /** An appraiser as a command loads it for write: NOT_FOUND unless it exists for the caller; then the bureau covering it. */
  private forWrite(id: string, expectedVersion: number) {
    return {
      entity: Appraiser,
      entityType: "Appraiser",
      label: "Appraiser",
      id,
      expectedVersion,
      facts: (current: Appraiser, manager: EntityManager) => (current.institutionId ? manager.getRepository(Institution).findOneBy({ id: current.institutionId }) : Promise.resolve(null)),
      visible: (current: Appraiser, institution: Institution | null) => appraiserVisibility.test(this.viewer, current, institution),
      authorize: (current: Appraiser) => manageAppraiser.require(this.viewer, current.regionCode),
    };
  }

  private async institutionForWrite(manager: EntityManager, id: string, field: string): Promise<Institution> {
    const institution = await referencedInstitution(manager, this.viewer, id, field);
    manageAppraiser.require(this.viewer, institution.regionCode);
    return institution;
  }

  validProfile(input: AppraiserProfileInput, prefix: string, options: { partial?: boolean } = {}, problems = new InputProblems()): AppraiserProfile {
    const out: AppraiserProfile = {};
    const given = (value: unknown) => value !== undefined && value !== null;
    const field = (name: string) => `${prefix}.${name}`;
    const set = <K extends keyof AppraiserProfile>(key: K, value: AppraiserProfile[K] | undefined) => {
      if (value !== undefined) out[key] = value;
    };
    if (!options.partial || given(input.name)) set("name", problems.check(() => check.text(input.name, field("name"), { max: 100, required: true })));
    if (given(input.phone)) {
      const phone = problems.check(() => check.phone(input.phone, field("phone")));
      if (phone !== undefined) {
        out.phoneSealed = phone ? this.scope.vault.seal(phone) : null;
        out.phoneMasked = maskPhone(phone);
      }
    }
    if (!options.partial || given(input.technicalFields)) set("technicalFields", problems.check(() => check.enumList(input.technicalFields, TechnicalField, field("technicalFields"))));
    if (given(input.titles)) set("titles", problems.check(() => validTitles(input.titles!, field("titles"))));
    if (given(input.qualifications)) set("qualifications", problems.check(() => validQualifications(input.qualifications!, field("qualifications"))));
    if (given(input.trainings)) set("trainings", problems.check(() => validTrainings(input.trainings!, field("trainings"))));
    problems.done();
    return out;
  }
}

/** Audit entries name the field a client knows (`phone`), not its storage columns. */
function publicFieldName(key: string): string {
  return key.startsWith("phone") ? "phone" : key;
}

function limit<T>(items: T[], max: number, field: string): T[] {
  if (items.length > max) throw new BadUserInputError(`${field} may hold at most ${max} items.`, field);
  return items;
}

function validTitles(titles: ProfessionalTitleInput[], field: string): ProfessionalTitle[] {
  return limit(titles, 20, field).map((t) => {
    const level = check.optionalText(t.level, `${field}.level`, 20);
    if (level && !TITLE_LEVELS.includes(level)) throw new BadUserInputError(`${field}.level must be one of ${TITLE_LEVELS.join(", ")}.`, `${field}.level`);
    return { title: check.text(t.title, `${field}.title`, { max: 50, required: true }), level };
  });
}

function validQualifications(items: QualificationInput[], field: string): Qualification[] {
  return limit(items, 30, field).map((q) => {
    const validFrom = check.localDate(q.validFrom, `${field}.validFrom`);
    const validUntil = check.localDate(q.validUntil, `${field}.validUntil`);
    if (validFrom && validUntil && validUntil < validFrom) throw new BadUserInputError(`${field}.validUntil is before validFrom.`, `${field}.validUntil`);
    return {
      kind: check.text(q.kind, `${field}.kind`, { max: 50, required: true }),
      certificateNo: check.optionalText(q.certificateNo, `${field}.certificateNo`, 50),
      issuedBy: check.optionalText(q.issuedBy, `${field}.issuedBy`, 100),
      validFrom,
      validUntil,
    };
  });
}

function validTrainings(items: TrainingInput[], field: string): Training[] {
  return limit(items, 100, field).map((t) => {
    if (t.hours !== null && t.hours !== undefined && !(t.hours > 0 && t.hours <= 1000)) throw new BadUserInputError(`${field}.hours must be between 0 and 1000.`, `${field}.hours`);
    return {
      title: check.text(t.title, `${field}.title`, { max: 200, required: true }),
      organizer: check.optionalText(t.organizer, `${field}.organizer`, 100),
      completedOn: check.localDate(t.completedOn, `${field}.completedOn`),
      hours: t.hours ?? null,
    };
  });
}
