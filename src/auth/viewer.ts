import { AgencyKind } from "../entities/agency-kind";
import { isProvinceLevelOrAbove, regionCovers } from "./region";
import type { Scope } from "./scopes";

/** The registry's facts about the calling agency. Never taken from token claims. */
export interface AgencyPrincipal {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: AgencyKind;
  readonly regionCode: string;
  /** For APPRAISAL_INSTITUTION agencies: the institution whose own system this is. */
  readonly institutionId: string | null;
  /** The agency's own query-cost budget per rate-limit window; null or absent: the hub's default. */
  readonly rateLimitPoints?: number | null;
}

export interface ClientPrincipal {
  readonly id: string;
  readonly name: string;
  /** The version of its operation manifest (`trusted_documents`); 0 or absent: none registered. */
  readonly manifestVersion?: number;
}

/**
 * Who is calling: the anonymous public, or one client system of one agency with the scopes its token was
 * granted (already narrowed to what the registry allows). Immutable; built once per request.
 */
export class Viewer {
  private constructor(
    readonly agency: AgencyPrincipal | undefined,
    readonly client: ClientPrincipal | undefined,
    readonly scopes: ReadonlySet<string>,
    /** The person running a `hub` command on the server (`--operator`), for the commands that administer the hub itself. */
    readonly operator?: string,
  ) {}

  static anonymous(): Viewer {
    return new Viewer(undefined, undefined, new Set());
  }

  /**
   * The operator at the hub's command line, who has the server and its database already: no agency, no
   * scopes; the policy's `hubOperator` lets it administer the registry (the first agencies of an empty one).
   */
  static operator(name: string): Viewer {
    return new Viewer(undefined, Object.freeze({ id: "hub", name: "hub" }), new Set(), name);
  }

  static of(agency: AgencyPrincipal, client: ClientPrincipal, scopes: Iterable<string>): Viewer {
    return new Viewer(Object.freeze({ ...agency }), Object.freeze({ ...client }), new Set(scopes));
  }

  get isAnonymous(): boolean {
    return this.agency === undefined && this.operator === undefined;
  }

  hasScope(scope: Scope): boolean {
    return this.scopes.has(scope);
  }

  isKind(...kinds: AgencyKind[]): boolean {
    return this.agency !== undefined && kinds.includes(this.agency.kind);
  }

  /** Whether a record in `regionCode` lies in the caller's jurisdiction. */
  covers(regionCode: string | null | undefined): boolean {
    return this.agency !== undefined && !!regionCode && regionCovers(this.agency.regionCode, regionCode);
  }

  isAgency(code: string | null | undefined): boolean {
    return this.agency !== undefined && this.agency.code === code;
  }

  /** Whether the caller is the appraisal institution `institutionId` itself. */
  isInstitution(institutionId: string | null | undefined): boolean {
    return this.isKind(AgencyKind.APPRAISAL_INSTITUTION) && !!institutionId && this.agency?.institutionId === institutionId;
  }

  get isProvinceLevelOrAbove(): boolean {
    return this.agency !== undefined && isProvinceLevelOrAbove(this.agency.regionCode);
  }
}
