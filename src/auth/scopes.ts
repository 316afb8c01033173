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
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];
export const ALL_SCOPES: readonly string[] = Object.values(SCOPES);

export function isKnownScope(scope: string): scope is Scope {
  return ALL_SCOPES.includes(scope);
}
