import { eventAbout } from "../push/event-types";
import { DataSource, EntityManager } from "typeorm";
import { Agency } from "../entities/agency.entity";
import { AgencyKind, RecordStatus } from "../entities/agency-kind";
import { ClientSystem } from "../entities/client-system.entity";
import { BadUserInputError, ConflictError, InvalidStateTransitionError } from "../errors/errors";
import { isRegionCodeShape, regionCovers, regionLikePattern } from "../auth/region";
import { Viewer } from "../auth/viewer";
import type { Loaders } from "../loaders";
import type { RequestScope } from "../context/request-scope";
import { Page } from "./pagination";
import { agencyAdministration, registryAdministrator } from "../policy/rules";
import { equals, ListSpec, listPage } from "./list-builder";
import type { LagTolerantReads } from "../db/read-replicas";
import { EVERYTHING } from "../policy/decision";
import type { AgencyFilter, RegisterAgencyInput, UpdateAgencyInput } from "../inputs/agency.input";
import { administerAgency, disableAgency } from "../policy/agency.permissions";
import { CommandRunner, Created } from "./command-runner";
import { conflictOnDuplicate } from "./unique-violation";
import * as check from "./validate";

/** The registry, by code. */
const AGENCY_LIST: ListSpec<Agency, AgencyFilter> = {
  entity: Agency,
  alias: "a",
  filters: {
    kind: equals("kind", "kind"),
    regionCode: (code, a) => {
      if (!isRegionCodeShape(code)) throw new BadUserInputError("regionCode must be a 6-digit administrative division code.", "filter.regionCode");
      return { clause: `${a}.region_code LIKE :region`, params: { region: regionLikePattern(code) } };
    },
  },
  order: { direction: "ASC", keys: [{ column: "a.code", part: "text", value: (row) => row.code }] },
};

/**
 * The agency registry as callers see it. Agencies' identity (code, name, kind, region) is public directory
 * information; their status and client systems are for the agency itself and its supervising bureaus.
 */
export class AgencyService {
  private readonly reads: LagTolerantReads;
  private readonly viewer: Viewer;
  private readonly loaders: Loaders;
  private readonly commands: CommandRunner;

  constructor(scope: RequestScope) {
    ({ reads: this.reads, viewer: this.viewer, loaders: this.loaders } = scope);
    this.commands = new CommandRunner(scope);
  }

  byCode(code: string): Promise<Agency | null> {
    return this.loaders.agencyByCode.load(code);
  }

  /** An institution's own agency (kind APPRAISAL_INSTITUTION), if it has one. */
  ofInstitution(institutionId: string): Promise<Agency | null> {
    return this.loaders.agencyByInstitutionId.load(institutionId);
  }

  /** The calling agency, or null for the anonymous public. */
  current(): Promise<Agency | null> {
    return this.viewer.agency ? this.loaders.agencyById.load(this.viewer.agency.id) : Promise.resolve(null);
  }

  list(filter: AgencyFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<Agency>> {
    // Agencies' identity is public: every caller sees the whole registry.
    return listPage(this.reads, AGENCY_LIST, EVERYTHING, filter, { first, after });
  }

  /** Client systems of an agency the caller administers (its own, or one it supervises); otherwise none. */
  async clientSystems(agency: Agency): Promise<ClientSystem[]> {
    return agencyAdministration(this.viewer, agency) ? this.loaders.clientSystemsByAgencyId.load(agency.id) : [];
  }

  /**
   * Registers an agency (接入单位) in the caller's jurisdiction. It starts ACTIVE with no client system: its
   * systems are registered next, with their keys. An appraisal institution's agency is made with its
   * directory entry, not here.
   */
  async register(input: RegisterAgencyInput): Promise<Created<Agency>> {
    const code = check.agencyCode(input.code, "input.code");
    const name = check.text(input.name, "input.name", { max: 200, required: true });
    if (input.kind === AgencyKind.APPRAISAL_INSTITUTION) {
      throw new BadUserInputError("An appraisal institution's agency is made with its directory entry.", "input.kind");
    }
    const regionCode = check.regionCode(input.regionCode, "input.regionCode");
    const parentCode = input.parentCode?.trim() || null;
    administerAgency.require(this.viewer, regionCode);
    const fields = { code, name, kind: input.kind, regionCode, parentCode };
    return this.commands.create({
      operation: "registerAgency",
      entity: Agency,
      entityType: "Agency",
      idempotencyKey: input.idempotencyKey,
      fingerprint: fields,
      write: async (manager) => {
        if (parentCode) await this.parent(manager, parentCode, regionCode, "input.parentCode");
        const saved = await insertAgency(manager, fields, "input.code");
        return { id: saved.id, fields: Object.keys(fields).filter((field) => fields[field as keyof typeof fields] !== null) };
      },
    });
  }

  /** Edits an agency's name, region or parent; an administrator must cover its region before and after. */
  async update(code: string, expectedVersion: number, input: UpdateAgencyInput): Promise<Agency> {
    const changes: Partial<Agency> = {};
    if (input.name !== undefined && input.name !== null) changes.name = check.text(input.name, "input.name", { max: 200, required: true });
    if (input.regionCode !== undefined && input.regionCode !== null) changes.regionCode = check.regionCode(input.regionCode, "input.regionCode");
    if (input.parentCode !== undefined && input.parentCode !== null) changes.parentCode = input.parentCode.trim() || null;
    if (input.rateLimitPoints !== undefined && input.rateLimitPoints !== null) {
      if (!Number.isInteger(input.rateLimitPoints) || input.rateLimitPoints < 0) throw new BadUserInputError("rateLimitPoints must be a whole number, 0 for the hub's default.", "input.rateLimitPoints");
      changes.rateLimitPoints = input.rateLimitPoints || null;
    }
    return this.commands.change({
      ...this.forWrite(code, expectedVersion),
      operation: "updateAgency",
      authorize: (agency) => {
        administerAgency.require(this.viewer, agency.regionCode);
        if (changes.regionCode) administerAgency.require(this.viewer, changes.regionCode);
      },
      apply: async (agency, manager) => {
        const parentCode = changes.parentCode === undefined ? agency.parentCode : changes.parentCode;
        if (parentCode === agency.code) throw new BadUserInputError("An agency is not its own parent.", "input.parentCode");
        if (parentCode && (changes.parentCode !== undefined || changes.regionCode)) await this.parent(manager, parentCode, changes.regionCode ?? agency.regionCode, "input.parentCode");
        const changed = Object.keys(changes).filter((field) => changes[field as keyof Agency] !== agency[field as keyof Agency]);
        return changed.length === 0 ? { unchanged: true } : { changes, fields: changed };
      },
    });
  }

  /** Disables an agency (its systems' tokens answer 401 from the next request on: the registry is read per request) or enables it again. */
  setStatus(code: string, expectedVersion: number, to: RecordStatus, reason: string | null | undefined): Promise<Agency> {
    const statusReason = check.text(reason, "reason", { max: 500, required: to === RecordStatus.DISABLED, freeText: true }) || null;
    return this.commands.change({
      ...this.forWrite(code, expectedVersion),
      operation: to === RecordStatus.DISABLED ? "disableAgency" : "enableAgency",
      authorize: (agency) => {
        administerAgency.require(this.viewer, agency.regionCode);
        if (to === RecordStatus.DISABLED) disableAgency.require(this.viewer, agency);
      },
      apply: async (agency) => {
        if (agency.status === to) throw new InvalidStateTransitionError("The agency", agency.status, to);
        const events = to === RecordStatus.DISABLED ? [eventAbout("agency.disabled", { id: agency.id, version: agency.version + 1 }, [agency.regionCode])] : [];
        return { changes: { status: to, statusReason }, fields: ["status", "statusReason"], events };
      },
    });
  }

  /** An agency as a registry command loads it: by code; every agency is public, so every caller finds it. */
  private forWrite(code: string, expectedVersion: number) {
    return {
      entity: Agency,
      entityType: "Agency",
      label: "Agency",
      id: code,
      expectedVersion,
      load: (manager: EntityManager, agencyCode: string) => manager.getRepository(Agency).findOneBy({ code: agencyCode.trim() }),
    };
  }

  /** The parent named by `parentCode`: registered, active, and covering `regionCode`. */
  private async parent(manager: EntityManager, parentCode: string, regionCode: string, field: string): Promise<Agency> {
    const parent = await manager.getRepository(Agency).findOneBy({ code: parentCode });
    if (!parent || parent.status !== RecordStatus.ACTIVE) throw new BadUserInputError("The parent must be an active agency registered with the hub.", field);
    if (!regionCovers(parent.regionCode, regionCode)) throw new BadUserInputError("The parent's region must cover the agency's region.", field);
    return parent;
  }
}

/** Inserts an agency whose code is new (CONFLICT on `field` otherwise, also when a concurrent insert wins). */
export async function insertAgency(manager: EntityManager, fields: Partial<Agency> & { code: string }, field: string): Promise<Agency> {
  const taken = "An agency with this code is already registered.";
  if (await manager.getRepository(Agency).existsBy({ code: fields.code })) throw new ConflictError(taken, { field });
  return conflictOnDuplicate(() => manager.getRepository(Agency).save(manager.create(Agency, fields)), taken, field);
}

/**
 * The agencies whose systems could administer the registry today (the policy's `registryAdministrator`, asked
 * of each active system of an active market-regulation bureau): a production hub does not start without one.
 */
export async function registryAdministrators(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ id: string; code: string; name: string; region_code: string; client_id: string; client_name: string; allowed_scopes: string[] }> = await dataSource.query(
    `SELECT a.id, a.code, a.name, a.region_code, c.id AS client_id, c.name AS client_name, c.allowed_scopes
       FROM agencies a JOIN client_systems c ON c.agency_id = a.id
      WHERE a.kind = $1 AND a.status = 'ACTIVE' AND c.status = 'ACTIVE'`,
    [AgencyKind.MARKET_REGULATION],
  );
  const administrators = rows.filter((row) =>
    registryAdministrator(
      Viewer.of({ id: row.id, code: row.code, name: row.name, kind: AgencyKind.MARKET_REGULATION, regionCode: row.region_code, institutionId: null }, { id: row.client_id, name: row.client_name }, row.allowed_scopes),
    ),
  );
  return [...new Set(administrators.map((row) => row.code))];
}
