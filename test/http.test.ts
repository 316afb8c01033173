import fs from "node:fs";
import path from "node:path";
import { createLocalJWKSet, jwtVerify } from "jose";
import { startTestHub, TestHub } from "./support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ transport: "http" });
});
afterAll(() => hub.stop());

describe("HTTP endpoints", () => {
  it("GET /healthz answers while the process is up", async () => {
    const res = await fetch(`${hub.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("GET /.well-known/jwks.json publishes the public signing key, which verifies a hub token", async () => {
    const res = await fetch(`${hub.url}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const jwks = (await res.json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig", kid: expect.any(String) });
    expect(jwks.keys[0].d).toBeUndefined();
    const token = await hub.token("XY-COURT");
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks as never), { issuer: hub.config.jwt.issuer, audience: hub.config.jwt.audience });
    expect(protectedHeader.kid).toBe(jwks.keys[0].kid);
    expect(payload.sub).toBe("XY-COURT/default");
  });

  it("GET /readyz reports the database and migrations", async () => {
    const res = await fetch(`${hub.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: "ok", migrations: "applied" });
  });

  it("GET /metrics has process metrics and GraphQL operations by root field (never the client's name), outcome and duration", async () => {
    await hub.graphql(`query CourtLookup { agency(code: "XY-COURT") { name status } }`);
    const text = await (await fetch(`${hub.url}/metrics`)).text();
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toMatch(/hub_graphql_operations_total\{operation="agency",outcome="FORBIDDEN"\} 1/);
    expect(text).toMatch(/hub_graphql_operation_duration_seconds_count\{operation="agency",outcome="FORBIDDEN"\} 1/);
    expect(text).not.toContain("CourtLookup");
  });

  it("GET /graphiql serves GraphiQL and its scripts from the hub itself, with no internet resource", async () => {
    const page = await fetch(`${hub.url}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      expect(asset.startsWith("/graphiql/assets/") || ["/", "/favicon.svg"].includes(asset)).toBe(true);
      expect((await fetch(`${hub.url}${asset}`)).status).toBe(200);
    }
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("answers 404 with a coded error for unknown paths", async () => {
    const res = await fetch(`${hub.url}/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("NOT_FOUND");
  });

  it("resolves an Agency entity for a federation gateway by its code", async () => {
    const res = await hub.graphql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { code name kind } } }`, {
      variables: { r: [{ __typename: "Agency", code: "GS-PSB" }] },
    });
    expect(res.body.data._entities).toEqual([{ code: "GS-PSB", name: "固始县公安局", kind: "POLICE" }]);
  });

  it("resolves Institution entities by id or by credit code, and Appraiser entities, with the same visibility as the queries", async () => {
    const [{ id }] = await hub.db.dataSource.query(`SELECT id FROM institutions WHERE credit_code = '91410700MA9G0T8C63'`);
    const [{ id: appraiserId }] = await hub.db.dataSource.query(`SELECT id FROM appraisers WHERE name = '赵磊'`);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { name } ... on Appraiser { name idNumber } } }`;
    const representations = [
      { __typename: "Institution", id },
      { __typename: "Institution", creditCode: "91410783MA3W5N6P4P" },
      { __typename: "Appraiser", id: appraiserId },
    ];
    const anonymous = await hub.graphql(query, { variables: { r: representations } });
    expect(anonymous.body.data._entities).toEqual([{ name: "新乡华信知识产权司法鉴定所" }, null, { name: "赵磊", idNumber: null }]);
    const court = await hub.graphql(query, { as: "XX-COURT", variables: { r: representations } });
    expect(court.body.data._entities).toEqual([{ name: "新乡华信知识产权司法鉴定所" }, { name: "长垣市起重装备知识产权鉴定中心" }, { name: "赵磊", idNumber: "410702********2466" }]);
  });

  it("serves the subgraph SDL to authenticated callers only while introspection is on (registry administrators and the router otherwise: test/hostile/operations.test.ts)", async () => {
    const anonymous = await hub.graphql(`{ _service { sdl } }`);
    expect(anonymous.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    const agency = await hub.graphql(`{ _service { sdl } }`, { as: "XY-AMR" });
    expect(agency.body.data._service.sdl).toContain('@key(fields: "code")');
  });

  it("GET / is a Chinese landing page whose links all answer, with a favicon", async () => {
    const page = await fetch(`${hub.url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("知识产权鉴定数据共享平台");
    const links = [...html.matchAll(/(?:href)="(\/[^"]*)"/g)].map((m) => m[1]);
    expect(links).toEqual(expect.arrayContaining(["/graphiql", "/dashboard", "/schema.graphql", "/docs/errors.md", "/favicon.svg"]));
    for (const link of links) expect([link, (await fetch(`${hub.url}${link}`)).status]).toEqual([link, 200]);
    const icon = await fetch(`${hub.url}/favicon.ico`);
    expect([icon.status, icon.headers.get("content-type")]).toEqual([200, "image/svg+xml"]);
  });

  it("serves the schema file and the shipped docs, and nothing else from the docs folder", async () => {
    const sdl = await fetch(`${hub.url}/schema.graphql`);
    expect(await sdl.text()).toBe(fs.readFileSync(path.join(__dirname, "..", "schema.graphql"), "utf8"));
    expect((await fetch(`${hub.url}/docs/errors.md`)).headers.get("content-type")).toMatch(/^text\/markdown/);
    for (const probe of ["/docs/dashboard.png", "/docs/..%2Fpackage.json", "/docs/%2e%2e%2fpackage.json", "/docs/missing.md"]) {
      expect([probe, (await fetch(`${hub.url}${probe}`)).status]).toEqual([probe, 404]);
    }
  });

  it("says nothing about field names in a validation error, not even that it hid a suggestion", async () => {
    const res = await hub.graphql(`{ agenci { totalCount } }`);
    expect(res.body.errors?.[0].message).toBe('Cannot query field "agenci" on type "Query".');
  });
});
