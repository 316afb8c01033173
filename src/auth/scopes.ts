import { AgencyKind } from "../entities/agency-kind";
import { isProvinceLevelOrAbove } from "./region";

/**
 * Scopes a client system may be granted beyond what its agency kind allows by default. A token carries a
 * subset of its client system's allowed scopes; the registry, not the token, is the authority.
 */
export const SCOPES = {
  /** Read appraisers' ID numbers and phones in full (still only in jurisdiction, with X-Case-Ref, audited). */
  PII_READ: "pii:read",
  /** Register and edit the agency's own client systems and their keys. */
  CLIENTS_MANAGE: "clients:manage",
  /** Register, edit, disable and enable agencies in the caller's jurisdiction (market-regulation bureaus at province level or above). */
  REGISTRY_ADMIN: "registry:admin",
  /**
   * The federation router (or the pipeline composing the supergraph): read the subgraph's SDL through
   * `_service`. No agency kind carries it by default; the hub's operator grants it to the router's own
   * client system (`hub client add --agency HA-AMR --name router --scopes graph:compose`).
   */
  GRAPH_COMPOSE: "graph:compose",
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];
export const ALL_SCOPES: readonly string[] = Object.values(SCOPES);

export function isKnownScope(scope: string): scope is Scope {
  return ALL_SCOPES.includes(scope);
}

/**
 * Scopes an agency's default client system may carry, by kind. Reading ID numbers in full is for the
 * bureaus and associations that supervise appraisers; courts, procuratorates and police see them masked.
 */
export function defaultAllowedScopes(kind: AgencyKind, regionCode: string): string[] {
  switch (kind) {
    case AgencyKind.MARKET_REGULATION:
      // A bureau at province level or above administers the agency registry of its jurisdiction.
      return isProvinceLevelOrAbove(regionCode) ? [SCOPES.CLIENTS_MANAGE, SCOPES.PII_READ, SCOPES.REGISTRY_ADMIN] : [SCOPES.CLIENTS_MANAGE, SCOPES.PII_READ];
    case AgencyKind.INDUSTRY_ASSOCIATION:
      return [SCOPES.CLIENTS_MANAGE, SCOPES.PII_READ];
    default:
      return [SCOPES.CLIENTS_MANAGE];
  }
}
