import { queryCounter } from "../../src/db/data-source";
import { queryCost } from "../../src/server/query-cost";
import { parse, type OperationDefinitionNode } from "graphql";
import { changesSince, ledger, leaks } from "../support/hostile";
import { startTestHub, TestHub } from "../support/test-hub";

/**
 * Hostile shapes meant to exhaust the hub (issue 15): nesting, aliases, directives, tokens, page sizes,
 * fragment bombs, oversized and batched bodies, mutations over GET, and a query costed just over the limit.
 * Each is sent over real HTTP and refused with its code before anything runs: the statements the hub sends
 * to the database are counted (the public's request makes none of its own; an agency's makes only the
 * registry lookup of its token), and the tables a write would touch, the idempotency keys and the audit
 * trail are counted before and after. A refusal that happens before GraphQL executes leaves no audit entry.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ transport: "http" });
}, 60_000);
afterAll(() => hub?.stop());

const TABLES = ["collaboration_records", "institutions", "idempotency_keys"] as const;

interface Request {
  method?: "GET" | "POST";
  /** A JSON body (serialized here), or the raw text of one. */
  body?: unknown;
  raw?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  as?: string;
}

async function send(request: Request): Promise<{ status: number; body: any; text: string }> {
  const method = request.method ?? "POST";
  // A GET sends no body, so no content-type unless the case gives one (CSRF prevention looks at it).
  const headers: Record<string, string> = { ...(method === "POST" ? { "content-type": "application/json" } : {}), ...(request.headers ?? {}) };
  if (request.as) headers.authorization = `Bearer ${await hub.token(request.as)}`;
  const search = request.query ? `?${new URLSearchParams(request.query)}` : "";
  const res = await fetch(`${hub.url}/graphql${search}`, {
    method,
    headers,
    body: method === "GET" ? undefined : request.raw ?? JSON.stringify(request.body),
  });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}

/** Statements the hub ran for a request, less those of a trivial request by the same caller (its token lookup). */
async function statementsOf(request: Request): Promise<{ answer: Awaited<ReturnType<typeof send>>; statements: number }> {
  const counter = queryCounter(hub.db.dataSource);
  await hub.hub.deps.trail.flush();
  // Both requests read the caller's registry row (otherwise kept between requests), so the baseline holds it.
  hub.hub.registry.clear();
  const start = counter.count;
  await send({ body: { query: "{ __typename }" }, as: request.as });
  const baseline = counter.count - start;
  await hub.hub.deps.trail.flush();
  hub.hub.registry.clear();
  const before = counter.count;
  const answer = await send(request);
  return { answer, statements: counter.count - before - baseline };
}

const repeat = (n: number, f: (i: number) => string, separator = " ") => Array.from({ length: n }, (_, i) => f(i)).join(separator);
/** `appraisers { institution { appraisers { … } } }`, `levels` deep below an institution. */
const nested = (levels: number) => {
  let selection = "name";
  for (let i = 0; i < levels; i++) selection = i % 2 === 0 ? `appraisers { ${selection} }` : `institution { ${selection} }`;
  return selection;
};
let serial = 0;
const collaboration = () => `openCollaboration(input: { idempotencyKey: "hostile-dos-${serial++}", kind: CONSULTATION, title: "鉴定咨询", participantAgencyCodes: ["XY-AMR"] }) { replayed }`;

interface DosCase {
  name: string;
  request: () => Request;
  status: number;
  /** The first error's code; "ok" for a harmless shape answered in full. */
  code: string;
  message?: RegExp;
}

const CASES: DosCase[] = [
  // --- nesting ---
  { name: "nesting 11 levels deep", request: () => ({ body: { query: `{ institutions { edges { node { ${nested(8)} } } } }` } }), status: 400, code: "QUERY_TOO_COMPLEX", message: /depth/i },
  { name: "nesting 60 levels deep", request: () => ({ body: { query: `{ institutions { edges { node { ${nested(57)} } } } }` } }), status: 400, code: "QUERY_TOO_COMPLEX", message: /depth/i },
  {
    name: "nesting spread over fragments, one level each",
    request: () => ({
      body: {
        query: `{ institutions { edges { node { ...L0 } } } } ${repeat(10, (i) => (i % 2 === 0 ? `fragment L${i} on Institution { appraisers { ...L${i + 1} } }` : `fragment L${i} on Appraiser { institution { ...L${i + 1} } }`))} fragment L10 on Institution { name }`,
      },
    }),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
    message: /depth/i,
  },
  {
    name: "introspection recursing through fields and types (types × fields × fields × …)",
    request: () => ({ body: { query: `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }` } }),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
    message: /introspection depth/i,
  },
  {
    name: "introspection recursing through __type, 18 deep",
    request: () => ({ body: { query: `{ __type(name: "Institution") { ${"fields { type { ofType { ".repeat(5)}name${" } } }".repeat(5)} } }` } }),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
    message: /depth/i,
  },
  // --- aliases ---
  { name: "31 aliases of an object", request: () => ({ body: { query: `{ ${repeat(31, (i) => `a${i}: me { anonymous }`)} }` } }), status: 400, code: "QUERY_TOO_COMPLEX", message: /alias/i },
  { name: "31 aliases of a page of 100 institutions", request: () => ({ body: { query: `{ ${repeat(31, (i) => `a${i}: institutions(first: 100) { totalCount }`)} }` } }), status: 400, code: "QUERY_TOO_COMPLEX", message: /alias/i },
  {
    name: "31 aliases split over two fragments",
    request: () => ({ body: { query: `{ ...A ...B } fragment A on Query { ${repeat(16, (i) => `a${i}: me { anonymous }`)} } fragment B on Query { ${repeat(15, (i) => `b${i}: agency(code: "XY-COURT") { code }`)} }` } }),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
    message: /alias/i,
  },
  { name: "31 aliased writes in one mutation", request: () => ({ as: "XY-COURT", body: { query: `mutation { ${repeat(31, (i) => `w${i}: ${collaboration()}`)} }` } }), status: 400, code: "QUERY_TOO_COMPLEX", message: /alias/i },
  // --- directives ---
  { name: "51 directives on as many selections", request: () => ({ body: { query: `{ ${repeat(51, () => "__typename @include(if: true)")} }` } }), status: 400, code: "QUERY_TOO_COMPLEX", message: /directive/i },
  { name: "51 directives on one field", request: () => ({ body: { query: `{ __typename ${repeat(51, () => "@include(if: true)")} }` } }), status: 400, code: "QUERY_TOO_COMPLEX", message: /directive/i },
  { name: "200 unknown directives", request: () => ({ body: { query: `{ __typename ${repeat(200, (i) => `@d${i}`)} }` } }), status: 400, code: "QUERY_TOO_COMPLEX", message: /directive/i },
  // --- tokens ---
  { name: "2,001 tokens", request: () => ({ body: { query: `{ ${repeat(1_999, () => "__typename")} }` } }), status: 400, code: "QUERY_TOO_COMPLEX", message: /tokens/i },
  { name: "200,000 tokens (a 1 MB-class document)", request: () => ({ body: { query: `{ ${repeat(200_000, () => "a")} }` } }), status: 400, code: "QUERY_TOO_COMPLEX", message: /tokens/i },
  { name: "2,001 tokens in a mutation", request: () => ({ as: "XY-COURT", body: { query: `mutation { ${collaboration()} ${repeat(1_990, () => "__typename")} }` } }), status: 400, code: "QUERY_TOO_COMPLEX", message: /tokens/i },
  { name: "3,000 variables declared", request: () => ({ body: { query: `query(${repeat(3_000, (i) => `$v${i}: Int`)}) { __typename }` } }), status: 400, code: "QUERY_TOO_COMPLEX", message: /tokens/i },
  // --- page sizes ---
  { name: "first: 2147483648 (past Int)", request: () => ({ body: { query: `{ institutions(first: 2147483648) { totalCount } }` } }), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  { name: "first: 1e12 in a variable", request: () => ({ body: { query: `query($n: Int) { institutions(first: $n) { totalCount } }`, variables: { n: 1e12 } } }), status: 400, code: "BAD_USER_INPUT" },
  { name: "first: -1", request: () => ({ body: { query: `{ institutions(first: -1) { totalCount } }` } }), status: 200, code: "BAD_USER_INPUT" },
  // --- fragment bombs ---
  { name: "a fragment spreading itself", request: () => ({ body: { query: `{ ...A } fragment A on Query { __typename ...A }` } }), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  { name: "two fragments spreading each other", request: () => ({ body: { query: `{ ...A } fragment A on Query { __typename ...B } fragment B on Query { me { anonymous } ...A }` } }), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  {
    name: "an exponential fragment bomb over an object field (2^40 expansions)",
    request: () => ({ body: { query: `{ ...F0 } ${repeat(40, (i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`)} fragment F40 on Query { me { anonymous } }` } }),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
    message: /Query cost limit/,
  },
  {
    name: "an exponential fragment bomb inside a page of institutions",
    request: () => ({
      body: { query: `{ institutions(first: 100) { edges { node { ...F0 } } } } ${repeat(30, (i) => `fragment F${i} on Institution { ...F${i + 1} ...F${i + 1} }`)} fragment F30 on Institution { appraisers { name } }` },
    }),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
    message: /Query cost limit/,
  },
  // --- bodies ---
  { name: "a 2 MB body", request: () => ({ body: { query: `query($s: String) { __typename }`, variables: { s: "x".repeat(2 * 1024 * 1024) } } }), status: 413, code: "BAD_REQUEST" },
  {
    name: "a 2 MB body carrying a write",
    request: () => ({ as: "XY-COURT", body: { query: `mutation($s: String!) { openCollaboration(input: { idempotencyKey: "hostile-dos-big", kind: CONSULTATION, title: "鉴定咨询", summary: $s, participantAgencyCodes: ["XY-AMR"] }) { replayed } }`, variables: { s: "x".repeat(2 * 1024 * 1024) } } }),
    status: 413,
    code: "BAD_REQUEST",
  },
  { name: "a batch of two queries", request: () => ({ body: [{ query: "{ __typename }" }, { query: "{ me { anonymous } }" }] }), status: 400, code: "BAD_REQUEST" },
  { name: "a batch of 100 writes", request: () => ({ as: "XY-COURT", body: Array.from({ length: 100 }, () => ({ query: `mutation { ${collaboration()} }` })) }), status: 400, code: "BAD_REQUEST" },
  { name: "a body that is not JSON", request: () => ({ raw: `{"query": "{ __typename }"` }), status: 400, code: "BAD_REQUEST" },
  { name: "a form-encoded write (a simple cross-site request)", request: () => ({ as: "XY-COURT", raw: `query=${encodeURIComponent(`mutation { ${collaboration()} }`)}`, headers: { "content-type": "application/x-www-form-urlencoded" } }), status: 400, code: "BAD_REQUEST" },
  { name: "a text/plain write (a simple cross-site request)", request: () => ({ as: "XY-COURT", raw: JSON.stringify({ query: `mutation { ${collaboration()} }` }), headers: { "content-type": "text/plain" } }), status: 400, code: "BAD_REQUEST" },
  // --- GET ---
  { name: "a mutation over GET", request: () => ({ as: "XY-COURT", method: "GET", query: { query: `mutation { ${collaboration()} }` }, headers: { "apollo-require-preflight": "true" } }), status: 405, code: "BAD_REQUEST" },
  { name: "a mutation over GET without a preflight header (CSRF)", request: () => ({ as: "XY-COURT", method: "GET", query: { query: `mutation { ${collaboration()} }` }, headers: {} }), status: 400, code: "BAD_REQUEST", message: /Cross-Site Request Forgery/ },
  { name: "a query over GET without a preflight header (CSRF)", request: () => ({ method: "GET", query: { query: `{ __typename }` }, headers: {} }), status: 400, code: "BAD_REQUEST" },
  // --- harmless in the end: answered in full, quickly ---
  { name: "first: 1000 (answered with at most 100)", request: () => ({ body: { query: `{ institutions(first: 1000) { edges { cursor } } }` } }), status: 200, code: "ok" },
  // Costed as a router's demand control costs it: the size asked for, refused before anything runs.
  { name: "first: 1000000", request: () => ({ body: { query: `{ institutions(first: 1000000) { edges { cursor } } }` } }), status: 400, code: "QUERY_TOO_COMPLEX" },
  {
    name: "an exponential fragment bomb of scalars only (2^40 __typename, each fragment walked once)",
    request: () => ({ body: { query: `{ ...F0 } ${repeat(40, (i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`)} fragment F40 on Query { __typename }` } }),
    status: 200,
    code: "ok",
  },
  { name: "one field repeated 1,990 times (quadratic field merging: graphql-js aborts the validation)", request: () => ({ body: { query: `{ ${repeat(1_990, () => "__typename")} }` } }), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  { name: "introspection down a type's ofType chain, 12 deep (bounded by the schema's wrappers)", request: () => ({ body: { query: `{ __schema { types { fields { type { ${"ofType { ".repeat(12)}name${" }".repeat(12)} } } } } }` } }), status: 200, code: "ok" },
  {
    name: "a representation nested 100,000 lists deep",
    request: () => ({ raw: `{"query":"query($r: [_Any!]!) { _entities(representations: $r) { __typename } }","variables":{"r":[${"[".repeat(100_000)}${"]".repeat(100_000)}]}}` }),
    status: 200,
    code: "BAD_USER_INPUT",
  },
];

describe("shapes that would exhaust the hub: refused with their code before anything runs, nothing written", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const request = c.request();
    const before = await ledger(hub, TABLES);
    const started = Date.now();
    const { answer, statements } = await statementsOf(request);
    const elapsed = Date.now() - started;
    expect(answer.status).toBe(c.status);
    if (c.code === "ok") {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data).toBeDefined();
    } else {
      expect(answer.body.errors?.[0]?.extensions?.code).toBe(c.code);
      if (c.message) expect(answer.body.errors[0].message).toMatch(c.message);
      expect(leaks(answer.body)).toEqual([]);
      // A refusal before execution runs no statement; one from a list's own checks, at most that list's.
      if (c.status !== 200) {
        expect(answer.body.data).toBeUndefined();
        expect(statements).toBe(0);
      }
    }
    expect(answer.text).not.toMatch(/Internal server error|INTERNAL_SERVER_ERROR/);
    // A refusal is cheap: it does not wait for the work it refuses.
    expect(elapsed).toBeLessThan(5_000);
    expect(await changesSince(hub, before)).toEqual({ rows: { collaboration_records: 0, institutions: 0, idempotency_keys: 0 }, audit: [] });
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  });
});

describe("a query costed just over the limit: QUERY_TOO_COMPLEX before any SQL; at the limit it runs", () => {
  /**
   * Five pages of 100 institutions with two levels of appraisers (3,701 objects each), one page of 40, and
   * `me` aliased until the estimate is exactly `limit` or `limit + 1`.
   */
  const PAGE = (alias: string, first: number) => `${alias}: institutions(first: ${first}) { edges { node { appraisers { institution { appraisers { name } } } } } }`;
  const build = (extra: number) => `{ ${repeat(5, (i) => PAGE(`p${i}`, 100))} ${PAGE("q", 40)} ${repeat(extra, (i) => `m${i}: me { anonymous }`)} }`;
  const costOf = (query: string) => queryCost(hub.hub.schema.schema, parse(query).definitions[0] as OperationDefinitionNode, {}, {}).objects;
  const withCost = (target: number) => {
    const base = costOf(build(0));
    const extra = target - base;
    if (extra < 0 || extra > 20) throw new Error(`the probe query costs ${base}; it cannot be brought to ${target} with me aliases`);
    const query = build(extra);
    expect(costOf(query)).toBe(target);
    return query;
  };

  it.each([
    ["the public", undefined],
    ["a court", "XY-COURT"],
  ])("for %s", async (_who, as) => {
    const limit = hub.config.graphql.maxCost;
    const over = await statementsOf({ as, body: { query: withCost(limit + 1) } });
    expect(over.answer.status).toBe(400);
    expect(over.answer.body).toEqual({ errors: [{ message: expect.stringContaining(`could hold ${limit + 1}`), extensions: { code: "QUERY_TOO_COMPLEX" } }] });
    expect(over.statements).toBe(0);

    const at = await statementsOf({ as, body: { query: withCost(limit) } });
    expect(at.answer.status).toBe(200);
    expect(at.answer.body.errors).toBeUndefined();
    expect(at.answer.body.extensions.rateLimit).toMatchObject({ cost: limit });
    expect(at.statements).toBeGreaterThan(0);
  });

  it("costs the same query the same whether its page size is written or passed in a variable", async () => {
    const written = costOf(`{ institutions(first: 100) { edges { node { appraisers { name } } } } }`);
    const passed = queryCost(hub.hub.schema.schema, parse(`query($n: Int) { institutions(first: $n) { edges { node { appraisers { name } } } } }`).definitions[0] as OperationDefinitionNode, {}, { n: 100 }).objects;
    expect(passed).toBe(written);
  });
});
