import type * as OpenIdClient from "openid-client";
import { importEsm } from "./esm";
import { escapeInvisible, nameCharacterProblem } from "../domain/invisible-characters";

/** What the hub needs of an agency's provider to sign a person in. */
export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  requestScopes: string;
  personClaim: string;
  groupsClaim: string;
}

/** The person a provider vouched for: its subject, the name the audit trail shows, and their groups. */
export interface VouchedPerson {
  subject: string;
  name: string;
  groups: string[];
}

/** Discovery documents are fetched again after this long (a provider's keys and endpoints may change). */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const HTTP_TIMEOUT_SECONDS = 10;

/**
 * The relying-party side of OpenID Connect, with `openid-client`: the authorization code flow with PKCE
 * (S256), `state` and `nonce`; the ID token's issuer, audience, nonce and (non-repudiation checks on) its
 * signature against the provider's published keys are checked by the library, since the audit trail names
 * the person it vouches for. One discovery per provider (cached for an hour, dropped on failure).
 */
export class OidcRelyingParty {
  /**
   * `allowHttp`: a development hub may use a provider on its loopback over plain http. `fetch`: how the
   * provider is reached (the hub's `outboundFetch`, which refuses internal addresses); the library's own when absent.
   */
  constructor(private readonly options: { allowHttp: boolean; fetch?: typeof fetch }) {}

  private library: Promise<typeof OpenIdClient> | undefined;
  private readonly configurations = new Map<string, { at: number; configuration: Promise<OpenIdClient.Configuration> }>();

  /** Loaded on the first sign-in, not at start: a hub whose agencies have no provider never needs it. */
  private openid(): Promise<typeof OpenIdClient> {
    this.library ??= importEsm<typeof OpenIdClient>("openid-client");
    return this.library;
  }

  private async configuration(settings: ProviderSettings): Promise<OpenIdClient.Configuration> {
    const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]);
    const cached = this.configurations.get(key);
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
    const client = await this.openid();
    const issuer = new URL(settings.issuer);
    // Plain http is registered only for a provider on a development hub's loopback; refused here otherwise.
    const insecure = issuer.protocol === "http:";
    if (insecure && !this.options.allowHttp) throw new Error("a plain-http identity provider outside development");
    const configuration = client.discovery(
      issuer,
      settings.clientId,
      undefined,
      settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
      {
        timeout: HTTP_TIMEOUT_SECONDS,
        execute: [client.enableNonRepudiationChecks, ...(insecure ? [client.allowInsecureRequests] : [])],
        ...(this.options.fetch ? { [client.customFetch]: this.options.fetch as unknown as OpenIdClient.CustomFetch } : {}),
      },
    );
    // The configuration's own requests (keys, token endpoint, UserInfo) go the same way as the discovery.
    if (this.options.fetch) void configuration.then((found) => (found[client.customFetch] = this.options.fetch as unknown as OpenIdClient.CustomFetch)).catch(() => undefined);
    this.configurations.set(key, { at: Date.now(), configuration });
    configuration.catch(() => this.configurations.delete(key));
    return configuration;
  }

  /** Where to send the browser, and the secrets the callback will need (kept server-side). */
  async authorizationRequest(settings: ProviderSettings, redirectUri: string, state: string, nonce: string, codeVerifier: string): Promise<URL> {
    const client = await this.openid();
    const configuration = await this.configuration(settings);
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: settings.requestScopes,
      response_type: "code",
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
  }

  /** Redeems the code of the callback URL; the person's name and groups from the ID token, else from UserInfo. */
  async redeem(settings: ProviderSettings, callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<VouchedPerson> {
    const client = await this.openid();
    const configuration = await this.configuration(settings);
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error("no ID token");
    let claims: Record<string, unknown> = idToken;
    if ((claims[settings.personClaim] === undefined || claims[settings.groupsClaim] === undefined) && configuration.serverMetadata().userinfo_endpoint) {
      claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
    }
    // The audit trail names the person with these: one line of visible characters (what is invisible in the
    // provider's name is spelled out, `<U+202E>`), bounded lengths.
    if (idToken.sub.length > 255 || nameCharacterProblem(idToken.sub, "sub")) throw new Error("an unusable subject");
    const raw = claims[settings.personClaim];
    const name = typeof raw === "string" ? escapeInvisible(raw.trim()).slice(0, 60) : "";
    const groups = claims[settings.groupsClaim];
    return {
      subject: idToken.sub,
      name: name || idToken.sub,
      groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === "string") : typeof groups === "string" ? groups.split(/[\s,]+/).filter(Boolean) : [],
    };
  }

  /** New random secrets for one authorization request. */
  async secrets(): Promise<{ codeVerifier: string; nonce: string }> {
    const client = await this.openid();
    return { codeVerifier: client.randomPKCECodeVerifier(), nonce: client.randomNonce() };
  }
}
