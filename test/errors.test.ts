import { capturedLogger } from "./support/log-capture";
import { startTestHub, TestHub } from "./support/test-hub";

const ID_NUMBER = "411502198003121232";
const { logger, lines: logLines } = capturedLogger("info");

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ env: { HUB_MAX_QUERY_DEPTH: "4", LOG_LEVEL: "info", HUB_INTROSPECTION: "false" }, logger, transport: "http" });
});
afterAll(() => hub.stop());

describe("errors", () => {
  it("masks an unexpected failure as INTERNAL_SERVER_ERROR with an errorId that is in the log, and no SQL", async () => {
    await hub.db.dataSource.query(`ALTER TABLE agencies RENAME TO agencies_moved`);
    let res;
    try {
      res = await hub.graphql(`{ agencies { totalCount } }`);
    } finally {
      await hub.db.dataSource.query(`ALTER TABLE agencies_moved RENAME TO agencies`);
    }
    const [error] = res.body.errors!;
    expect(error).toEqual({ message: "Internal server error.", locations: [{ line: 1, column: 3 }], path: ["agencies"], extensions: { code: "INTERNAL_SERVER_ERROR", errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    const logged = logLines.find((line) => line.includes(error.extensions.errorId));
    expect(logged).toBeDefined();
    expect(logged).not.toMatch(/SELECT|agencies_moved|relation/i);
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|relation|stack|\/work\//);
  });

  it("keeps input values out of messages for bad variables", async () => {
    const res = await hub.graphql(`query($code: String!) { agency(code: $code) { name } }`, { variables: { code: { idNumber: ID_NUMBER } } });
    expect(res.body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(res.body)).not.toContain(ID_NUMBER);
  });

  it("keeps input values out of messages for bad literals", async () => {
    const res = await hub.graphql(`{ agencies(first: "${ID_NUMBER}") { totalCount } }`);
    expect(res.body.errors?.[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(res.body)).not.toContain(ID_NUMBER);
  });

  it("answers QUERY_TOO_COMPLEX for a query deeper than the configured limit", async () => {
    const res = await hub.graphql(`{ agencies { edges { node { clientSystems { name } } } } }`);
    expect(res.body.errors?.[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
    expect(res.body.data).toBeUndefined();
  });

  it("answers QUERY_TOO_COMPLEX for a document with too many tokens", async () => {
    const res = await hub.graphql(`{ ${Array.from({ length: 1200 }, (_, i) => `a${i}: me { anonymous }`).join(" ")} }`);
    expect(res.body.errors?.[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
  });

  it("refuses introspection when the hub's config turns it off", async () => {
    const res = await hub.graphql(`{ __schema { types { name } } }`);
    expect(res.body.errors?.[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.body.data).toBeUndefined();
  });

  it("does not suggest field names a caller may not know", async () => {
    const res = await hub.graphql(`{ agenci { totalCount } }`);
    expect(res.body.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it("answers BAD_USER_INPUT on the field for a bad page size or a forged cursor", async () => {
    const zero = await hub.graphql(`{ agencies(first: 0) { totalCount } }`);
    expect(zero.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
    const forged = await hub.graphql(`{ agencies(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(forged.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("caps first at 100", async () => {
    // More listed institutions than one page holds, so a cap above 100 would show.
    await hub.db.dataSource.query(
      `INSERT INTO institutions (name, credit_code, region_code, listing_status, technical_fields)
       SELECT '分页测试机构' || n, '91411300MA' || lpad(n::text, 6, '0') || 'X' || n % 10, '411302', 'LISTED', '{PATENT}' FROM generate_series(1, 130) n`,
    );
    const res = await hub.graphql(`query($n: Int) { institutions(first: $n) { totalCount pageInfo { hasNextPage } edges { cursor } } }`, { variables: { n: 5000 } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.institutions.totalCount).toBeGreaterThan(130);
    expect(res.body.data.institutions.edges).toHaveLength(100);
    expect(res.body.data.institutions.pageInfo.hasNextPage).toBe(true);
  });

  it("pages with opaque cursors in a stable order", async () => {
    const first = await hub.graphql(`{ agencies(first: 4) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }`);
    const page1 = first.body.data.agencies;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await hub.graphql(`query($after: String) { agencies(first: 100, after: $after) { pageInfo { hasNextPage } edges { node { code } } } }`, { variables: { after: page1.pageInfo.endCursor } });
    const codes = [...page1.edges, ...second.body.data.agencies.edges].map((e: any) => e.node.code);
    expect(codes).toHaveLength(page1.totalCount);
    expect(codes).toEqual([...codes].sort());
    expect(second.body.data.agencies.pageInfo.hasNextPage).toBe(false);
  });

  it("answers 400 BAD_REQUEST for malformed JSON and 413 for an oversized body", async () => {
    const malformed = await fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ errors: [{ message: "The request is malformed.", extensions: { code: "BAD_REQUEST" } }] });
    const huge = await fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ me { anonymous } }`, variables: { pad: "x".repeat(1_100_000) } }) });
    expect(huge.status).toBe(413);
  });

  it("answers a request whose X-Case-Ref has control characters, and lets that reference justify nothing", async () => {
    const res = await hub.graphql(`{ appraisers(first: 100) { edges { node { idNumber } } } }`, { as: "XY-AMR", scopes: ["pii:read"], headers: { "x-case-ref": "abc%0Adef" } });
    expect(res.status).toBe(200);
    expect(res.body.data.appraisers.edges.every((e: any) => e.node.idNumber.includes("*"))).toBe(true);
    expect(res.body.extensions?.disclosure.masked.map((m: any) => m.reason)).toContain("CASE_REF_INVALID");
  });

  it("refuses an X-End-User with control characters", async () => {
    const res = await hub.graphql(`{ me { anonymous } }`, { headers: { "x-end-user": "abc%0Adef" } });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "X-End-User" });
  });

  it("writes no personal data or token into the request log", async () => {
    const token = await hub.token("XY-AMR");
    await hub.graphql(`{ me { anonymous } }`, { headers: { authorization: `Bearer ${token}`, "x-end-user": "li.na-0371" } });
    const all = logLines.join("");
    expect(all).toContain('"agency":"XY-AMR"');
    expect(all).not.toContain(token);
    expect(all).not.toContain("li.na-0371");
  });
});
