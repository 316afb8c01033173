import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { startStandaloneServer } from "@apollo/server/standalone";
import { parse } from "graphql";
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from "jose";
import { hubGateway } from "../../examples/gateway/gateway";
import { bodyDigest } from "../../src/auth/router-assertion";
import { printHubSchema } from "../../src/schema/build-schema";
import { withoutRouterAuthorization } from "../../src/schema/federation-sdl";
import { startTestHub, TestHub } from "../support/test-hub";
import { COURT_SDL, RunningSubgraph, startCourtSubgraph } from "./subgraphs";

/**
 * Router-only access (issue 17): with HUB_ROUTER_ONLY the hub answers GraphQL only to requests the router
 * signed (`X-Router-Assertion`, checked against HUB_ROUTER_JWKS_FILE); agencies' direct calls answer 401.
 * The agency's own token, forwarded by the router, still decides what it may read.
 */
let hub: TestHub;
let court: RunningSubgraph;
let routerKey: KeyLike;
let strangerKey: KeyLike;
let gateway: { stop(): Promise<void> } | undefined;
let gatewayUrl: string;
let zyjd: string;

beforeAll(async () => {
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const keys = await generateKeyPair("ES256");
  routerKey = keys.privateKey;
  strangerKey = (await generateKeyPair("ES256")).privateKey;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "router-keys-"));
  const jwksFile = path.join(dir, "router.jwks.json");
  fs.writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: "router-1" }] }));
  hub = await startTestHub({ transport: "http", env: { HUB_ROUTER_ONLY: "true", HUB_ROUTER_JWKS_FILE: jwksFile, HUB_ROUTER_ISSUER: "test-router" } });
  zyjd = ((await hub.db.dataSource.query(`SELECT id FROM institutions WHERE credit_code = '91411500MA9F3K2L21'`)) as Array<{ id: string }>)[0].id;
  court = await startCourtSubgraph(() => [{ id: "c1", caseNumber: "(2024)豫15知民初32号", institutionId: zyjd }]);
  const composed = composeServices([
    { name: "hub", url: `${hub.url}/subgraph`, typeDefs: parse(withoutRouterAuthorization(printHubSchema(hub.hub.schema, "subgraph"))) },
    { name: "court", url: court.url, typeDefs: parse(COURT_SDL) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  const server = hubGateway({ supergraphSdl: composed.supergraphSdl, hub: "hub", signing: { key: routerKey, kid: "router-1", issuer: "test-router", audience: hub.config.jwt.audience } });
  gatewayUrl = (await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } })).url;
  gateway = server;
}, 90_000);

afterAll(async () => {
  await gateway?.stop();
  await court?.stop();
  await hub?.stop();
});

const QUERY = JSON.stringify({ query: `{ institution(creditCode: "91411500MA9F3K2L21") { name contactPhone } }` });

async function assertion(body: string, options: { key?: KeyLike; issuer?: string; lifetime?: number; authorization?: string; jti?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ body_sha256: bodyDigest(body), auth_sha256: bodyDigest(options.authorization ?? "") })
    .setProtectedHeader({ alg: "ES256", kid: "router-1" })
    .setJti(options.jti ?? randomUUID())
    .setIssuer(options.issuer ?? "test-router")
    .setAudience(hub.config.jwt.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.lifetime ?? 30))
    .sign(options.key ?? routerKey);
}

async function call(route: "/graphql" | "/subgraph", headers: Record<string, string>, body = QUERY) {
  const res = await fetch(`${hub.url}${route}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: Array<{ extensions: { code: string } }> } };
}

describe("direct calls are refused", () => {
  it.each([
    ["an agency's token on the hub's own endpoint", "/graphql" as const, async () => ({ authorization: `Bearer ${await hub.token("XY-COURT")}` })],
    ["the public on the hub's own endpoint", "/graphql" as const, async () => ({})],
    ["an agency's token on the subgraph endpoint, unsigned", "/subgraph" as const, async () => ({ authorization: `Bearer ${await hub.token("XY-COURT")}` })],
    ["an assertion signed by another key", "/subgraph" as const, async () => ({ "x-router-assertion": await assertion(QUERY, { key: strangerKey }) })],
    ["an assertion from another issuer", "/subgraph" as const, async () => ({ "x-router-assertion": await assertion(QUERY, { issuer: "someone" }) })],
    ["an assertion that lives ten minutes", "/subgraph" as const, async () => ({ "x-router-assertion": await assertion(QUERY, { lifetime: 600 }) })],
    ["an assertion made for another body", "/subgraph" as const, async () => ({ "x-router-assertion": await assertion(JSON.stringify({ query: "{ __typename }" })) })],
    [
      "an assertion made for the public's request, sent with an agency's token",
      "/subgraph" as const,
      async () => ({ "x-router-assertion": await assertion(QUERY), authorization: `Bearer ${await hub.token("XY-COURT")}` }),
    ],
  ])("%s: 401", async (_name, route, headers) => {
    const res = await call(route, await headers());
    expect(res.status).toBe(401);
    expect(res.body.errors?.map((e) => e.extensions.code)).toEqual(["UNAUTHENTICATED"]);
    expect(res.body.data).toBeUndefined();
  });
});

describe("through the router", () => {
  it("serves a signed request, decided by the agency's own token", async () => {
    const signed = await call("/subgraph", { "x-router-assertion": await assertion(QUERY) });
    expect(signed.status).toBe(200);
    // The public's request, as the router forwarded it: the contact phone is for agencies.
    expect(signed.body.data.institution.name).toEqual(expect.any(String));
    expect(signed.body.errors?.map((e) => e.extensions.code)).toEqual(["FORBIDDEN"]);
    const authorization = `Bearer ${await hub.token("XY-COURT")}`;
    const court = await call("/subgraph", { "x-router-assertion": await assertion(QUERY, { authorization }), authorization });
    expect([court.status, court.body.errors, court.body.data.institution.contactPhone]).toEqual([200, undefined, expect.any(String)]);
  });

  it("runs an assertion once: a replay of the same signed request answers 401", async () => {
    const headers = { "x-router-assertion": await assertion(QUERY) };
    expect((await call("/subgraph", headers)).status).toBe(200);
    const replay = await call("/subgraph", headers);
    expect([replay.status, replay.body.errors?.map((e) => e.extensions.code)]).toEqual([401, ["UNAUTHENTICATED"]]);
  });

  it("answers a court's query across subgraphs through a gateway that signs its requests", async () => {
    const res = await fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await hub.token("XY-COURT")}` },
      body: JSON.stringify({ query: `{ courtCases { caseNumber institution { name contactPhone } } }` }),
    });
    const body = (await res.json()) as { data: any; errors?: unknown };
    expect([res.status, body.errors]).toEqual([200, undefined]);
    expect(body.data.courtCases[0].institution).toEqual({ name: expect.any(String), contactPhone: expect.any(String) });
  });
});
