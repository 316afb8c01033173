import type { JWTPayload, ProtectedHeaderParameters } from "jose";

/**
 * Tokens whose signature and time-independent claims (`iss`, `aud`, required claims, algorithm) were
 * verified, with the key set that verified them. A client system sends the same token for its whole
 * lifetime, and an ES256 verification was the largest single item of a credential lookup's CPU (issue 20):
 * a token seen again is not verified again, as long as
 *  - the keys that verified it are still the ones the registry gives (compared by identity: a key set read
 *    anew, after a rotation or a registry change, verifies the token afresh), and
 *  - it has not expired: `exp` is checked on every use by the caller (`TokenVerifier`), as are the registry
 *    rows (disabled systems, scopes).
 * Checks that depend on the time only ever get looser as time passes (`nbf`, `iat` not in the future), so
 * they need no repeating. At most `maxEntries` tokens are kept, the oldest dropped first.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { keys: object; header: ProtectedHeaderParameters; payload: JWTPayload }>();

  constructor(private readonly maxEntries = 10_000) {}

  /** The header and payload of a token verified before (with whatever keys), so it need not be decoded again. */
  decoded(token: string): { header: ProtectedHeaderParameters; payload: JWTPayload } | undefined {
    return this.entries.get(token);
  }

  /** The payload `token` had when `keys` verified it, or undefined when it must be verified. */
  get(token: string, keys: object): JWTPayload | undefined {
    const kept = this.entries.get(token);
    return kept && kept.keys === keys ? kept.payload : undefined;
  }

  set(token: string, keys: object, header: ProtectedHeaderParameters, payload: JWTPayload): void {
    this.entries.delete(token);
    this.entries.set(token, { keys, header, payload });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
