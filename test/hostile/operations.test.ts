import path from "node:path";
import type { AddressInfo } from "node:net";
import { ConfigError, loadConfig } from "../../src/config/config";
import { commandContexts } from "../../src/hub";
import { startTestHub, TestHub } from "../support/test-hub";

/**
 * Hostile use of the operations surface (issue 15, finding 5 and the second half of finding 9): `/metrics`
 * took its `operation` label from the client (three `query rt_<random>` made three series) and answered anyone
 * on the main port; `_service { sdl }` answered any agency's token in production. Each case runs against a real
 * hub over HTTP: a development-like one (`HUB_ENV=test`), and production ones with the metrics token, with an
 * internal metrics listener, and with neither.
 */
const template = process.env.HUB_TEST_TEMPLATE_DIR ?? "";
const PRODUCTION = {
  HUB_ENV: "production",
  HUB_SIGNING_KEY_FILE: path.join(template, "keys", "hub-signing-key.jwk.json"),
  HUB_PII_KEY_FILE: path.join(template, "keys", "pii.key"),
};
const METRICS_TOKEN = "m".repeat(20) + "0123456789abcdefghij";

// Every hub of the file starts before and stops after all its tests: on PGlite, hubs in one process share one
// in-memory database, which the first hub to stop closes.
let dev: TestHub;
let prod: TestHub;
let listener: TestHub;
let closed: TestHub;
let internalUrl: string | undefined;
let routerProblem: string | undefined;
beforeAll(async () => {
  dev = await startTestHub({ transport: "http" });
  prod = await startTestHub({ transport: "http", env: { ...PRODUCTION, HUB_METRICS_TOKEN: METRICS_TOKEN } });
  listener = await startTestHub({ transport: "http", env: { ...PRODUCTION, HUB_METRICS_PORT: "0" } });
  // `hub serve` opens the metrics listener on HUB_METRICS_PORT; here on a free port.
  const server = listener.hub.metricsHttpServer;
  if (server) {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    internalUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  closed = await startTestHub({ transport: "http", env: PRODUCTION });
  // The router's own client system, as the hub's operator registers it (`hub client add … --scopes graph:compose`).
  const operator = await commandContexts(prod.config, prod.db, undefined, "test", "test-operator");
  try {
    await operator.newContext().services.clientSystems.register({ agencyCode: "HA-AMR", name: "router", allowedScopes: ["graph:compose"] } as never);
  } catch (error) {
    routerProblem = (error as Error).message;
  } finally {
    await operator.close();
  }
}, 120_000);
afterAll(async () => {
  for (const hub of [dev, prod, listener, closed]) await hub?.stop();
});

/** `hub_graphql_operations_total` as label → count (summed over outcomes), and every label value seen. */
async function operationCounts(hub: TestHub, headers: Record<string, string> = {}): Promise<{ byLabel: Map<string, number>; text: string }> {
  const text = await (await fetch(`${hub.url}/metrics`, { headers })).text();
  const byLabel = new Map<string, number>();
  for (const match of text.matchAll(/^hub_graphql_operations_total\{operation="([^"]*)",outcome="[^"]*"\} (\d+)$/gm)) {
    byLabel.set(match[1], (byLabel.get(match[1]) ?? 0) + Number(match[2]));
  }
  return { byLabel, text };
}

const post = (hub: TestHub, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("/metrics labels only operations the hub knows: the root field, `multiple` or `other`", () => {
  const cases: Array<[string, { query: string; operationName?: string; variables?: unknown }, string]> = [
    ["a random operation name (the finding)", { query: `query rt_k3j9x2 { agency(code: "XY-COURT") { name } }` }, "agency"],
    ["another random name for the same field", { query: `query rt_q8w7e6 { agency(code: "XX-COURT") { name } }` }, "agency"],
    ["an operation without a name", { query: `{ institutions(first: 1) { totalCount } }` }, "institutions"],
    ["aliases of one field", { query: `query rt_alias { a: agency(code: "XY-COURT") { name } b: agency(code: "XX-COURT") { name } }` }, "agency"],
    ["two root fields", { query: `query rt_two { me { anonymous } agencies(first: 1) { totalCount } }` }, "multiple"],
    ["a root field through a fragment", { query: `query rt_frag { ...rt_f } fragment rt_f on Query { me { anonymous } }` }, "me"],
    ["a root field in an inline fragment", { query: `query rt_inline { ... on Query { agencies(first: 1) { totalCount } } }` }, "agencies"],
    ["a field the schema does not have", { query: `query rt_unknown { rt_field }` }, "other"],
    ["a document that does not parse", { query: `query rt_broken {` }, "other"],
    ["an operation name the document does not hold", { query: `query rt_a { me { anonymous } }`, operationName: "rt_missing" }, "other"],
    ["the second of two operations, chosen by name", { query: `query rt_b { me { anonymous } } query rt_c { agencies(first: 1) { totalCount } }`, operationName: "rt_c" }, "agencies"],
    ["a refused mutation", { query: `mutation rt_mut { disableAgency(code: "XY-COURT", expectedVersion: 1, reason: "x") { code } }` }, "disableAgency"],
    ["federation's _entities", { query: `query rt_ent($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { code } } }`, variables: { r: [{ __typename: "Agency", code: "GS-PSB" }] } }, "_entities"],
    ["__typename alone", { query: `query rt_tn { __typename }` }, "__typename"],
    ["introspection", { query: `query rt_intro { __schema { queryType { name } } }` }, "__schema"],
  ];

  it.each(cases)("%s", async (_what, body, label) => {
    const before = (await operationCounts(dev)).byLabel.get(label) ?? 0;
    await post(dev, body);
    const { byLabel, text } = await operationCounts(dev);
    expect(byLabel.get(label) ?? 0).toBe(before + 1);
    expect(text).not.toMatch(/="rt_/);
  });

  it("keeps the label set bounded by the schema's root fields while names are invented", async () => {
    for (let i = 0; i < 40; i++) await post(dev, { query: `query rt_${i}_${Math.random().toString(36).slice(2)} { agency(code: "XY-COURT") { code } }` });
    const { byLabel } = await operationCounts(dev);
    const schema = dev.hub.schema.schema;
    const rootFields = new Set([...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields()), "__schema", "__type", "__typename", "multiple", "other"]);
    expect([...byLabel.keys()].filter((label) => !rootFields.has(label))).toEqual([]);
  });

  it("keeps the outcome label to the hub's and Apollo's codes", async () => {
    const { text } = await operationCounts(dev);
    const outcomes = new Set([...text.matchAll(/^hub_graphql_operations_total\{operation="[^"]*",outcome="([^"]*)"\}/gm)].map((m) => m[1]));
    expect([...outcomes].filter((o) => !/^(ok|other|[A-Z_]+)$/.test(o))).toEqual([]);
  });
});

describe("who reads /metrics", () => {
  const hubs = () => ({ dev, prod, listener, closed });
  const cases: Array<[string, keyof ReturnType<typeof hubs> | "internal", string, () => Promise<Record<string, string>>, number]> = [
    ["development: anyone, on the main port", "dev", "/metrics", async () => ({}), 200],
    ["production with a token: no Authorization", "prod", "/metrics", async () => ({}), 401],
    ["production with a token: a wrong token", "prod", "/metrics", async () => ({ authorization: `Bearer ${"x".repeat(40)}` }), 401],
    ["production with a token: the token with one character changed", "prod", "/metrics", async () => ({ authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}k` }), 401],
    ["production with a token: an agency's valid bearer token", "prod", "/metrics", async () => ({ authorization: `Bearer ${await prod.token("HA-AMR", { scopes: ["registry:admin"] })}` }), 401],
    ["production with a token: the token as Basic credentials", "prod", "/metrics", async () => ({ authorization: `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString("base64")}` }), 401],
    ["production with a token: the token", "prod", "/metrics", async () => ({ authorization: `Bearer ${METRICS_TOKEN}` }), 200],
    ["production with a token: the token, scheme in lower case", "prod", "/metrics", async () => ({ authorization: `bearer ${METRICS_TOKEN}` }), 200],
    ["production with an internal listener: not on the main port", "listener", "/metrics", async () => ({}), 404],
    ["production with an internal listener: on it", "internal", "/metrics", async () => ({}), 200],
    ["production with an internal listener: nothing else on it", "internal", "/graphql", async () => ({}), 404],
    ["production with neither: no Authorization", "closed", "/metrics", async () => ({}), 401],
    ["production with neither: any bearer token", "closed", "/metrics", async () => ({ authorization: `Bearer ${METRICS_TOKEN}` }), 401],
  ];

  it.each(cases)("%s", async (_what, where, route, headers, status) => {
    const base = where === "internal" ? internalUrl : hubs()[where].url;
    expect(base).toBeDefined();
    const res = await fetch(`${base}${route}`, { headers: await headers() });
    expect(res.status).toBe(status);
    const text = await res.text();
    if (status === 200) expect(text).toContain("hub_graphql_operations_total");
    else expect(text).not.toContain("process_cpu");
    if (status === 401) {
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(JSON.parse(text).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    }
  });

  it.each([
    ["a development hub: open on the main port", { HUB_ENV: "development" }, { port: undefined, access: "open" }],
    ["a production hub: closed on the main port until a token is set", PRODUCTION, { port: undefined, access: "closed" }],
    ["a production hub with a token", { ...PRODUCTION, HUB_METRICS_TOKEN: METRICS_TOKEN }, { access: "token" }],
    ["a production hub with an internal listener, on loopback by default", { ...PRODUCTION, HUB_METRICS_PORT: "9464" }, { port: 9464, host: "127.0.0.1", access: "open" }],
  ])("configures %s", (_what, env, expected) => {
    expect(loadConfig({ HUB_DATA_DIR: "/tmp/x", ...env }).metrics).toMatchObject(expected);
  });

  it.each([
    ["a token too short to be a secret", { HUB_METRICS_TOKEN: "secret" }, /HUB_METRICS_TOKEN/],
    ["a token with a space", { HUB_METRICS_TOKEN: `${"a".repeat(20)} ${"b".repeat(20)}` }, /HUB_METRICS_TOKEN/],
    ["the metrics listener on the main port", { PORT: "4000", HUB_METRICS_PORT: "4000" }, /HUB_METRICS_PORT: must differ from PORT/],
  ])("refuses %s", (_what, env, problem) => {
    expect(() => loadConfig({ HUB_DATA_DIR: "/tmp/x", ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ HUB_DATA_DIR: "/tmp/x", ...env })).toThrow(problem);
  });
});

describe("_service { sdl }: registry administrators and the router; any agency only while introspection is on", () => {
  const SDL = `{ _service { sdl } }`;
  type Headers = (hub: TestHub) => Promise<Record<string, string>>;
  const anonymous: Headers = async () => ({});
  const as =
    (agency: string, scopes: string[] = []): Headers =>
    async (hub) => ({ authorization: `Bearer ${await hub.token(agency, { scopes })}` });
  const router =
    (scopes: string[]): Headers =>
    async (hub) => {
      if (routerProblem) throw new Error(`the router's client system could not be registered: ${routerProblem}`);
      return { authorization: `Bearer ${await hub.token("HA-AMR", { client: "router", scopes })}` };
    };

  const cases: Array<[string, "dev" | "prod", Headers, "sdl" | "FORBIDDEN"]> = [
    ["production: the anonymous public", "prod", anonymous, "FORBIDDEN"],
    ["production: a court", "prod", as("XY-COURT"), "FORBIDDEN"],
    ["production: a city bureau with pii:read", "prod", as("XY-AMR", ["pii:read"]), "FORBIDDEN"],
    ["production: an institution's own system", "prod", as("XY-ZYJD"), "FORBIDDEN"],
    ["production: the province bureau without registry:admin in its token", "prod", as("HA-AMR"), "FORBIDDEN"],
    ["production: a court asking for graph:compose, which its system does not allow", "prod", as("XY-COURT", ["graph:compose"]), "FORBIDDEN"],
    ["production: the router's system without graph:compose in its token", "prod", router([]), "FORBIDDEN"],
    ["production: the province bureau as registry administrator", "prod", as("HA-AMR", ["registry:admin"]), "sdl"],
    ["production: CNIPA as registry administrator", "prod", as("CNIPA", ["registry:admin"]), "sdl"],
    ["production: the router (graph:compose)", "prod", router(["graph:compose"]), "sdl"],
    ["introspection on: the anonymous public", "dev", anonymous, "FORBIDDEN"],
    ["introspection on: a court, as before", "dev", as("XY-COURT"), "sdl"],
    ["introspection on: a city bureau, as before", "dev", as("XY-AMR"), "sdl"],
  ];

  it.each(cases)("%s", async (_what, which, headers, expected) => {
    const hub = which === "dev" ? dev : prod;
    const res = await post(hub, { query: SDL }, await headers(hub));
    const body = (await res.json()) as { data?: { _service?: { sdl: string } } | null; errors?: Array<{ extensions: { code: string } }> };
    if (expected === "sdl") {
      expect(body.errors).toBeUndefined();
      expect(body.data?._service?.sdl).toContain('@key(fields: "code")');
    } else {
      expect(body.errors?.map((e) => e.extensions.code)).toEqual(["FORBIDDEN"]);
      expect(body.data ?? null).toBeNull();
    }
  });

  it("keeps introspection itself off in production, so the schema is not read another way", async () => {
    const res = await post(prod, { query: `{ __schema { queryType { name } } }` }, await as("XY-COURT")(prod));
    const body = (await res.json()) as { errors?: Array<{ extensions: { code: string } }> };
    expect(body.errors?.[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
