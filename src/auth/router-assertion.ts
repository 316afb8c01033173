import { createHash } from "node:crypto";
import fs from "node:fs";
import { createLocalJWKSet, errors as joseErrors, jwtVerify } from "jose";
import { UnauthenticatedError } from "../errors/errors";
import { parsePublicJwks } from "./public-jwks";
import { TOKEN_ALGORITHM } from "./signing-key";

/** The header the router signs each subgraph request with. */
export const ROUTER_ASSERTION_HEADER = "x-router-assertion";

/** An assertion older than this is refused, whatever its `exp` says: each is made for one request. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 60;

export interface RouterAssertionSettings {
  /** The router's public keys (ES256). */
  jwks: string;
  issuer: string;
  /** The hub's audience (`HUB_JWT_AUDIENCE`): an assertion made for another subgraph does not open this one. */
  audience: string;
  clockToleranceSeconds: number;
}

/** `body_sha256` and `auth_sha256`: base64url of the SHA-256 of the request body and of its `Authorization` header ("" when absent). */
export function bodyDigest(body: Buffer | string): string {
  return createHash("sha256").update(body).digest("base64url");
}

/** The most assertion ids remembered at once (each for its lifetime): past it, the oldest go first. */
const MAX_REMEMBERED = 100_000;

/**
 * Checks that a request came through the government graph's router (`HUB_ROUTER_ONLY`): the router signs
 * each subgraph request with a short-lived JWT in `X-Router-Assertion`, ES256 with a key of
 * `HUB_ROUTER_JWKS_FILE`, `iss` the router (`HUB_ROUTER_ISSUER`), `aud` the hub, at most 60 s between `iat`
 * and `exp`, a `jti` used once, `body_sha256` binding it to the body it came with and `auth_sha256` to the
 * `Authorization` header, so an assertion seen on the wire can neither carry another operation nor another
 * agency's token, nor run twice on this instance. It says nothing about who is asking: the agency's own
 * bearer token, which the router forwards, still decides that.
 */
export class RouterAssertions {
  private readonly keys: ReturnType<typeof createLocalJWKSet>;
  /** Assertion ids seen, with when each stops mattering (its `exp` plus the clock tolerance), oldest first. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly settings: RouterAssertionSettings) {
    this.keys = createLocalJWKSet(parsePublicJwks(settings.jwks, "HUB_ROUTER_JWKS_FILE"));
  }

  static fromFile(file: string, settings: Omit<RouterAssertionSettings, "jwks">): RouterAssertions {
    return new RouterAssertions({ ...settings, jwks: fs.readFileSync(file, "utf8") });
  }

  /**
   * Verifies the signature and claims, before the body is read, and that the assertion was made for this
   * `Authorization` header and never used before. Returns the body digest it binds, which the caller compares
   * with the body once read.
   */
  async verify(header: string | undefined, authorization: string | undefined, now = Date.now()): Promise<string> {
    if (!header) throw new UnauthenticatedError("This hub answers GraphQL only through the government graph's router.");
    try {
      const { payload } = await jwtVerify(header, this.keys, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: this.settings.clockToleranceSeconds,
        requiredClaims: ["iat", "exp", "jti", "body_sha256", "auth_sha256"],
        maxTokenAge: MAX_ASSERTION_LIFETIME_SECONDS + this.settings.clockToleranceSeconds,
        currentDate: new Date(now),
      });
      const { iat, exp, jti, body_sha256: digest, auth_sha256: auth } = payload as { iat: number; exp: number; jti: unknown; body_sha256: unknown; auth_sha256: unknown };
      if (exp - iat > MAX_ASSERTION_LIFETIME_SECONDS) throw new UnauthenticatedError(`The router's assertion may live at most ${MAX_ASSERTION_LIFETIME_SECONDS} s.`);
      if (typeof digest !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(digest)) throw new UnauthenticatedError("The router's assertion must carry body_sha256.");
      if (auth !== bodyDigest(authorization ?? "")) throw new UnauthenticatedError("The router's assertion was made for another Authorization header.");
      if (typeof jti !== "string" || jti.length === 0 || jti.length > 200) throw new UnauthenticatedError("The router's assertion must carry a jti.");
      this.remember(jti, (exp + this.settings.clockToleranceSeconds) * 1000, now);
      return digest;
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof joseErrors.JOSEError) throw new UnauthenticatedError("The router's assertion is not valid.");
      throw error;
    }
  }

  /** Refuses an id already used; forgets the ones past their lifetime. */
  private remember(jti: string, until: number, now: number): void {
    for (const [id, expires] of this.seen) {
      if (expires > now && this.seen.size < MAX_REMEMBERED) break;
      this.seen.delete(id);
    }
    if (this.seen.has(jti)) throw new UnauthenticatedError("The router's assertion was used already.");
    this.seen.set(jti, until);
  }
}
