import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { writeNewSigningKey } from "../src/auth/signing-key";
import { capturedLogger } from "./support/log-capture";
import { startTestHub, TestHub } from "./support/test-hub";

/**
 * A client system whose agency publishes its public keys at a `jwksUri` instead of registering them inline:
 * the hub fetches them from a real HTTP server on loopback (bounded in time and size, no redirects), caches
 * them as the response's cache headers say, and refetches early when a token names a key id it has not seen.
 * The hub's clock (`now`) is moved forward to pass cache lifetimes; tokens are signed and verified on real time.
 */

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** The agencies' key server: a handler per path, and how often each path was asked for. */
class KeyServer {
  readonly routes = new Map<string, Handler>();
  readonly hits = new Map<string, number>();
  private readonly server = http.createServer((req, res) => {
    const route = (req.url ?? "/").split("?")[0];
    this.hits.set(route, (this.hits.get(route) ?? 0) + 1);
    const handler = this.routes.get(route);
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });
  url = "";

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Serves `body()` (read at each request) as JSON with `headers`. */
  json(route: string, body: () => unknown, headers: Record<string, string> = {}): string {
    this.routes.set(route, (_req, res) => res.writeHead(200, { "content-type": "application/json", ...headers }).end(JSON.stringify(body())));
    return `${this.url}${route}`;
  }

  count(route: string): number {
    return this.hits.get(route) ?? 0;
  }
}

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
interface ClientKey extends KeyPair {
  kid: string;
}

async function clientKey(kid: string): Promise<ClientKey> {
  return { ...(await generateKeyPair("ES256", { extractable: true })), kid };
}

async function jwksOf(...keys: ClientKey[]): Promise<{ keys: Array<Record<string, unknown>> }> {
  return { keys: await Promise.all(keys.map(async (key) => ({ ...(await exportJWK(key.publicKey)), kid: key.kid, alg: "ES256", use: "sig" }))) };
}

const AGENCY = "XY-PSB";
const MANAGER = { as: AGENCY, scopes: ["clients:manage"] };
const REGISTER = `mutation($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { clientSystem { id name version jwksUri registeredKeyIds } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateClientSystemInput!) { updateClientSystem(id: $id, expectedVersion: $v, input: $input) { id version jwksUri registeredKeyIds } }`;
const ME = "{ me { anonymous clientSystem agency { code } } }";

let offsetMs = 0;
let hub: TestHub;
let keys: KeyServer;
const logs = capturedLogger("warn");

beforeAll(async () => {
  keys = new KeyServer();
  await keys.start();
  hub = await startTestHub({ transport: "http", env: { HUB_JWKS_FETCH_TIMEOUT_MS: "1500" }, now: () => new Date(Date.now() + offsetMs), logger: logs.logger });
});
afterAll(async () => {
  await hub?.stop();
  await keys?.stop();
});

/** Moves the hub's clock forward. */
function advance(seconds: number): void {
  offsetMs += seconds * 1000;
}

async function register(client: string, jwksUri: string): Promise<{ id: string; version: number; jwksUri: string; registeredKeyIds: string[] }> {
  const res = await hub.graphql(REGISTER, { ...MANAGER, variables: { input: { idempotencyKey: `reg-${client}`, name: client, jwksUri } } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.registerClientSystem.clientSystem;
}

function sign(key: ClientKey, client: string, kid = key.kid): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "ES256", kid })
    .setIssuer(AGENCY)
    .setAudience(hub.config.jwt.audience)
    .setSubject(`${AGENCY}/${client}`)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(key.privateKey);
}

async function call(token: string, on: TestHub = hub) {
  return on.graphql(ME, { headers: { authorization: `Bearer ${token}` } });
}

/** A 401 with UNAUTHENTICATED, whose message names no URL, address, status or stack. */
function expectRefused(res: Awaited<ReturnType<typeof call>>): void {
  expect(res.status).toBe(401);
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors![0].extensions.code).toBe("UNAUTHENTICATED");
  expect(res.body.errors![0].message).not.toMatch(/127\.0\.0\.1|http|\bat \w|Error|ECONN|abort/i);
  expect(res.body.errors![0].extensions.stacktrace).toBeUndefined();
}

describe("a client system's keys at a jwksUri", () => {
  it("accepts a token signed with a key the agency publishes there, and refuses a key it does not", async () => {
    const key = await clientKey("psb-uri-1");
    const jwks = await jwksOf(key);
    const uri = keys.json("/accept/jwks.json", () => jwks);
    const client = await register("uri-accept", uri);
    expect(client).toMatchObject({ jwksUri: uri, registeredKeyIds: [] });

    const own = await call(await sign(key, "uri-accept"));
    expect(own.status).toBe(200);
    expect(own.body.data.me).toEqual({ anonymous: false, clientSystem: "uri-accept", agency: { code: AGENCY } });
    // Another key under the same kid: the signature does not verify.
    const stranger = await clientKey("psb-uri-1");
    expectRefused(await call(await sign(stranger, "uri-accept")));
    // Both answered from one fetch.
    expect(keys.count("/accept/jwks.json")).toBe(1);
  });

  it("picks up a rotated key when a token names a kid it has not seen, without waiting for max-age, at most once per 30 s", async () => {
    const first = await clientKey("rot-1");
    const second = await clientKey("rot-2");
    let published = await jwksOf(first);
    const uri = keys.json("/rotate/jwks.json", () => published, { "cache-control": "max-age=3600" });
    await register("uri-rotate", uri);
    expect((await call(await sign(first, "uri-rotate"))).status).toBe(200);
    expect(keys.count("/rotate/jwks.json")).toBe(1);

    published = await jwksOf(first, second);
    // Just fetched: a new kid does not refetch yet (so made-up kids cannot hammer the agency's server).
    expectRefused(await call(await sign(second, "uri-rotate")));
    expect(keys.count("/rotate/jwks.json")).toBe(1);
    // 31 s later, far inside max-age, the unknown kid refetches the set once.
    advance(31);
    expect((await call(await sign(second, "uri-rotate"))).status).toBe(200);
    expect(keys.count("/rotate/jwks.json")).toBe(2);
    // A flood of bogus kids right after: refused, and no further fetch.
    const bogus = await Promise.all(Array.from({ length: 5 }, (_, i) => sign(second, "uri-rotate", `bogus-${i}`)));
    for (const res of await Promise.all(bogus.map((token) => call(token)))) expectRefused(res);
    expect(keys.count("/rotate/jwks.json")).toBe(2);
    expect((await call(await sign(first, "uri-rotate"))).status).toBe(200);
    expect(keys.count("/rotate/jwks.json")).toBe(2);
  });

  it("keeps the set as long as Cache-Control max-age says, five minutes without cache headers, 30 s under no-store", async () => {
    const key = await clientKey("cache-1");
    const jwks = await jwksOf(key);
    const maxAge = keys.json("/cache/max-age.json", () => jwks, { "cache-control": "public, max-age=120" });
    const plain = keys.json("/cache/plain.json", () => jwks);
    const noStore = keys.json("/cache/no-store.json", () => jwks, { "cache-control": "no-store" });
    await register("uri-max-age", maxAge);
    await register("uri-plain", plain);
    await register("uri-no-store", noStore);
    const hits = () => [keys.count("/cache/max-age.json"), keys.count("/cache/plain.json"), keys.count("/cache/no-store.json")];
    const callAll = async () => {
      for (const client of ["uri-max-age", "uri-plain", "uri-no-store"]) expect((await call(await sign(key, client))).status).toBe(200);
    };

    await callAll();
    await callAll();
    expect(hits()).toEqual([1, 1, 1]);
    advance(29);
    await callAll();
    expect(hits()).toEqual([1, 1, 1]);
    advance(2); // 31 s: no-store keeps it only the minimum 30 s
    await callAll();
    expect(hits()).toEqual([1, 1, 2]);
    advance(90); // 121 s: past max-age=120
    await callAll();
    expect(hits()).toEqual([2, 1, 3]);
    advance(180); // 301 s: past the five-minute default
    await callAll();
    expect(hits()).toEqual([3, 2, 4]);
  });

  it("fetches once for concurrent requests", async () => {
    const key = await clientKey("conc-1");
    const jwks = await jwksOf(key);
    keys.routes.set("/concurrent/jwks.json", (_req, res) => {
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(jwks)), 150);
    });
    await register("uri-concurrent", `${keys.url}/concurrent/jwks.json`);
    const tokens = await Promise.all(Array.from({ length: 6 }, () => sign(key, "uri-concurrent")));
    const answers = await Promise.all(tokens.map((token) => call(token)));
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(keys.count("/concurrent/jwks.json")).toBe(1);
  });

  it("keeps using the cached set while a refetch fails, for a bounded time", async () => {
    const key = await clientKey("stale-1");
    const jwks = await jwksOf(key);
    let down = false;
    keys.routes.set("/stale/jwks.json", (_req, res) => {
      if (down) res.writeHead(503).end("maintenance");
      else res.writeHead(200, { "content-type": "application/json", "cache-control": "max-age=60" }).end(JSON.stringify(jwks));
    });
    await register("uri-stale", `${keys.url}/stale/jwks.json`);
    expect((await call(await sign(key, "uri-stale"))).status).toBe(200);
    down = true;
    advance(61);
    expect((await call(await sign(key, "uri-stale"))).status).toBe(200);
    expect(keys.count("/stale/jwks.json")).toBe(2);
    // An hour past its expiry the stale set is no longer used.
    advance(3600);
    expectRefused(await call(await sign(key, "uri-stale")));
    expect(keys.count("/stale/jwks.json")).toBe(3);
    expect(logs.lines.join("")).toContain("HTTP 503");
  });

  it("never follows a redirect", async () => {
    const key = await clientKey("redir-1");
    const jwks = await jwksOf(key);
    keys.json("/redirect/target.json", () => jwks);
    keys.routes.set("/redirect/jwks.json", (_req, res) => res.writeHead(302, { location: `${keys.url}/redirect/target.json` }).end());
    await register("uri-redirect", `${keys.url}/redirect/jwks.json`);
    expectRefused(await call(await sign(key, "uri-redirect")));
    expect(keys.count("/redirect/jwks.json")).toBe(1);
    expect(keys.count("/redirect/target.json")).toBe(0);
    const line = logs.lines.find((l) => l.includes("/redirect/jwks.json"));
    expect(JSON.parse(line!)).toMatchObject({ reason: "redirect (HTTP 302) refused", msg: "client system keys could not be fetched" });
  });

  it("refuses a body over 64 KB, whatever its Content-Length says", async () => {
    const key = await clientKey("big-1");
    // A valid key set padded past 64 KB, sent in chunks without a Content-Length.
    const body = JSON.stringify({ ...(await jwksOf(key)), padding: "x".repeat(100 * 1024) });
    keys.routes.set("/big/jwks.json", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      for (let i = 0; i < body.length; i += 8192) res.write(body.slice(i, i + 8192));
      res.end();
    });
    // A set just under the cap is fine.
    const small = JSON.stringify({ ...(await jwksOf(key)), padding: "x".repeat(60 * 1024) });
    keys.routes.set("/big/fits.json", (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(small));
    await register("uri-big", `${keys.url}/big/jwks.json`);
    await register("uri-fits", `${keys.url}/big/fits.json`);
    expectRefused(await call(await sign(key, "uri-big")));
    expect((await call(await sign(key, "uri-fits"))).status).toBe(200);
    const line = logs.lines.find((l) => l.includes("/big/jwks.json"));
    expect(JSON.parse(line!)).toMatchObject({ reason: "body larger than 65536 bytes" });
  });

  it("gives up on a slow server within HUB_JWKS_FETCH_TIMEOUT_MS and answers 401", async () => {
    const key = await clientKey("slow-1");
    const jwks = JSON.stringify(await jwksOf(key));
    // Never answers; answers its headers then stalls half-way through the body.
    keys.routes.set("/slow/silent.json", () => {});
    keys.routes.set("/slow/stalling.json", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write(jwks.slice(0, 40));
    });
    await register("uri-silent", `${keys.url}/slow/silent.json`);
    await register("uri-stalling", `${keys.url}/slow/stalling.json`);
    for (const client of ["uri-silent", "uri-stalling"]) {
      const started = Date.now();
      const res = await call(await sign(key, client));
      expectRefused(res);
      expect(res.body.errors![0].message).toMatch(/could not be fetched/);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
    expect(logs.lines.filter((l) => l.includes("timed out"))).toHaveLength(2);
  });

  it("refuses a key set with private key material from the URI, and never logs it", async () => {
    const key = await clientKey("priv-1");
    const privateJwk = { ...(await exportJWK(key.privateKey)), kid: "priv-1" };
    expect(privateJwk.d).toBeDefined();
    const uri = keys.json("/private/jwks.json", () => ({ keys: [privateJwk] }));
    await register("uri-private", uri);
    expectRefused(await call(await sign(key, "uri-private")));
    expect(keys.count("/private/jwks.json")).toBe(1);
    const line = logs.lines.find((l) => l.includes("/private/jwks.json"));
    expect(JSON.parse(line!).reason).toMatch(/^not a JWKS of public ES256 keys/);
    const all = logs.lines.join("");
    expect(all).not.toContain(privateJwk.d as string);
    expect(all).not.toContain(privateJwk.x as string);
  });
});

describe("registering a jwksUri", () => {
  it("takes either jwks or jwksUri, not both, and setting one replaces the other", async () => {
    const key = await clientKey("both-1");
    const jwks = JSON.stringify(await jwksOf(key));
    const uri = keys.json("/both/jwks.json", () => JSON.parse(jwks));
    const both = await hub.graphql(REGISTER, { ...MANAGER, variables: { input: { idempotencyKey: "reg-both", name: "uri-both", jwks, jwksUri: uri } } });
    expect(both.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.jwksUri" });

    const inline = await hub.graphql(REGISTER, { ...MANAGER, variables: { input: { idempotencyKey: "reg-inline", name: "uri-inline", jwks } } });
    const client = inline.body.data.registerClientSystem.clientSystem;
    expect(client).toMatchObject({ jwksUri: null, registeredKeyIds: ["both-1"] });
    const twice = await hub.graphql(UPDATE, { ...MANAGER, variables: { id: client.id, v: client.version, input: { jwks, jwksUri: uri } } });
    expect(twice.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.jwksUri" });
    const switched = await hub.graphql(UPDATE, { ...MANAGER, variables: { id: client.id, v: client.version, input: { jwksUri: uri } } });
    expect(switched.body.errors).toBeUndefined();
    expect(switched.body.data.updateClientSystem).toMatchObject({ jwksUri: uri, registeredKeyIds: [] });
    const back = await hub.graphql(UPDATE, { ...MANAGER, variables: { id: client.id, v: switched.body.data.updateClientSystem.version, input: { jwks } } });
    expect(back.body.data.updateClientSystem).toMatchObject({ jwksUri: null, registeredKeyIds: ["both-1"] });
    // The database holds one source at most, whatever writes it.
    await expect(hub.db.dataSource.query(`UPDATE client_systems SET jwks_uri = $1 WHERE id = $2`, [uri, client.id])).rejects.toThrow(/client_systems_one_key_source/);
  });

  it.each([
    ["a relative URL", "keys/jwks.json", /absolute URL/],
    ["another scheme", "ftp://keys.example.gov.cn/jwks.json", /https/],
    ["credentials", "https://psb:secret@keys.example.gov.cn/jwks.json", /user name or password/],
    ["an overlong URL", `https://keys.example.gov.cn/${"a".repeat(2100)}`, /at most 2048/],
  ])("refuses %s", async (_what, jwksUri, message) => {
    const res = await hub.graphql(REGISTER, { ...MANAGER, variables: { input: { idempotencyKey: `reg-bad-${jwksUri.length}`, name: "uri-bad", jwksUri } } });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.jwksUri" });
    expect(res.body.errors?.[0].message).toMatch(message);
  });
});

describe("in production", () => {
  let production: TestHub;
  let keyDir: string;
  beforeAll(async () => {
    keyDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-jwks-uri-keys-"));
    await writeNewSigningKey(path.join(keyDir, "signing.pem"), "pem");
    // The demo data's personal data is sealed under the template's PII key.
    fs.copyFileSync(path.join(process.env.HUB_TEST_TEMPLATE_DIR!, "keys", "pii.key"), path.join(keyDir, "pii.key"));
    production = await startTestHub({
      transport: "http",
      env: { HUB_ENV: "production", HUB_SIGNING_KEY_FILE: path.join(keyDir, "signing.pem"), HUB_PII_KEY_FILE: path.join(keyDir, "pii.key") },
    });
  });
  afterAll(async () => {
    await production?.stop();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  it("takes only an https jwksUri, and never fetches an http one registered before", async () => {
    expect(production.config.env).toBe("production");
    const key = await clientKey("prod-1");
    const jwks = await jwksOf(key);
    const plain = keys.json("/production/jwks.json", () => jwks);
    const refused = await production.graphql(REGISTER, { ...MANAGER, variables: { input: { idempotencyKey: "prod-http", name: "prod-http", jwksUri: plain } } });
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.jwksUri" });
    expect(refused.body.errors?.[0].message).toBe("jwksUri must be an https URL.");
    const https = await production.graphql(REGISTER, { ...MANAGER, variables: { input: { idempotencyKey: "prod-https", name: "prod-https", jwksUri: "https://keys.xy-psb.example.gov.cn/jwks.json" } } });
    expect(https.body.errors).toBeUndefined();
    expect(https.body.data.registerClientSystem.clientSystem.jwksUri).toBe("https://keys.xy-psb.example.gov.cn/jwks.json");

    // An http URI that got into the registry (say, before the hub went to production) is not fetched.
    await production.db.dataSource.query(`UPDATE client_systems SET jwks_uri = $1 WHERE name = 'prod-https'`, [plain]);
    production.hub.registry.clear();
    const res = await call(await sign(key, "prod-https"), production);
    expectRefused(res);
    expect(keys.count("/production/jwks.json")).toBe(0);
  });
});
