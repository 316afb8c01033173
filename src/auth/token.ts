import { randomUUID } from "node:crypto";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors as joseErrors, JWTPayload, jwtVerify, ProtectedHeaderParameters, SignJWT } from "jose";
import { UnauthenticatedError } from "../errors/errors";
import type { AgencyKind } from "../entities/agency-kind";
import type { PublicJwks } from "../entities/client-system.entity";
import type { RemoteJwksCache } from "./remote-jwks";
import { SigningKey, TOKEN_ALGORITHM } from "./signing-key";
import { Viewer } from "./viewer";
import { VerifiedTokens } from "./verified-tokens";

/** What the registry says about the client system a token names. */
export interface RegisteredCaller {
  agency: { id: string; code: string; name: string; kind: AgencyKind; regionCode: string; institutionId: string | null; rateLimitPoints?: number | null; active: boolean };
  client: { id: string; name: string; allowedScopes: string[]; active: boolean; jwks: PublicJwks | null; jwksUri: string | null; manifestVersion?: number };
}

export type CallerLookup = (agencyCode: string, clientName: string) => Promise<RegisteredCaller | undefined>;

export interface TokenSettings {
  issuer: string;
  audience: string;
  clockToleranceSeconds: number;
  maxLifetimeSeconds: number;
}

/** `sub` names the client system as `<AGENCY-CODE>/<client-name>`. */
export function tokenSubject(agencyCode: string, clientName: string): string {
  return `${agencyCode}/${clientName}`;
}

const SUBJECT_PATTERN = /^([A-Z0-9][A-Z0-9-]{1,31})\/([a-z0-9][a-z0-9-]{0,63})$/;

/** Signs a hub token for a client system. Scopes must already be checked against the registry. */
export async function issueToken(
  key: SigningKey,
  settings: Pick<TokenSettings, "issuer" | "audience">,
  claims: { agencyCode: string; clientName: string; scopes: string[]; lifetimeSeconds: number },
  now: Date = new Date(),
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ scope: claims.scopes.join(" ") })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: "JWT", kid: key.kid })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(tokenSubject(claims.agencyCode, claims.clientName))
    .setIssuedAt(iat)
    .setExpirationTime(iat + claims.lifetimeSeconds)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

/**
 * Verifies bearer tokens and turns them into a `Viewer`.
 *
 * The algorithm is pinned to ES256 (`alg: none`, HMAC and RSA are refused before any key is used). A token
 * is signed either by the hub (`iss` = the hub's issuer) or by the agency itself (`iss` = the agency code)
 * with a key from the JWKS registered for that client system, inline or fetched from its `jwksUri` (through the
 * hub's one `RemoteJwksCache`). `iss`, `aud`, `sub`, `exp` and `iat` are
 * required; `iat` may not lie in the future and the lifetime is capped. Kind and region come from the
 * registry; granted scopes are the token's scopes narrowed to those the registry allows.
 */
export class TokenVerifier {
  private readonly hubKeys: ReturnType<typeof createLocalJWKSet>;
  private readonly agencyKeySets = new WeakMap<PublicJwks, ReturnType<typeof createLocalJWKSet>>();
  /** Tokens already verified (`verified-tokens.ts`): a client system's token is verified once, not on every request. */
  private readonly verified = new VerifiedTokens();

  constructor(
    /** The current key first, then the previous ones that still verify (a rotation); tokens name theirs by `kid`. */
    hubKeys: SigningKey[],
    private readonly settings: TokenSettings,
    private readonly lookup: CallerLookup,
    /** Keys of client systems that registered a `jwksUri`; without it such systems' own tokens are refused. */
    private readonly remoteJwks?: RemoteJwksCache,
  ) {
    this.hubKeys = createLocalJWKSet({ keys: hubKeys.map((key) => key.publicJwk) });
  }

  /** The token's header and claims, unverified; decoded once per token (`verified-tokens.ts`). */
  private decoded(token: string): { header: ProtectedHeaderParameters; payload: JWTPayload } {
    const seen = this.verified.decoded(token);
    if (seen) return seen;
    try {
      return { header: decodeProtectedHeader(token), payload: decodeJwt(token) };
    } catch {
      throw new UnauthenticatedError("The bearer token is malformed.");
    }
  }

  /**
   * The claims, once the signature of `keys` (the agency's, else the hub's) and the claims that do not change
   * with time are verified: at the first use of the token with these keys; later uses check its expiry only.
   */
  private async signedPayload(token: string, header: ProtectedHeaderParameters, agencyKeys: PublicJwks | null, issuer: string, now: Date): Promise<JWTPayload> {
    const keys: object = agencyKeys ?? this.hubKeys;
    const kept = this.verified.get(token, keys);
    if (kept) {
      if ((kept.exp as number) <= now.getTime() / 1000 - this.settings.clockToleranceSeconds) throw new UnauthenticatedError("The bearer token has expired.");
      return kept;
    }
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: [TOKEN_ALGORITHM],
        issuer,
        audience: this.settings.audience,
        clockTolerance: this.settings.clockToleranceSeconds,
        requiredClaims: ["iss", "aud", "sub", "exp", "iat"],
        currentDate: now,
      };
      payload = (await jwtVerify(token, agencyKeys ? this.keySet(agencyKeys) : this.hubKeys, options)).payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new UnauthenticatedError("The bearer token has expired.");
      throw new UnauthenticatedError("The bearer token's signature or claims are not valid.");
    }
    this.verified.set(token, keys, header, payload);
    return payload;
  }

  /** An agency's registered keys as jose reads them, made once per key set the registry or its jwksUri gives. */
  private keySet(jwks: PublicJwks): ReturnType<typeof createLocalJWKSet> {
    let keySet = this.agencyKeySets.get(jwks);
    if (!keySet) this.agencyKeySets.set(jwks, (keySet = createLocalJWKSet(jwks as never)));
    return keySet;
  }

  async verify(token: string, now: Date = new Date()): Promise<Viewer> {
    const { header, payload: unverified } = this.decoded(token);
    if (header.alg !== TOKEN_ALGORITHM || header.crit !== undefined) {
      throw new UnauthenticatedError(`The bearer token must be signed with ${TOKEN_ALGORITHM}.`);
    }
    const subject = typeof unverified.sub === "string" ? SUBJECT_PATTERN.exec(unverified.sub) : null;
    if (!subject) throw new UnauthenticatedError("The bearer token's subject must be <AGENCY-CODE>/<client-name>.");
    const [, agencyCode, clientName] = subject;

    const caller = await this.lookup(agencyCode, clientName);
    if (!caller || !caller.agency.active || !caller.client.active) {
      throw new UnauthenticatedError("The agency or client system of this token is unknown or disabled.");
    }
    const agencySigned = unverified.iss === agencyCode;
    if (agencySigned && !caller.client.jwks && !(caller.client.jwksUri && this.remoteJwks)) {
      throw new UnauthenticatedError("This client system has no registered keys; use a token issued by the hub.");
    }
    // The agency's keys: registered inline, or fetched (cached) from its jwksUri; a failure there is a 401.
    const agencyKeys = !agencySigned ? null : caller.client.jwks ?? (await this.remoteJwks!.keys(caller.client.jwksUri!, typeof header.kid === "string" ? header.kid : undefined));
    const payload = await this.signedPayload(token, header, agencyKeys, agencySigned ? agencyCode : this.settings.issuer, now);
    const iat = payload.iat as number;
    if (iat > now.getTime() / 1000 + this.settings.clockToleranceSeconds) {
      throw new UnauthenticatedError("The bearer token was issued in the future.");
    }
    if ((payload.exp as number) - iat > this.settings.maxLifetimeSeconds) {
      throw new UnauthenticatedError("The bearer token's lifetime exceeds what the hub accepts.");
    }
    const requested = typeof payload.scope === "string" ? payload.scope.split(" ").filter(Boolean) : [];
    const granted = requested.filter((scope) => caller.client.allowedScopes.includes(scope));
    return Viewer.of(caller.agency, { id: caller.client.id, name: caller.client.name, manifestVersion: caller.client.manifestVersion ?? 0 }, granted);
  }
}
