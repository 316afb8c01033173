import { eventAbout } from "../push/event-types";
import { DataSource, EntityManager } from "typeorm";
import { Agency } from "../entities/agency.entity";
import { RecordStatus } from "../entities/agency-kind";
import { ClientSystem, DEFAULT_CLIENT_NAME, WEB_CLIENT_NAME } from "../entities/client-system.entity";
import { BadUserInputError, ConflictError } from "../errors/errors";
import { defaultAllowedScopes, isKnownScope } from "../auth/scopes";
import { parseJwksUri, parsePublicJwks } from "../auth/public-jwks";
import type { CallerLookup, RegisteredCaller } from "../auth/token";
import { RequestScope } from "../context/request-scope";
import { grantScope, ownClientSystem, registerClientFor } from "../policy/client-system.permissions";
import { demand } from "../policy/decision";
import { authenticated } from "../policy/rules";
import { CommandRunner, Created } from "./command-runner";
import * as check from "./validate";
import type { RegisterClientSystemInput, UpdateClientSystemInput } from "../inputs/client-system.input";
import { conflictOnDuplicate } from "./unique-violation";

const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export { parsePublicJwks };

export interface ClientSystemOptions {
  /** Whether a `jwksUri` may be http (outside production, for loopback tests); https otherwise. */
  readonly allowHttpJwksUri: boolean;
}

/**
 * An agency's client systems: registering them, changing their scopes, status and public keys. An agency
 * manages only its own systems, and never grants a system a scope the calling system does not hold itself.
 */
export class ClientSystemService {
  private readonly commands: CommandRunner;

  constructor(
    private readonly scope: RequestScope,
    private readonly options: ClientSystemOptions = { allowHttpJwksUri: false },
  ) {
    this.commands = new CommandRunner(scope);
  }

  async register(input: RegisterClientSystemInput): Promise<Created<ClientSystem>> {
    const { viewer } = this.scope;
    demand(authenticated, "Sign in as an agency.", viewer);
    const agencyCode = input.agencyCode?.trim() || viewer.agency?.code;
    if (!agencyCode) throw new BadUserInputError("Name the agency whose system this is.", "input.agencyCode");
    const name = input.name.trim();
    if (!NAME_PATTERN.test(name)) {
      throw new BadUserInputError("name must be 1 to 64 lower-case letters, digits or dashes, starting with a letter or digit.", "input.name");
    }
    if (name === WEB_CLIENT_NAME) throw new BadUserInputError(`The name ${WEB_CLIENT_NAME} is reserved for the agency's staff signed in through its identity provider.`, "input.name");
    const description = validDescription(input.description, "input.description");
    const allowedScopes = this.grantableScopes(input.allowedScopes ?? [], "input.allowedScopes");
    if (input.jwks && input.jwksUri) throw new BadUserInputError("Register either jwks or jwksUri, not both.", "input.jwksUri");
    const jwks = input.jwks ? parsePublicJwks(input.jwks, "input.jwks") : null;
    const jwksUri = input.jwksUri ? parseJwksUri(input.jwksUri, "input.jwksUri", this.options.allowHttpJwksUri) : null;

    return this.commands.create({
      operation: "registerClientSystem",
      entity: ClientSystem,
      entityType: "ClientSystem",
      // The operator at the command line has no client system to hold keys under; a rerun answers CONFLICT.
      idempotencyKey: viewer.operator === undefined ? input.idempotencyKey : null,
      keyRequired: viewer.operator === undefined,
      // The agency the system is for: the caller's own, or one it may register systems for.
      authorize: async (manager) => {
        const agency = await manager.getRepository(Agency).findOneBy({ code: agencyCode });
        if (!agency) throw new BadUserInputError("No agency with this code is registered.", "input.agencyCode");
        if (!viewer.isAgency(agency.code)) registerClientFor.require(viewer, agency);
        return agency;
      },
      fingerprint: { agencyCode, name, description, allowedScopes, jwks, jwksUri },
      write: async (manager, agency) => {
        const agencyId = agency.id;
        const taken = "The agency already has a client system with this name.";
        if (await manager.getRepository(ClientSystem).exists({ where: { agencyId, name } })) throw new ConflictError(taken, { field: "input.name" });
        // Two registrations of one name at once both pass the check above: the unique index decides, CONFLICT for the other.
        const saved = await conflictOnDuplicate(
          () => manager.getRepository(ClientSystem).save(manager.create(ClientSystem, { agencyId, name, description, allowedScopes, jwks, jwksUri })),
          taken,
          "input.name",
        );
        return { id: saved.id, fields: ["name", "description", "allowedScopes", jwksUri ? "jwksUri" : "jwks"] };
      },
    });
  }

  async update(id: string, expectedVersion: number, input: UpdateClientSystemInput): Promise<ClientSystem> {
    const { viewer } = this.scope;
    demand(authenticated, "Sign in as an agency.", viewer);
    const changes: Partial<ClientSystem> = {};
    if (input.description !== undefined && input.description !== null) changes.description = validDescription(input.description, "input.description");
    if (input.allowedScopes) changes.allowedScopes = this.grantableScopes(input.allowedScopes, "input.allowedScopes");
    if (input.status) changes.status = input.status;
    // One source of keys at a time: setting one removes the other.
    if (input.jwks && input.jwksUri) throw new BadUserInputError("Register either jwks or jwksUri, not both.", "input.jwksUri");
    if (input.jwks !== undefined && input.jwks !== null) {
      changes.jwks = input.jwks === "" ? null : parsePublicJwks(input.jwks, "input.jwks");
      if (changes.jwks) changes.jwksUri = null;
    }
    if (input.jwksUri !== undefined && input.jwksUri !== null) {
      changes.jwksUri = input.jwksUri === "" ? null : parseJwksUri(input.jwksUri, "input.jwksUri", this.options.allowHttpJwksUri);
      if (changes.jwksUri) changes.jwks = null;
    }
    if (Object.keys(changes).length === 0) throw new BadUserInputError("Nothing to change.", "input");
    return this.commands.change({
      operation: "updateClientSystem",
      entity: ClientSystem,
      entityType: "ClientSystem",
      label: "Client system",
      id,
      expectedVersion,
      visible: (current) => ownClientSystem(viewer, current),
      apply: async (current) => {
        if (current.id === viewer.client?.id && changes.status === RecordStatus.DISABLED) {
          throw new BadUserInputError("A client system cannot disable itself.", "input.status");
        }
        if (changes.jwks || changes.jwksUri) {
          // People's requests run as `web`: no token is ever signed for it.
          if (current.name === WEB_CLIENT_NAME) throw new BadUserInputError(`The ${WEB_CLIENT_NAME} system serves people signed in; it holds no keys.`, changes.jwks ? "input.jwks" : "input.jwksUri");
          // Whoever sets a system's keys can sign its tokens with every scope it allows: they must hold them all.
          for (const scope of changes.allowedScopes ?? current.allowedScopes) grantScope.require(viewer, scope);
        }
        const disabled = changes.status === RecordStatus.DISABLED && current.status !== RecordStatus.DISABLED;
        return { changes, fields: Object.keys(changes), events: disabled ? [eventAbout("client_system.disabled", { id: current.id, version: current.version + 1 }, [viewer.agency!.regionCode])] : [] };
      },
    });
  }

  /** Scopes must be known and held by the calling system: no one grants more than it has. */
  private grantableScopes(scopes: string[], field: string): string[] {
    const unique = [...new Set(scopes)].sort();
    for (const scope of unique) {
      if (!isKnownScope(scope)) throw new BadUserInputError(`Unknown scope "${scope.slice(0, 40)}".`, field);
      grantScope.require(this.scope.viewer, scope);
    }
    return unique;
  }
}

/** What the system is: free text, checked like every other (no control character, no bidi override). */
function validDescription(text: string | null | undefined, field: string): string {
  return check.text(text, field, { max: 500, freeText: true });
}


/** How an institution's own `default` system is described. */
export const INSTITUTION_CLIENT = "The institution's case system.";

/** An agency's `default` client system, made with the agency, with the scopes its kind and level may carry. */
export function insertDefaultClient(manager: EntityManager, agency: Pick<Agency, "id" | "kind" | "regionCode">, description: string): Promise<ClientSystem> {
  return manager
    .getRepository(ClientSystem)
    .save(manager.create(ClientSystem, { agencyId: agency.id, name: DEFAULT_CLIENT_NAME, description, allowedScopes: defaultAllowedScopes(agency.kind, agency.regionCode) }));
}

/** The registry lookup the token verifier uses: one indexed query per request. */
export function registryLookup(dataSource: DataSource): CallerLookup {
  return (agencyCode, clientName) => registeredCaller(dataSource, "a.code = :agencyCode AND c.name = :clientName", { agencyCode, clientName });
}

/** A client system and its agency by the system's id, as the registry holds them (the push machinery acts as a webhook's system). */
export function registeredCallerById(dataSource: DataSource, clientSystemId: string): Promise<RegisteredCaller | undefined> {
  return registeredCaller(dataSource, "c.id = :clientSystemId", { clientSystemId });
}

async function registeredCaller(dataSource: DataSource, where: string, params: Record<string, unknown>): Promise<RegisteredCaller | undefined> {
  const row = await dataSource.getRepository(ClientSystem).createQueryBuilder("c").innerJoinAndMapOne("c.agency", Agency, "a", "a.id = c.agency_id").where(where, params).getOne();
  if (!row) return undefined;
  const agency = (row as ClientSystem & { agency: Agency }).agency;
  return {
    agency: { id: agency.id, code: agency.code, name: agency.name, kind: agency.kind, regionCode: agency.regionCode, institutionId: agency.institutionId, rateLimitPoints: agency.rateLimitPoints, active: agency.status === RecordStatus.ACTIVE },
    client: { id: row.id, name: row.name, allowedScopes: row.allowedScopes, active: row.status === RecordStatus.ACTIVE, jwks: row.jwks, jwksUri: row.jwksUri, manifestVersion: row.manifestVersion },
  };
}
