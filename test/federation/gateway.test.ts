import { composeServices } from "@apollo/composition";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { parse } from "graphql";
import { hubGateway } from "../../examples/gateway/gateway";
import { queryCounter } from "../../src/db/data-source";
import { printHubSchema } from "../../src/schema/build-schema";
import { withoutRouterAuthorization } from "../../src/schema/federation-sdl";
import { startTestHub, TestHub } from "../support/test-hub";
import { COURT_SDL, CourtCaseRow, POLICE_SDL, RunningSubgraph, startCourtSubgraph, startPoliceSubgraph } from "./subgraphs";

/**
 * The hub as one subgraph of the government graph (issue 17): composed with a court's case subgraph and a
 * police subgraph that defines its own Relay `PageInfo`, `me` and `statistics`, behind `@apollo/gateway` on
 * loopback, with the gateway settings of examples/gateway. Queries cross the subgraphs as several agencies:
 * the hub's rows and fields are decided as on its own endpoint, coded errors keep their codes, the edge's
 * status follows them, and no answer carries the hub's address.
 */
let hub: TestHub;
let court: RunningSubgraph;
let police: RunningSubgraph;
let supergraphSdl: string;
const gateways: Array<{ stop(): Promise<void> }> = [];
let gatewayUrl: string;
const ids: Record<string, string> = {};
let courtCases: CourtCaseRow[] = [];
const NOBODY = "00000000-0000-4000-8000-000000000000";

async function startGateway(server: ApolloServer<any>): Promise<string> {
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  gateways.push(server);
  return url;
}

beforeAll(async () => {
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  hub = await startTestHub({ transport: "http" });
  const one = async (sql: string, params: unknown[] = []) => ((await hub.db.dataSource.query(sql, params)) as Array<{ id: string }>)[0].id;
  ids.courtCase = await one(`SELECT id FROM appraisal_cases WHERE agency_case_no = $1`, ["(2024)豫15知民初32号"]); // XY-COURT's
  ids.psbCase = await one(`SELECT id FROM appraisal_cases WHERE agency_case_no = $1`, ["信公经立字〔2025〕018号"]); // XY-PSB's
  ids.zyjd = await one(`SELECT id FROM institutions WHERE credit_code = $1`, ["91411500MA9F3K2L21"]); // listed
  ids.underReview = await one(`SELECT id FROM institutions WHERE credit_code = $1`, ["91410702MA46HX8T1F"]); // 新乡, under review
  ids.zyjdAppraiser = await one(`SELECT a.id FROM appraisers a JOIN institutions i ON i.id = a.institution_id WHERE i.credit_code = $1 ORDER BY a.name LIMIT 1`, ["91411500MA9F3K2L21"]);
  ids.transfer = await one(`SELECT id FROM collaboration_records WHERE kind = 'CASE_TRANSFER'`);
  courtCases = [
    { id: "c1", caseNumber: "(2024)豫15知民初32号", appraisalId: ids.courtCase, institutionId: ids.zyjd, appraiserId: ids.zyjdAppraiser },
    { id: "c2", caseNumber: "(2025)豫15知民初7号", appraisalId: ids.psbCase, institutionId: ids.underReview },
    { id: "c3", caseNumber: "(2025)豫15知民初8号", appraisalId: NOBODY },
  ];
  court = await startCourtSubgraph(() => courtCases);
  police = await startPoliceSubgraph(() => ids.transfer);
  const composed = composeServices([
    { name: "hub", url: `${hub.url}/subgraph`, typeDefs: parse(withoutRouterAuthorization(printHubSchema(hub.hub.schema, "subgraph"))) },
    { name: "court", url: court.url, typeDefs: parse(COURT_SDL) },
    { name: "police", url: police.url, typeDefs: parse(POLICE_SDL) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  supergraphSdl = composed.supergraphSdl;
  gatewayUrl = await startGateway(hubGateway({ supergraphSdl, hub: "hub" }));
}, 90_000);

afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await court?.stop();
  await police?.stop();
  await hub?.stop();
});

interface Caller {
  as?: string;
  scopes?: string[];
  headers?: Record<string, string>;
}

async function viaGateway(query: string, caller: Caller = {}, variables?: Record<string, unknown>, url = gatewayUrl) {
  const headers: Record<string, string> = { "content-type": "application/json", ...(caller.headers ?? {}) };
  if (caller.as) headers.authorization = `Bearer ${await hub.token(caller.as, { scopes: caller.scopes })}`;
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { data?: any; errors?: Array<{ message: string; path?: unknown[]; extensions: Record<string, unknown> }> } };
}

const codes = (body: { errors?: Array<{ extensions: Record<string, unknown> }> }) => (body.errors ?? []).map((e) => e.extensions.code);
const hubAddress = () => new URL(hub.url).host;

describe("composition", () => {
  it("composes the hub's subgraph beside a court's and a police subgraph with its own PageInfo, me and statistics", () => {
    // What an Apollo Router runs: with the authorization directives, linked as SECURITY features.
    const composed = composeServices([
      { name: "hub", url: `${hub.url}/subgraph`, typeDefs: parse(printHubSchema(hub.hub.schema, "subgraph")) },
      { name: "court", url: court.url, typeDefs: parse(COURT_SDL) },
      { name: "police", url: police.url, typeDefs: parse(POLICE_SDL) },
    ]);
    expect(composed.errors).toBeUndefined();
    expect(composed.supergraphSdl).toMatch(/@link\(url: "https:\/\/specs.apollo.dev\/authenticated\/v0.1", for: SECURITY\)/);
    expect(composed.supergraphSdl).toContain("@listSize");
    // What @apollo/gateway runs (it refuses SECURITY features it cannot enforce): the same graph without them.
    expect(supergraphSdl).toContain("appraisalViewer");
    expect(supergraphSdl).toMatch(/type PageInfo\s/);
    expect(supergraphSdl).not.toContain("@authenticated");
  });

  it("would not compose under the contract's own names: that is why the subgraph endpoint renames them", () => {
    const composed = composeServices([
      { name: "hub", url: `${hub.url}/graphql`, typeDefs: parse(printHubSchema(hub.hub.schema, "hub")) },
      { name: "police", url: police.url, typeDefs: parse(POLICE_SDL) },
    ]);
    expect((composed.errors ?? []).map((e) => (e as { extensions?: { code?: string } }).extensions?.code)).toEqual(expect.arrayContaining(["FIELD_TYPE_MISMATCH", "INVALID_FIELD_SHARING"]));
  });

  it("serves the same SDL at /subgraph's _service as `hub schema --subgraph` prints (the router's client reads it)", async () => {
    const res = await fetch(`${hub.url}/subgraph`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await hub.token("HA-AMR", { scopes: ["registry:admin"] })}` },
      body: JSON.stringify({ query: "query __ApolloGetServiceDefinition__ { _service { sdl } }" }),
    });
    const body = (await res.json()) as { data: { _service: { sdl: string } } };
    expect(printHubSchema(hub.hub.schema, "subgraph")).toContain(body.data._service.sdl.split("\n").find((line) => line.includes("appraisalViewer"))!.trim());
  });
});

describe("queries across the subgraphs: the hub decides its rows and fields as on its own endpoint", () => {
  const CASES = `{ courtCases { caseNumber appraisal { id status } institution { name contactPhone } } }`;

  it("gives the court its own case, null for another agency's and for one that does not exist, and its directory details", async () => {
    const res = await viaGateway(CASES, { as: "XY-COURT" });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const [own, others, none] = res.body.data.courtCases;
    expect(own.appraisal).toEqual({ id: ids.courtCase, status: expect.any(String) });
    expect(own.institution).toEqual({ name: expect.any(String), contactPhone: expect.any(String) });
    expect(others.appraisal).toBeNull();
    expect(others.institution).toBeNull(); // under review in 新乡: for 新乡's supervisors only
    expect(none.appraisal).toBeNull();
  });

  it("refuses the public the cases and the contact phone, with FORBIDDEN at their paths, and answers the rest", async () => {
    const res = await viaGateway(CASES);
    expect(res.status).toBe(200);
    const forbidden = (res.body.errors ?? []).filter((e) => e.extensions.code === "FORBIDDEN").map((e) => (e.path ?? []).join("."));
    expect(forbidden).toEqual(expect.arrayContaining(["courtCases.0.appraisal", "courtCases.0.institution.contactPhone"]));
    expect(codes(res.body).every((code) => code === "FORBIDDEN")).toBe(true);
    expect(res.body.data.courtCases[0].institution.name).toEqual(expect.any(String));
    expect(res.body.data.courtCases[0].institution.contactPhone).toBeNull();
  });

  it("lets the police read its transfer through its own case, and not 新乡's court", async () => {
    const query = `{ policeCases(first: 5) { pageInfo { hasNextPage startCursor } edges { node { title transfer { title } } } } me { badge } appraisalViewer { agency { code } } }`;
    const psb = await viaGateway(query, { as: "XY-PSB" });
    expect(psb.body.errors).toBeUndefined();
    expect(psb.body.data.policeCases.edges[0].node.transfer).toEqual({ title: expect.any(String) });
    expect(psb.body.data.appraisalViewer.agency.code).toBe("XY-PSB");
    expect(psb.body.data.me.badge).toBe("410001");
    const court = await viaGateway(query, { as: "XX-COURT" });
    expect(court.body.errors).toBeUndefined();
    expect(court.body.data.policeCases.edges[0].node.transfer).toBeNull();
  });

  it("resolves 100 cases' references in one batched call to the hub, in a handful of statements", async () => {
    const saved = courtCases;
    courtCases = Array.from({ length: 100 }, (_, i) => ({ id: `b${i}`, caseNumber: `(2025)豫15知民初${100 + i}号`, appraisalId: i % 2 ? ids.courtCase : NOBODY, institutionId: ids.zyjd }));
    try {
      await hub.hub.deps.trail.flush();
      const counter = queryCounter(hub.db.dataSource);
      const before = counter.count;
      const res = await viaGateway(`{ courtCases { appraisal { id status } institution { name } } }`, { as: "XY-COURT" });
      const statements = counter.count - before;
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.courtCases.filter((c: { appraisal: unknown }) => c.appraisal !== null)).toHaveLength(50);
      // One _entities fetch: the registry lookup, the cases and the institutions in a batch each (not 200).
      expect(statements).toBeLessThanOrEqual(6);
    } finally {
      courtCases = saved;
    }
  });

  it("audits an ID number read in full through a reference like a direct one, with the forwarded case reference and end user", async () => {
    await hub.hub.deps.trail.flush();
    const [{ max }] = await hub.db.dataSource.query(`SELECT coalesce(max(seq), 0)::text AS max FROM audit_events`);
    const caseRef = "(2025)信市监案001号";
    const res = await viaGateway(`{ courtCases { appraiser { id idNumber } } }`, {
      as: "XY-AMR",
      scopes: ["pii:read"],
      headers: { "x-case-ref": encodeURIComponent(caseRef), "x-end-user": "gateway-test" },
    });
    expect(res.body.errors).toBeUndefined();
    const read = res.body.data.courtCases[0].appraiser;
    expect(read.idNumber).not.toContain("*");
    await hub.hub.deps.trail.flush();
    const audited = await hub.db.dataSource.query(`SELECT operation, outcome, entity_id, case_ref, end_user, agency_code FROM audit_events WHERE seq > $1`, [max]);
    expect(audited).toEqual([{ operation: "read:Appraiser.idNumber", outcome: "SUCCESS", entity_id: read.id, case_ref: caseRef, end_user: "gateway-test", agency_code: "XY-AMR" }]);
  });
});

describe("errors through the gateway keep their codes and the edge's status follows them", () => {
  const cases: Array<{ name: string; query: string; caller?: Caller; variables?: Record<string, unknown>; code: string; status: number; field?: string }> = [
    { name: "a token the hub refuses", query: `{ appraisalViewer { anonymous } }`, caller: { headers: { authorization: "Bearer not.a.token" } }, code: "UNAUTHENTICATED", status: 401 },
    { name: "a bad value of a custom scalar", query: `query($from: Date) { appraisalStatistics(regionCode: "411500", from: $from) { regionCode } }`, caller: { as: "XY-AMR" }, variables: { from: "2024-13-45" }, code: "BAD_USER_INPUT", status: 400 },
    { name: "a query over the hub's cost limit", query: `{ institutions(first: 100000) { edges { node { name } } } }`, code: "QUERY_TOO_COMPLEX", status: 400 },
    {
      name: "a region code the scalar refuses (the whole request refused before it ran)",
      query: `mutation { registerAgency(input: { code: "GW-TEST", name: "网关测试", kind: COURT, regionCode: "999999" }) { replayed } }`,
      caller: { as: "HA-AMR", scopes: ["registry:admin"] },
      code: "BAD_USER_INPUT",
      status: 400,
    },
    {
      name: "a write the hub refuses on its merits, naming the field (a field's error: 200, as the hub answers it)",
      query: `mutation { registerAgency(input: { code: "gw test!", name: "网关测试", kind: COURT, regionCode: "411500" }) { replayed } }`,
      caller: { as: "HA-AMR", scopes: ["registry:admin"] },
      code: "BAD_USER_INPUT",
      status: 200,
      field: "input.code",
    },
    { name: "a field the caller may not read", query: `{ auditEvents(first: 1) { totalCount } }`, caller: { as: "XY-ZYJD" }, code: "FORBIDDEN", status: 200 },
  ];

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const res = await viaGateway(c.query, c.caller, c.variables);
    expect(codes(res.body)).toEqual([c.code]);
    expect(res.status).toBe(c.status);
    if (c.field) expect(res.body.errors![0].extensions.field).toBe(c.field);
    expect(res.text).not.toContain(hubAddress());
    expect(res.text).not.toContain("/subgraph");
    expect(res.text).not.toContain("stacktrace");
  });

  it("keeps the codes through a gateway with Apollo's default data source too (the hub answers its subgraph endpoint 200)", async () => {
    const plain = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl,
        buildService: ({ url }) =>
          new (class extends RemoteGraphQLDataSource {
            override willSendRequest({ request, context }: any) {
              const authorization = context?.authorization;
              if (authorization) request.http.headers.set("authorization", authorization);
            }
          })({ url }),
      }),
      includeStacktraceInErrorResponses: false,
    });
    const { url } = await startStandaloneServer(plain, { listen: { port: 0, host: "127.0.0.1" }, context: async ({ req }) => ({ authorization: req.headers.authorization }) });
    gateways.push(plain);
    for (const c of cases.slice(0, 3)) {
      const res = await viaGateway(c.query, c.caller, c.variables, url);
      expect([c.name, codes(res.body)]).toEqual([c.name, [c.code]]);
      expect(res.text).not.toContain(hubAddress());
    }
  });

  it("says a subgraph it cannot reach is unavailable, without its address", async () => {
    const unreachable = await startGateway(hubGateway({ supergraphSdl: supergraphSdl.replaceAll(`${hub.url}/subgraph`, "http://127.0.0.1:9/subgraph"), hub: "hub" }));
    const res = await viaGateway(`{ appraisalViewer { anonymous } }`, {}, undefined, unreachable);
    expect(codes(res.body)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(res.status).toBe(503);
    expect(res.text).not.toContain("127.0.0.1:9");
  });

  it("refuses at the edge an operation deeper than the gateway allows, though each subgraph's part is shallow", async () => {
    const deep = `{ courtCases { institution { appraisers { institution { appraisers { institution { appraisers { institution { appraisers { institution { appraisers { name } } } } } } } } } } } }`;
    const res = await viaGateway(deep, { as: "XY-COURT" });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
  });
});
