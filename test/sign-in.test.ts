/// <reference lib="dom" />
// The page.evaluate callbacks run in the browser.
import fs from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { importEsm } from "../src/auth/esm";
import { hashSecret } from "../src/auth/person-session";
import { startTestHub, TestHub } from "./support/test-hub";
import { graphql } from "./gql";

/**
 * People sign in through their agency's OpenID Connect provider: a real provider (`oidc-provider`, in this
 * process, on loopback) and Debian's Chromium. XY-AMR registers its provider and maps the group
 * `pii-officers` to `pii:read`; 李明 (in the group) and 王芳 (not) sign in to the dashboard; the audit entry
 * of 李明's full ID-number read names him; sign-out, timeouts and a disabled system end a session at once.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = fs.existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM} for the sign-in test (.ci/run installs Debian's chromium)`);
const describeIfBrowser = available ? describe : describe.skip;

const PEOPLE: Record<string, { name: string; groups: string[] }> = {
  "officer-li": { name: "李明", groups: ["pii-officers", "staff"] },
  "clerk-wang": { name: "王芳", groups: ["staff"] },
};
const CLIENT_SECRET = "a-client-secret-of-the-hub-at-the-provider";

const REGISTER = graphql(`mutation SignInRegisterProvider($input: RegisterIdentityProviderInput!) {
  registerIdentityProvider(input: $input) { identityProvider { id issuer clientId hasClientSecret personClaim groupsClaim groupScopes { group scopes } version } replayed }
}`);
const UPDATE = graphql(`mutation SignInUpdateProvider($code: String!, $version: Int!, $input: IdentityProviderInput!) {
  updateIdentityProvider(agencyCode: $code, expectedVersion: $version, input: $input) { version groupScopes { group scopes } hasClientSecret }
}`);
const PROVIDER_OF = graphql(`query SignInProviderOf($code: String!) { agency(code: $code) { identityProvider { issuer version hasClientSecret } clientSystems { name allowedScopes } } }`);

let hub: TestHub;
let browser: Browser;
let idp: { issuer: string; server: Server };

async function startProvider(redirectUri: string): Promise<{ issuer: string; server: Server }> {
  const { default: Provider } = await importEsm<{ default: new (issuer: string, configuration: object) => { callback(): (req: unknown, res: unknown) => void } }>("oidc-provider");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // It warns that it runs on its development defaults (in-memory store, generated keys, built-in login pages): it does, here.
  const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
  const provider = new Provider(issuer, {
    clients: [{ client_id: "appraisal-hub", client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], token_endpoint_auth_method: "client_secret_post" }],
    pkce: { required: () => true },
    claims: { openid: ["sub"], profile: ["name"], groups: ["groups"] },
    findAccount: async (_ctx: unknown, sub: string) =>
      PEOPLE[sub] ? { accountId: sub, claims: async () => ({ sub, name: PEOPLE[sub].name, groups: PEOPLE[sub].groups }) } : undefined,
    cookies: { keys: ["cookie-key-of-the-test-provider"] },
    ttl: { AuthorizationCode: 60, IdToken: 600, AccessToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  });
  warn.mockRestore();
  server.on("request", provider.callback());
  return { issuer, server };
}

/** Signs `login` in from the dashboard: agency code, the provider's login and consent pages, back to the dashboard. */
async function signIn(agency: string, login: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${hub.url}/dashboard`);
  await page.fill("#agency-code", agency);
  await page.click("#sso-bar button[type=submit]");
  await page.waitForURL(`${idp.issuer}/**`);
  await page.fill("input[name=login]", login);
  await page.fill("input[name=password]", "any");
  await page.click("button[type=submit]");
  await page.click("button[type=submit]"); // the consent page: Continue
  await page.waitForURL(`${hub.url}/dashboard`);
  await page.waitForFunction(() => document.body.dataset.auth === "signed-in", undefined, { timeout: 30_000 });
  return { context, page };
}

/** A GraphQL request from the page itself (its cookie, its origin). */
function fromPage(page: Page, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return page.evaluate(
    async ({ query, variables, headers }) => {
      const response = await fetch("/graphql", { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: await response.json() };
    },
    { query, variables, headers },
  );
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies(hub.url)).find((c) => c.name === "hub_session");
  if (!cookie) throw new Error("no session cookie");
  return `hub_session=${cookie.value}`;
}

describeIfBrowser("people sign in through their agency's OpenID Connect provider", () => {
  beforeAll(async () => {
    hub = await startTestHub({ transport: "http" });
    idp = await startProvider(`${hub.url}/auth/callback`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--lang=zh-CN", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const registered = await hub.data(REGISTER, {
      as: "XY-AMR",
      scopes: ["clients:manage", "pii:read"],
      variables: {
        input: {
          idempotencyKey: "xy-amr-idp-1",
          agencyCode: "XY-AMR",
          issuer: idp.issuer,
          clientId: "appraisal-hub",
          clientSecret: CLIENT_SECRET,
          requestScopes: "openid profile groups",
          groupScopes: [{ group: "pii-officers", scopes: ["pii:read"] }],
        },
      },
    });
    expect(registered.registerIdentityProvider!.identityProvider).toMatchObject({ issuer: idp.issuer, hasClientSecret: true, personClaim: "name", groupsClaim: "groups", version: 1 });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (idp) {
      idp.server.closeAllConnections();
      await new Promise((resolve) => idp.server.close(resolve));
    }
    await hub?.stop();
  });

  it("a bureau officer signs in, sees the dashboard, and the audit entry of their full ID-number read names them", async () => {
    const { context, page } = await signIn("XY-AMR", "officer-li");
    expect(await page.textContent("#who")).toBe("李明 · 信阳市市场监督管理局（XY-AMR）");
    await page.waitForSelector("body[data-loaded=true]", { timeout: 30_000 });
    expect(await page.locator(".card").count()).toBeGreaterThan(0);

    const cookies = await context.cookies(hub.url);
    const session = cookies.find((c) => c.name === "hub_session")!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("hub_session");

    const [{ id }] = await hub.db.dataSource.query(`SELECT id FROM appraisers WHERE name = '张伟'`);
    const read = await fromPage(page, "query SignInPii($id: ID!) { appraiser(id: $id) { idNumber } }", { id }, { "X-Case-Ref": encodeURIComponent("(2024)豫15知民初32号"), "X-Request-Id": "sign-in-pii-1", "X-End-User": "someone-else" });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.appraiser.idNumber).toMatch(/^\d{17}[\dX]$/);
    await hub.hub.deps.trail.flush();
    const audit = await hub.db.dataSource.query(`SELECT agency_code, client_name, end_user, outcome, case_ref FROM audit_events WHERE request_id = 'sign-in-pii-1' AND operation = 'read:Appraiser.idNumber'`);
    expect(audit).toEqual([{ agency_code: "XY-AMR", client_name: "web", end_user: "李明 (officer-li)", outcome: "SUCCESS", case_ref: "(2024)豫15知民初32号" }]);
    const signedIn = await hub.db.dataSource.query(`SELECT end_user, fields FROM audit_events WHERE operation = 'signIn' ORDER BY seq DESC LIMIT 1`);
    expect(signedIn).toEqual([{ end_user: "李明 (officer-li)", fields: ["pii:read"] }]);

    // Sign-out ends the session at the hub: the old cookie, replayed, is refused.
    const cookie = await sessionCookie(context);
    await page.click("#sign-out");
    await page.waitForFunction(() => document.body.dataset.auth === "anonymous");
    expect(await fromPage(page, "{ me { anonymous } }")).toMatchObject({ status: 200, body: { data: { me: { anonymous: true } } } });
    const replayed = await fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: "{ me { anonymous } }" }) });
    expect(replayed.status).toBe(401);
    expect((await replayed.json()).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    await hub.hub.deps.trail.flush();
    expect(await hub.db.dataSource.query(`SELECT end_user FROM audit_events WHERE operation = 'signOut'`)).toEqual([{ end_user: "李明 (officer-li)" }]);
    await context.close();
  });

  it("a person outside the mapped group signs in without pii:read: the ID number stays masked", async () => {
    const { context, page } = await signIn("XY-AMR", "clerk-wang");
    const me = await fromPage(page, "{ me { agency { code } scopes } }");
    expect(me.body.data.me).toEqual({ agency: { code: "XY-AMR" }, scopes: [] });
    const [{ id }] = await hub.db.dataSource.query(`SELECT id FROM appraisers WHERE name = '张伟'`);
    const read = await fromPage(page, "query SignInMasked($id: ID!) { appraiser(id: $id) { idNumber } }", { id }, { "X-Case-Ref": encodeURIComponent("(2024)豫15知民初32号") });
    expect(read.body.data.appraiser.idNumber).toMatch(/\*/);
    // GraphiQL, opened in the same browser, asks as the same person.
    await page.goto(`${hub.url}/graphiql`);
    await page.waitForFunction(() => document.getElementById("who")!.textContent !== "", undefined, { timeout: 30_000 });
    expect(await page.textContent("#who")).toBe("当前身份：王芳 · 信阳市市场监督管理局（XY-AMR/web）");
    await context.close();
  });

  it("a session ends when idle too long, past its absolute limit, or when the agency's web system is disabled", async () => {
    const { context } = await signIn("XY-AMR", "clerk-wang");
    const cookie = await sessionCookie(context);
    const me = () => fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: "{ me { anonymous } }" }) });
    expect((await me()).status).toBe(200);
    const tokenHash = hashSecret(cookie.split("=")[1]);

    await hub.db.dataSource.query(`UPDATE person_sessions SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = $1`, [tokenHash]);
    const idle = await me();
    expect(idle.status).toBe(401);
    expect(idle.headers.get("set-cookie")).toMatch(/^hub_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0/);

    await hub.db.dataSource.query(`UPDATE person_sessions SET last_seen_at = now(), expires_at = now() - interval '1 second' WHERE token_hash = $1`, [tokenHash]);
    expect((await me()).status).toBe(401);

    await hub.db.dataSource.query(`UPDATE person_sessions SET expires_at = now() + interval '1 hour' WHERE token_hash = $1`, [tokenHash]);
    expect((await me()).status).toBe(200);
    await hub.db.dataSource.query(`UPDATE client_systems SET status = 'DISABLED' WHERE name = 'web' AND agency_id = (SELECT id FROM agencies WHERE code = 'XY-AMR')`);
    try {
      expect((await me()).status).toBe(401);
    } finally {
      await hub.db.dataSource.query(`UPDATE client_systems SET status = 'ACTIVE' WHERE name = 'web' AND agency_id = (SELECT id FROM agencies WHERE code = 'XY-AMR')`);
    }
    await context.close();
  });

  it("refuses another site's use of a session, a callback begun in another browser, and a return to another site", async () => {
    const { context } = await signIn("XY-AMR", "clerk-wang");
    const cookie = await sessionCookie(context);
    const crossSite = await fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie, origin: "http://evil.example" }, body: JSON.stringify({ query: "{ me { anonymous } }" }) });
    expect(crossSite.status).toBe(401);
    // Refused, but not signed out: another site's request does not clear the person's cookie.
    expect(crossSite.headers.get("set-cookie")).toBeNull();
    const signOut = await fetch(`${hub.url}/auth/sign-out`, { method: "POST", headers: { cookie, origin: "http://evil.example" } });
    expect(signOut.status).toBe(403);
    await context.close();

    // The attacker begins a sign-in and hands the victim the callback: without the browser cookie it is refused.
    const begun = await fetch(`${hub.url}/auth/sign-in?agency=XY-AMR&returnTo=//evil.example/x`, { redirect: "manual" });
    expect(begun.status).toBe(303);
    const authorize = new URL(begun.headers.get("location")!);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("scope")).toBe("openid profile groups");
    expect(await hub.db.dataSource.query(`SELECT return_to FROM sign_in_attempts ORDER BY created_at DESC LIMIT 1`)).toEqual([{ return_to: "/dashboard" }]);
    const forged = await fetch(`${hub.url}/auth/callback?code=stolen&state=${authorize.searchParams.get("state")}`, { redirect: "manual" });
    expect(forged.status).toBe(400);
    expect(await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM person_sessions WHERE ended_at IS NULL AND subject NOT IN ('officer-li', 'clerk-wang')`)).toEqual([{ n: 0 }]);

    const unknown = await fetch(`${hub.url}/auth/sign-in?agency=XY-COURT`, { redirect: "manual" });
    expect(unknown.status).toBe(404);
  });

  it("registers and changes a provider with the registry's write rules", async () => {
    const refused = await hub.graphql(REGISTER, {
      as: "XY-COURT",
      scopes: ["clients:manage"],
      variables: { input: { idempotencyKey: "court-idp-1", agencyCode: "XY-COURT", issuer: idp.issuer, clientId: "hub", groupScopes: [{ group: "judges", scopes: ["pii:read"] }] } },
    });
    expect(refused.body.errors?.map((e) => [e.extensions.code, e.extensions.field])).toEqual([["BAD_USER_INPUT", "input.groupScopes"]]);
    const insecure = await hub.graphql(REGISTER, { as: "XY-COURT", scopes: ["clients:manage"], variables: { input: { idempotencyKey: "court-idp-2", agencyCode: "XY-COURT", issuer: "http://idp.example.gov.cn", clientId: "hub" } } });
    expect(insecure.body.errors?.map((e) => [e.extensions.code, e.extensions.field])).toEqual([["BAD_USER_INPUT", "input.issuer"]]);
    const foreign = await hub.graphql(REGISTER, { as: "XY-COURT", scopes: ["clients:manage"], variables: { input: { idempotencyKey: "court-idp-3", agencyCode: "XY-AMR", issuer: idp.issuer, clientId: "hub" } } });
    expect(foreign.body.errors?.map((e) => e.extensions.code)).toEqual(["FORBIDDEN"]);

    const current = await hub.data(PROVIDER_OF, { as: "XY-AMR", variables: { code: "XY-AMR" } });
    expect(current.agency!.identityProvider).toEqual({ issuer: idp.issuer, version: 1, hasClientSecret: true });
    expect(current.agency!.clientSystems!.find((c) => c!.name === "web")!.allowedScopes).toEqual(["clients:manage", "pii:read"]);
    const court = await hub.graphql(PROVIDER_OF, { as: "XY-COURT", variables: { code: "XY-AMR" } });
    expect(court.body.data!.agency).toEqual({ identityProvider: null, clientSystems: null });
    expect(court.body.errors?.map((e) => [e.extensions.code, e.path?.join(".")])).toEqual([
      ["FORBIDDEN", "agency.identityProvider"],
      ["FORBIDDEN", "agency.clientSystems"],
    ]);

    const stale = await hub.graphql(UPDATE, { as: "XY-AMR", scopes: ["clients:manage", "pii:read"], variables: { code: "XY-AMR", version: 7, input: { clientSecret: "" } } });
    expect(stale.body.errors?.map((e) => e.extensions.code)).toEqual(["CONFLICT"]);
    const changed = await hub.data(UPDATE, { as: "HA-AMR", scopes: ["registry:admin", "pii:read"], variables: { code: "XY-AMR", version: 1, input: { groupScopes: [{ group: "pii-officers", scopes: ["pii:read"] }, { group: "staff", scopes: [] }] } } });
    expect(changed.updateIdentityProvider).toEqual({ version: 2, groupScopes: [{ group: "pii-officers", scopes: ["pii:read"] }, { group: "staff", scopes: [] }], hasClientSecret: true });
    await hub.hub.deps.trail.flush();
    const audit = await hub.db.dataSource.query(`SELECT agency_code, operation, fields FROM audit_events WHERE entity_type = 'IdentityProvider' ORDER BY seq`);
    expect(audit).toEqual([
      { agency_code: "XY-AMR", operation: "registerIdentityProvider", fields: ["issuer", "clientId", "clientSecret", "requestScopes", "groupScopes"] },
      { agency_code: "HA-AMR", operation: "updateIdentityProvider", fields: ["groupScopes"] },
    ]);
    const [{ client_secret_sealed }] = await hub.db.dataSource.query(`SELECT client_secret_sealed FROM identity_providers`);
    expect(client_secret_sealed).not.toContain(CLIENT_SECRET);
  });

  it("lets nobody turn a person's scopes into a token's: web holds no keys, keys need every scope of their system, and a new issuer every mapped scope", async () => {
    const clientOf = async (name: string) =>
      (await hub.db.dataSource.query(`SELECT c.id, c.version FROM client_systems c JOIN agencies a ON a.id = c.agency_id WHERE a.code = 'XY-AMR' AND c.name = $1`, [name]))[0];
    const { publicKey } = await generateKeyPair("ES256");
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "k1" }] });
    const setKeys = async (name: string, scopes: string[]) => {
      const client = await clientOf(name);
      const res = await hub.graphql(`mutation SignInKeys($id: ID!, $v: Int!, $jwks: String) { updateClientSystem(id: $id, expectedVersion: $v, input: { jwks: $jwks }) { version } }`, {
        as: "XY-AMR",
        scopes,
        variables: { id: client.id, v: client.version, jwks },
      });
      return res.body.errors?.map((e) => [e.extensions.code, e.extensions.field ?? null]) ?? "ok";
    };
    // A person (or system) holding clients:manage alone cannot sign default's tokens, which may carry pii:read.
    expect(await setKeys("default", ["clients:manage"])).toEqual([["FORBIDDEN", null]]);
    expect(await setKeys("web", ["clients:manage", "pii:read"])).toEqual([["BAD_USER_INPUT", "input.jwks"]]);
    expect(await setKeys("default", ["clients:manage", "pii:read"])).toBe("ok");
    const reserved = await hub.graphql(`mutation SignInReserved { registerClientSystem(input: { idempotencyKey: "web-2", name: "web" }) { replayed } }`, { as: "XY-AMR", scopes: ["clients:manage"] });
    expect(reserved.body.errors?.map((e) => [e.extensions.code, e.extensions.field])).toEqual([["BAD_USER_INPUT", "input.name"]]);

    // Pointing the provider elsewhere decides who receives pii:read: only for whoever may grant it.
    const current = (await hub.data(PROVIDER_OF, { as: "XY-AMR", variables: { code: "XY-AMR" } })).agency!.identityProvider!;
    const repoint = await hub.graphql(UPDATE, { as: "XY-AMR", scopes: ["clients:manage"], variables: { code: "XY-AMR", version: current.version!, input: { issuer: "https://idp.attacker.example" } } });
    expect(repoint.body.errors?.map((e) => e.extensions.code)).toEqual(["FORBIDDEN"]);
  });
});
