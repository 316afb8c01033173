import type { EntityManager } from "typeorm";
import { Agency } from "../entities/agency.entity";
import { ClientSystem, WEB_CLIENT_NAME } from "../entities/client-system.entity";
import { IdentityProvider, GroupScopes } from "../entities/identity-provider.entity";
import { ConflictError, BadUserInputError } from "../errors/errors";
import { defaultAllowedScopes, isKnownScope } from "../auth/scopes";
import type { RequestScope } from "../context/request-scope";
import { configureIdentityProvider } from "../policy/identity-provider.permissions";
import { grantScope } from "../policy/client-system.permissions";
import type { IdentityProviderInput, RegisterIdentityProviderInput } from "../inputs/identity-provider.input";
import { CommandRunner, Created } from "./command-runner";
import { conflictOnDuplicate } from "./unique-violation";
import * as check from "./validate";

const CLAIM_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,99}$/;
const MAX_GROUPS = 50;

/** The settings of a provider as validated input: what is written, with the secret still in plain text. */
interface Settings {
  issuer?: string;
  clientId?: string;
  /** undefined: unchanged; null: none (a public client). */
  clientSecret?: string | null;
  requestScopes?: string;
  personClaim?: string;
  groupsClaim?: string;
  groupScopes?: GroupScopes[];
}

/**
 * How an agency's staff sign in: its OpenID Connect provider, the claims that name a person and list their
 * groups, and which groups receive which hub scopes. Registering one also gives the agency its `web` client
 * system, which caps what any person of the agency may be granted and whose disable ends their access.
 */
export class IdentityProviderService {
  private readonly commands: CommandRunner;

  constructor(
    private readonly scope: RequestScope,
    private readonly options: { allowHttpIssuer: boolean } = { allowHttpIssuer: false },
  ) {
    this.commands = new CommandRunner(scope);
  }

  /** The provider of an agency, for whoever administers it (the field's rule decides). */
  ofAgency(agency: Agency): Promise<IdentityProvider | null> {
    // Batched: a page of agencies asking for theirs is one statement.
    return this.scope.loaders.identityProviderByAgencyId.load(agency.id);
  }

  async register(input: RegisterIdentityProviderInput): Promise<Created<IdentityProvider>> {
    const { viewer, vault } = this.scope;
    const agencyCode = check.agencyCode(input.agencyCode, "input.agencyCode");
    const settings = validSettings(input, this.options.allowHttpIssuer);
    if (!settings.issuer) throw new BadUserInputError("input.issuer must not be empty.", "input.issuer");
    if (!settings.clientId) throw new BadUserInputError("input.clientId must not be empty.", "input.clientId");
    return this.commands.create({
      operation: "registerIdentityProvider",
      entity: IdentityProvider,
      entityType: "IdentityProvider",
      idempotencyKey: viewer.operator === undefined ? input.idempotencyKey : null,
      keyRequired: viewer.operator === undefined,
      authorize: async (manager) => {
        const agency = await this.configurableAgency(manager, agencyCode);
        this.requireMappable(agency, settings.groupScopes ?? []);
        return agency;
      },
      // The secret stands in the fingerprint as its keyed hash: the idempotency table never holds it.
      fingerprint: { agencyCode, ...settings, clientSecret: settings.clientSecret ? vault.hash(settings.clientSecret) : null },
      write: async (manager, agency) => {
        const taken = "The agency already has an identity provider; change it with updateIdentityProvider.";
        if (await manager.getRepository(IdentityProvider).existsBy({ agencyId: agency.id })) throw new ConflictError(taken, { field: "input.agencyCode" });
        const web = await this.webClient(manager, agency);
        const saved = await conflictOnDuplicate(() => manager.getRepository(IdentityProvider).save(
          manager.create(IdentityProvider, {
            agencyId: agency.id,
            clientSystemId: web.id,
            issuer: settings.issuer,
            clientId: settings.clientId,
            clientSecretSealed: settings.clientSecret ? vault.seal(settings.clientSecret) : null,
            requestScopes: settings.requestScopes ?? "openid profile",
            personClaim: settings.personClaim ?? "name",
            groupsClaim: settings.groupsClaim ?? "groups",
            groupScopes: settings.groupScopes ?? [],
          }),
        ), taken, "input.agencyCode");
        return { id: saved.id, fields: auditedFields(settings) };
      },
    });
  }

  async update(agencyCode: string, expectedVersion: number, input: IdentityProviderInput): Promise<IdentityProvider> {
    const settings = validSettings(input, this.options.allowHttpIssuer);
    const { clientSecret, ...plain } = settings;
    const changes: Partial<IdentityProvider> = { ...plain };
    if (clientSecret !== undefined) changes.clientSecretSealed = clientSecret === null ? null : this.scope.vault.seal(clientSecret);
    if (Object.keys(changes).length === 0) throw new BadUserInputError("Nothing to change.", "input");
    return this.commands.change({
      operation: "updateIdentityProvider",
      entity: IdentityProvider,
      entityType: "IdentityProvider",
      label: "Identity provider",
      id: agencyCode.trim(),
      expectedVersion,
      load: async (manager, code) => {
        const agency = await this.configurableAgency(manager, code);
        const provider = await manager.getRepository(IdentityProvider).findOneBy({ agencyId: agency.id });
        // Whoever changes a provider decides who receives its mapped scopes (another issuer could sign anyone in
        // as a member of any group): the caller must be able to grant every scope of the mapping in force after.
        this.requireMappable(agency, settings.groupScopes ?? provider?.groupScopes ?? []);
        return provider;
      },
      apply: async () => ({ changes, fields: auditedFields(settings) }),
    });
  }

  /** The agency named by `code`, once the caller may configure how its staff sign in. */
  private async configurableAgency(manager: EntityManager, code: string): Promise<Agency> {
    const agency = await manager.getRepository(Agency).findOneBy({ code });
    if (!agency) throw new BadUserInputError("No agency with this code is registered.", "input.agencyCode");
    configureIdentityProvider.require(this.scope.viewer, agency);
    return agency;
  }

  /** Every scope of `mapping` is one the agency's kind may carry and the caller may grant. */
  private requireMappable(agency: Agency, mapping: GroupScopes[]): void {
    const cap = defaultAllowedScopes(agency.kind, agency.regionCode);
    for (const { scopes } of mapping) {
      for (const scope of scopes) {
        if (!cap.includes(scope)) throw new BadUserInputError(`Staff of this kind of agency cannot hold the scope ${scope}.`, "input.groupScopes");
        grantScope.require(this.scope.viewer, scope);
      }
    }
  }

  /** The agency's `web` system (made now when it has none), whose scopes are those its kind may carry. */
  private async webClient(manager: EntityManager, agency: Agency): Promise<ClientSystem> {
    const repository = manager.getRepository(ClientSystem);
    const existing = await repository.findOneBy({ agencyId: agency.id, name: WEB_CLIENT_NAME });
    if (existing?.jwks || existing?.jwksUri) {
      // A system registered under the name before it was reserved: people must not run as a system that signs tokens.
      throw new ConflictError(`The agency's ${WEB_CLIENT_NAME} system holds keys; remove them before people sign in as it.`, { field: "input.agencyCode" });
    }
    if (existing) return existing;
    return conflictOnDuplicate(() => repository.save(
      repository.create({
        agencyId: agency.id,
        name: WEB_CLIENT_NAME,
        description: "The agency's staff, signed in through its identity provider.",
        allowedScopes: defaultAllowedScopes(agency.kind, agency.regionCode),
      }),
    ), "The agency's web system was just registered by another request.", "input.agencyCode");
  }
}

function validSettings(input: IdentityProviderInput, allowHttpIssuer: boolean): Settings {
  const problems = new check.InputProblems();
  const settings: Settings = {};
  if (input.issuer != null) settings.issuer = problems.check(() => issuerUrl(input.issuer!, "input.issuer", allowHttpIssuer));
  if (input.clientId != null) settings.clientId = problems.check(() => check.text(input.clientId, "input.clientId", { max: 255, required: true }));
  if (input.clientSecret != null) settings.clientSecret = input.clientSecret === "" ? null : problems.check(() => check.text(input.clientSecret, "input.clientSecret", { max: 500, required: true }));
  if (input.requestScopes != null) {
    settings.requestScopes = problems.check(() => {
      const scopes = check.text(input.requestScopes, "input.requestScopes", { max: 500, required: true }).split(/\s+/);
      if (!scopes.includes("openid")) throw new BadUserInputError("input.requestScopes must include openid.", "input.requestScopes");
      return [...new Set(scopes)].join(" ");
    });
  }
  if (input.personClaim != null) settings.personClaim = problems.check(() => claimName(input.personClaim!, "input.personClaim"));
  if (input.groupsClaim != null) settings.groupsClaim = problems.check(() => claimName(input.groupsClaim!, "input.groupsClaim"));
  if (input.groupScopes != null) {
    settings.groupScopes = problems.check(() => {
      if (input.groupScopes!.length > MAX_GROUPS) throw new BadUserInputError(`input.groupScopes holds at most ${MAX_GROUPS} groups.`, "input.groupScopes");
      return input.groupScopes!.map(({ group, scopes }) => {
        const name = check.text(group, "input.groupScopes.group", { max: 200, required: true });
        for (const scope of scopes) {
          if (!isKnownScope(scope)) throw new BadUserInputError(`Unknown scope "${scope.slice(0, 40)}".`, "input.groupScopes.scopes");
        }
        return { group: name, scopes: [...new Set(scopes)].sort() };
      });
    });
  }
  problems.done();
  return settings;
}

/** An issuer is an https URL without credentials, query or fragment; plain http only for a provider on the loopback of a development hub. */
function issuerUrl(text: string, field: string, allowHttp: boolean): string {
  const value = check.text(text, field, { max: 2048, required: true });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BadUserInputError(`${field} must be an absolute URL.`, field);
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback && allowHttp)) throw new BadUserInputError(`${field} must be an https URL.`, field);
  if (url.username || url.password || url.search || url.hash) throw new BadUserInputError(`${field} must not carry credentials, a query or a fragment.`, field);
  // Kept exactly as written: the provider's `iss` must equal it, trailing slash included.
  return value;
}

function claimName(text: string, field: string): string {
  const value = text.trim();
  if (!CLAIM_NAME.test(value)) throw new BadUserInputError(`${field} must be a claim name (letters, digits, _ . : -).`, field);
  return value;
}

/** The audited field names: what was set (the secret as `clientSecret`, never its value). */
function auditedFields(settings: Settings): string[] {
  return Object.keys(settings).filter((field) => settings[field as keyof Settings] !== undefined);
}
