import { outboundFetch } from "../auth/outbound-fetch";
import { Router, type Request, type Response } from "express";
import type { DataSource } from "typeorm";
import { allowsPlainHttp, type HubConfig } from "../config/config";
import type { AuditTrail } from "../audit/audit-trail";
import { AuditOutcome } from "../entities/audit-event.entity";
import { RecordStatus } from "../entities/agency-kind";
import { WEB_CLIENT_NAME } from "../entities/client-system.entity";
import type { PiiVault } from "../auth/pii-vault";
import { OidcRelyingParty, ProviderSettings } from "../auth/oidc";
import { PersonSessions, personLabel, type SignedInPerson } from "../auth/person-session";
import { AGENCY_CODE_PATTERN } from "../services/validate";
import type { Logger } from "../logging/logger";
import { requestIdOf } from "./authenticate";
import { sameOrigin, SessionCookies } from "./session-cookie";
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../errors/database-unavailable";

const ATTEMPT_COOKIE_SECONDS = 600;
const CALLBACK = "/auth/callback";

interface ProviderRow {
  agency_id: string;
  code: string;
  region_code: string;
  client_system_id: string;
  issuer: string;
  client_id: string;
  client_secret_sealed: string | null;
  request_scopes: string;
  person_claim: string;
  groups_claim: string;
  group_scopes: Array<{ group: string; scopes: string[] }>;
}

export interface SignInParts {
  config: HubConfig;
  logger: Logger;
  dataSource: DataSource;
  trail: AuditTrail;
  vault: PiiVault;
  sessions: PersonSessions;
  cookies: SessionCookies;
}

/**
 * People sign in through their agency's OpenID Connect provider:
 * `GET /auth/sign-in?agency=CODE[&returnTo=/dashboard]` sends the browser to the provider (authorization code
 * with PKCE); `GET /auth/callback` redeems the code, maps the person's groups to hub scopes and opens a
 * server-side session; `GET /auth/session` tells the hub's pages who is signed in; `POST /auth/sign-out` ends
 * the session. Sign-in and sign-out are audited with the person as the end user.
 */
export function signInRouter({ config, logger, dataSource, trail, vault, sessions, cookies }: SignInParts): Router {
  const router = Router();
  const rp = new OidcRelyingParty({ allowHttp: allowsPlainHttp(config.env), fetch: outboundFetch(config.env) });

  const provider = async (where: "a.code" | "a.id", value: string): Promise<ProviderRow | undefined> => {
    const rows: ProviderRow[] = await dataSource.query(
      `SELECT a.id AS agency_id, a.code, a.region_code, p.client_system_id, p.issuer, p.client_id, p.client_secret_sealed, p.request_scopes, p.person_claim, p.groups_claim, p.group_scopes
         FROM identity_providers p JOIN agencies a ON a.id = p.agency_id JOIN client_systems c ON c.id = p.client_system_id
        WHERE ${where} = $1 AND a.status = $2 AND c.status = $2`,
      [value, RecordStatus.ACTIVE],
    );
    return rows[0];
  };
  const settingsOf = async (row: ProviderRow): Promise<ProviderSettings> => ({
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret: row.client_secret_sealed ? await vault.openLatest(row.client_secret_sealed) : null,
    requestScopes: row.request_scopes,
    personClaim: row.person_claim,
    groupsClaim: row.groups_claim,
  });
  /** The hub's own address as the browser sees it; outside production, the request's host when unset. */
  const baseUrl = (req: Request): string | undefined => config.signIn.publicUrl ?? (config.env === "production" ? undefined : `${req.protocol}://${req.get("host")}`);

  router.get("/auth/sign-in", async (req, res) => {
    const code = typeof req.query.agency === "string" ? req.query.agency.trim() : "";
    const returnTo = localPath(req.query.returnTo);
    const base = baseUrl(req);
    if (!base) {
      logger.error("sign-in needs HUB_PUBLIC_URL in production");
      return page(res, 503, "统一身份认证暂不可用", "The hub's public address (HUB_PUBLIC_URL) is not configured.");
    }
    if (!AGENCY_CODE_PATTERN.test(code)) return page(res, 400, "请填写单位代码", "Name your agency's code to sign in.");
    try {
      const row = await provider("a.code", code);
      if (!row) return page(res, 404, "该单位未开通统一身份认证", "This agency is unknown, disabled, or has no sign-in provider.");
      const { codeVerifier, nonce } = await rp.secrets();
      const { state, browser } = await sessions.beginAttempt({ agencyId: row.agency_id, codeVerifier, nonce, returnTo });
      const url = await rp.authorizationRequest(await settingsOf(row), base + CALLBACK, state, nonce, codeVerifier);
      res.setHeader("Set-Cookie", cookies.signInCookie(browser, ATTEMPT_COOKIE_SECONDS));
      res.setHeader("Cache-Control", "no-store");
      res.redirect(303, url.href);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        res.setHeader("Retry-After", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
        return page(res, 503, "服务暂不可用，请稍后再试", "The hub cannot serve this right now. Try again shortly.");
      }
      logger.warn({ agency: code, errorName: (error as Error)?.name }, "sign-in could not reach the identity provider");
      page(res, 502, "无法连接单位的身份认证服务", "The agency's identity provider could not be reached. Try again later.");
    }
  });

  router.get(CALLBACK, async (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    const base = baseUrl(req);
    const state = typeof req.query.state === "string" ? req.query.state : "";
    const browser = SessionCookies.read(req.get("cookie"), cookies.signIn) ?? "";
    res.append("Set-Cookie", cookies.cleared(cookies.signIn));
    const attempt = base && state && browser ? await sessions.takeAttempt(state, browser) : null;
    if (!attempt) return page(res, 400, "登录已过期，请重新登录", "This sign-in expired or was begun in another browser. Start again.");
    const row = await provider("a.id", attempt.agencyId);
    if (!row) return page(res, 404, "该单位未开通统一身份认证", "This agency is disabled or has no sign-in provider.");
    const actor = (endUser: string | null) => ({ agencyCode: row.code, regionCode: row.region_code, clientName: WEB_CLIENT_NAME, endUser, requestId: requestIdOf(req.get("x-request-id")), caseRef: null });
    const refused = (errorCode: string) => trail.enqueue(actor(null), { operation: "signIn", entityType: "PersonSession", outcome: AuditOutcome.REJECTED, errorCode });
    if (typeof req.query.error === "string") {
      refused("PROVIDER_REFUSED");
      return page(res, 403, "身份认证服务拒绝了登录", "Your identity provider did not sign you in.");
    }
    let person;
    try {
      // The redirect URI as registered at the provider, with the provider's parameters.
      const callbackUrl = new URL(base + CALLBACK + new URL(req.originalUrl, "http://hub").search);
      person = await rp.redeem(await settingsOf(row), callbackUrl, { state, nonce: attempt.nonce, codeVerifier: attempt.codeVerifier });
    } catch (error) {
      // The library's message may quote the provider's answer: only its name reaches the log.
      logger.warn({ agency: row.code, errorName: (error as Error)?.name }, "sign-in refused: the provider's answer did not verify");
      refused("NOT_VERIFIED");
      return page(res, 502, "登录未能完成，请重新登录", "The identity provider's answer could not be verified. Start again.");
    }
    const scopes = [...new Set(row.group_scopes.filter((mapping) => person.groups.includes(mapping.group)).flatMap((mapping) => mapping.scopes))].sort();
    // A sign-in replaces the session this browser had (another person's, perhaps, on a shared computer).
    const previous = SessionCookies.read(req.get("cookie"), cookies.session);
    if (previous) await sessions.end(previous);
    const opened = await sessions.start({ agencyId: row.agency_id, clientSystemId: row.client_system_id, subject: person.subject, person: person.name, scopes });
    await trail.appendDurably(actor(personLabel(person.name, person.subject)), { operation: "signIn", entityType: "PersonSession", fields: scopes, outcome: AuditOutcome.SUCCESS });
    res.append("Set-Cookie", cookies.sessionCookie(opened.token));
    res.redirect(303, attempt.returnTo);
  });

  router.get("/auth/session", async (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    const token = SessionCookies.read(req.get("cookie"), cookies.session);
    const signedIn = token ? await sessions.resolve(token) : null;
    res.json(signedIn ? describe(signedIn) : { signedIn: false });
  });

  router.post("/auth/sign-out", async (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    if (!sameOrigin(req.get("origin"), req.get("host"), cookies.publicUrl)) {
      return res.status(403).json({ errors: [{ message: "Sign out from the hub's own pages.", extensions: { code: "FORBIDDEN" } }] });
    }
    const token = SessionCookies.read(req.get("cookie"), cookies.session);
    const signedIn = token ? await sessions.resolve(token) : null;
    if (token && (await sessions.end(token)) && signedIn) {
      const { viewer } = signedIn;
      trail.enqueue(
        { agencyCode: viewer.agency!.code, regionCode: viewer.agency!.regionCode, clientName: viewer.client!.name, endUser: signedIn.endUser, requestId: requestIdOf(req.get("x-request-id")), caseRef: null },
        { operation: "signOut", entityType: "PersonSession", outcome: AuditOutcome.SUCCESS },
      );
    }
    res.setHeader("Set-Cookie", cookies.cleared(cookies.session));
    res.status(204).end();
  });

  return router;
}

/** What the hub's pages show of the signed-in person. */
function describe(signedIn: SignedInPerson) {
  const agency = signedIn.viewer.agency!;
  return { signedIn: true, person: signedIn.person, subject: signedIn.subject, agency: { code: agency.code, name: agency.name }, scopes: [...signedIn.viewer.scopes], expiresAt: signedIn.expiresAt.toISOString() };
}

/** A path of the hub to return to after sign-in (never another site: no scheme, no `//`, no backslash). */
function localPath(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])[\x21-\x7e]{0,300}$/.test(value) && !value.includes("\\") ? value : "/dashboard";
}

/** A minimal page in Chinese and English, without script. */
function page(res: Response, status: number, chinese: string, english: string): void {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res
    .status(status)
    .type("html")
    .send(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(chinese)}</title></head>` +
        `<body><h1>${escape(chinese)}</h1><p>${escape(english)}</p><p><a href="/dashboard">返回统计页面 · Back to the dashboard</a></p></body></html>`,
    );
}
