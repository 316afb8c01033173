import { BadUserInputError } from "../errors/errors";
import type { PublicJwks } from "../entities/client-system.entity";

/** The most keys one client system may register (inline, or published at its `jwksUri`). */
export const MAX_KEYS = 5;

/** The longest `jwksUri` the hub stores. */
export const MAX_JWKS_URI_LENGTH = 2048;

/** Accepts only public EC P-256 keys for ES256: no private parts, no symmetric or RSA keys. */
export function parsePublicJwks(text: string, field: string): PublicJwks {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadUserInputError("jwks must be a JSON Web Key Set.", field);
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > MAX_KEYS) {
    throw new BadUserInputError(`jwks must hold 1 to ${MAX_KEYS} keys.`, field);
  }
  const clean = keys.map((key: Record<string, unknown>) => {
    const ok =
      key && key.kty === "EC" && key.crv === "P-256" && typeof key.x === "string" && typeof key.y === "string" && key.d === undefined && (key.alg === undefined || key.alg === "ES256");
    if (!ok) throw new BadUserInputError("jwks keys must be public EC P-256 keys for ES256.", field);
    return { kty: "EC", crv: "P-256", x: key.x, y: key.y, alg: "ES256", use: "sig", ...(typeof key.kid === "string" ? { kid: key.kid.slice(0, 100) } : {}) };
  });
  return { keys: clean };
}

/**
 * A `jwksUri` the hub may fetch a client system's keys from: an absolute https URL (http too when
 * `allowHttp`, i.e. outside production, for loopback tests), without user name or password and without a
 * fragment, at most `MAX_JWKS_URI_LENGTH` characters. Returns it normalized (`URL.href`).
 */
export function parseJwksUri(text: string, field: string, allowHttp: boolean): string {
  const value = text.trim();
  if (value.length > MAX_JWKS_URI_LENGTH) throw new BadUserInputError(`jwksUri must be at most ${MAX_JWKS_URI_LENGTH} characters.`, field);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BadUserInputError("jwksUri must be an absolute URL.", field);
  }
  if (!jwksUriSchemeAllowed(url, allowHttp)) {
    throw new BadUserInputError(allowHttp ? "jwksUri must be an https (or, outside production, http) URL." : "jwksUri must be an https URL.", field);
  }
  if (url.username !== "" || url.password !== "") throw new BadUserInputError("jwksUri must not carry a user name or password.", field);
  if (url.hash !== "") throw new BadUserInputError("jwksUri must not have a fragment.", field);
  if (url.href.length > MAX_JWKS_URI_LENGTH) throw new BadUserInputError(`jwksUri must be at most ${MAX_JWKS_URI_LENGTH} characters.`, field);
  return url.href;
}

/** https always; http only when allowed (outside production). */
export function jwksUriSchemeAllowed(url: URL, allowHttp: boolean): boolean {
  return url.protocol === "https:" || (allowHttp && url.protocol === "http:");
}
