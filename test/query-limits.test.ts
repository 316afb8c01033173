import { parse, OperationDefinitionNode } from "graphql";
import { capturedLogger } from "./support/log-capture";
import { hubSchema } from "../src/schema/build-schema";
import { queryCost } from "../src/server/query-cost";
import { startTestHub, TestHub } from "./support/test-hub";

/**
 * Query limits under the default configuration: what the contract and README document passes at
 * `first: 100`; what can exhaust the hub (thousands of `_entities` representations with a nested
 * selection, an answer that grows past its budget) is refused with QUERY_TOO_COMPLEX before memory grows;
 * malformed representations and forged cursors are the caller's mistake (BAD_USER_INPUT), never a 500.
 */
const { logger, lines: logLines } = capturedLogger("info");

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ env: { LOG_LEVEL: "info" }, logger, transport: "http" });
});
afterAll(() => hub.stop());

const institutionId = async (code: string) => (await hub.db.dataSource.query(`SELECT id FROM institutions WHERE credit_code = $1`, [code]))[0].id as string;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Institution { name } ... on Agency { name } ... on Appraiser { name } } }`;

/** `appraisers { institution { appraisers { … } } }` nested to the depth limit (10). */
function nestedAppraisers(levels: number): string {
  let selection = "name";
  for (let i = 0; i < levels; i++) selection = i % 2 === 0 ? `appraisers { ${selection} }` : `institution { ${selection} }`;
  return selection;
}

describe("federation representations", () => {
  it("refuses 12,000 representations with a deep nested selection at once, with a coded error", async () => {
    const id = await institutionId("52411500MJY123458K");
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { ${nestedAppraisers(7)} } } }`;
    const body = JSON.stringify({ query, variables: { r: Array.from({ length: 12_000 }, () => ({ __typename: "Institution", id })) } });
    expect(body.length).toBeGreaterThan(500_000);
    const started = Date.now();
    const res = await fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const json = (await res.json()) as any;
    expect(res.status).toBe(400);
    expect(json).toEqual({ errors: [{ message: expect.stringMatching(/At most 200 entity representations/), extensions: { code: "QUERY_TOO_COMPLEX" } }] });
    // A refusal, not a computation: it comes back in well under the time one such answer took (87 s).
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  });

  it("costs every representation: 200 of them with a deep nested selection are refused, 200 with a flat one pass", async () => {
    const id = await institutionId("52411500MJY123458K");
    const representations = Array.from({ length: 200 }, () => ({ __typename: "Institution", id }));
    const deep = await hub.graphql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { ${nestedAppraisers(7)} } } }`, { variables: { r: representations } });
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Query cost limit/), extensions: { code: "QUERY_TOO_COMPLEX" } });
    const flat = await hub.graphql(ENTITIES, { variables: { r: representations } });
    expect(flat.body.errors).toBeUndefined();
    expect(flat.body.data._entities).toHaveLength(200);
    const over = await hub.graphql(ENTITIES, { variables: { r: [...representations, representations[0]] } });
    expect(over.body.errors?.[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
  });

  it("counts representations given as a variable's default value", async () => {
    const id = await institutionId("91411502MA4X7Q1R0F");
    const defaults = Array.from({ length: 30 }, () => `{ __typename: "Institution", id: "${id}" }`).join(", ");
    const res = await hub.graphql(`query($r: [_Any!]! = [${defaults}]) { _entities(representations: $r) { ... on Institution { ${nestedAppraisers(7)} } } }`);
    expect(res.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Query cost limit/), extensions: { code: "QUERY_TOO_COMPLEX" } });
  });

  it("answers BAD_USER_INPUT for each malformed representation at its own position, resolves the rest, and logs no error", async () => {
    const id = await institutionId("91411502MA4X7Q1R0F");
    logLines.length = 0;
    const res = await hub.graphql(ENTITIES, {
      variables: {
        r: [
          { __typename: "Institution", id },
          { id },
          { __typename: "StatBreakdown", key: "x" },
          { __typename: "Agency" },
          { __typename: "Institution", creditCode: 42 },
          { __typename: "Agency", code: "XY-COURT" },
          { __typename: "Institution", id: "not-a-uuid" },
          { __typename: "Institution", creditCode: "\u0000" },
          { __typename: "Institution", id: 42, creditCode: "91411502MA4X7Q1R0F" },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data._entities).toEqual([{ __typename: "Institution", name: expect.any(String) }, null, null, null, null, { __typename: "Agency", name: "信阳市中级人民法院" }, null, null, null]);
    const byIndex = Object.fromEntries((res.body.errors ?? []).map((e) => [e.path?.[1], e.extensions]));
    expect(byIndex).toEqual({
      1: { code: "BAD_USER_INPUT", field: "representations[1]" },
      2: { code: "BAD_USER_INPUT", field: "representations[2]" },
      3: { code: "BAD_USER_INPUT", field: "representations[3]" },
      4: { code: "BAD_USER_INPUT", field: "representations[4]" },
      7: { code: "BAD_USER_INPUT", field: "representations[7]" },
      8: { code: "BAD_USER_INPUT", field: "representations[8]" },
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(logLines.filter((line) => /"level":(50|60)|"level":"(error|fatal)"/.test(line))).toEqual([]);
  });
});

describe("a forged cursor", () => {
  const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString("base64url");
  // base64url of ["x","y"]: well-formed, but not a key any list gave out.
  const FORGED = "WyJ4IiwieSJd";
  const ID = "00000000-0000-4000-8000-000000000000";
  // Shaped like a real key, with a value PostgreSQL refuses: a NUL in text.
  const NUL = cursor(["\u0000", ID]);
  const lists = [
    "agencies",
    "institutions",
    "appraisers",
    "appraisalCases",
    "caseFeedbacks",
    "collaborationRecords",
    "creditRecords",
    "supervisionRecords",
    "abnormalPatentBatches",
    "abnormalPatentItems",
    "custodyTrademarks",
    "trademarkAlerts",
    "auditEvents",
  ];
  it.each(lists)("answers BAD_USER_INPUT on %s", async (list) => {
    for (const after of [FORGED, NUL]) {
      const res = await hub.graphql(`query($after: String) { ${list}(after: $after) { totalCount } }`, { as: "HA-AMR", variables: { after } });
      expect([after, res.body.errors?.[0].extensions]).toEqual([after, { code: "BAD_USER_INPUT", field: "after" }]);
    }
  });
});

describe("the pages the contract and README document pass at first: 100 under the default limits", () => {
  const pages: Array<[string, string, string]> = [
    [
      "a court's directory page with appraisers, credentials and feedback summaries",
      "XY-COURT",
      `{ institutions(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name creditCode regionCode address legalRepresentative contactPhone
          technicalFields listingStatus listingLevel listedAt grade creditGrade creditGradeWhy listedOnEntrustDate: listingStatusOn(date: "2024-03-15")
          listingHistory { toStatus reason decisionDocNo effectiveOn }
          feedbackSummary { count averages { timeliness professionalism reportQuality conduct courtPerformance } adoptionRate complaintsLast12Months }
          appraisers { id name idNumber phone technicalFields status creditGrade titles { title level } qualifications { kind certificateNo validUntil }
            feedbackSummary { count averages { professionalism } adoptionRate complaintsLast12Months } } } } } }`,
    ],
    [
      "a bureau's appraiser page",
      "XY-AMR",
      `{ appraisers(first: 100) { totalCount edges { node { id name idNumber phone technicalFields status creditGrade titles { title level }
          qualifications { kind certificateNo validUntil } institution { name creditCode listingStatus } feedbackSummary { count adoptionRate } } } } }`,
    ],
    [
      "a court's case page with history and deadlines",
      "XY-COURT",
      `{ appraisalCases(first: 100) { totalCount edges { node { id agencyCaseNo status technicalField matter entrustedOn acceptedOn issuedOn version
          institution { name creditCode } history { action actorAgencyCode occurredOn } deadlines { acceptBy completeBy clockPaused overdue } } } } }`,
    ],
  ];
  it.each(pages)("%s", async (_label, as, query) => {
    const res = await hub.graphql(query, { as });
    expect(res.body.errors).toBeUndefined();
  });

  it("still refuses an alias flood and deep nesting", async () => {
    const aliases = await hub.graphql(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: institutions(first: 100) { totalCount }`).join(" ")} }`);
    expect(aliases.body.errors?.[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
    const deep = await hub.graphql(`{ institutions { edges { node { ${nestedAppraisers(9)} } } } }`);
    expect(deep.body.errors?.[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
  });
});

describe("a cursor with a day that does not exist", () => {
  const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString("base64url");
  const ID = "00000000-0000-4000-8000-000000000000";
  it.each([
    ["creditRecords", cursor(["2024-02-30", ID])],
    ["appraisalCases", cursor(["2025-13-01", ID])],
    ["caseFeedbacks", cursor(["2024-02-30T08:00:00.000Z", ID])],
  ])("answers BAD_USER_INPUT on %s", async (list, after) => {
    const res = await hub.graphql(`query($after: String) { ${list}(after: $after) { totalCount } }`, { as: "HA-AMR", variables: { after } });
    expect(res.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("a document built to make the estimate itself slow", () => {
  it("costs 40 levels of fragments, each spread twice, at once", async () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(" ");
    const started = Date.now();
    const res = await hub.graphql(`query { ...F0 } ${fragments} fragment F40 on Query { me { anonymous } }`);
    expect(res.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Query cost limit/), extensions: { code: "QUERY_TOO_COMPLEX" } });
    // 2^40 expansions would never finish; each fragment is walked once.
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("the cost model", () => {
  const costOf = async (query: string, variables: Record<string, unknown> = {}) => {
    const { schema } = await hubSchema();
    const document = parse(query);
    return queryCost(schema, document.definitions[0] as OperationDefinitionNode, {}, variables);
  };
  it("counts a connection's page from first (a variable too) as asked, and nested lists per parent", async () => {
    expect((await costOf(`{ institutions(first: 10) { edges { node { name } } } }`)).objects).toBe(1 + 10 + 10);
    // As a router's demand control counts it: the `first` asked for, though the list answers at most 100.
    expect((await costOf(`query($n: Int) { institutions(first: $n) { edges { node { name } } } }`, { n: 5000 })).objects).toBe(1 + 5000 + 5000);
    expect((await costOf(`{ institutions { edges { node { appraisers { name } } } } }`)).objects).toBe(1 + 20 + 20 + 20 * 5);
  });
});

describe("the answer's size while it is built", () => {
  let small: TestHub;
  beforeAll(async () => {
    small = await startTestHub({ env: { HUB_MAX_RESPONSE_VALUES: "1000", HUB_MAX_QUERY_COST: "10000000" } });
  });
  afterAll(() => small.stop());

  it("stops an answer that outgrows its budget and sends only the refusal", async () => {
    const fields = "id name idNumber technicalFields status creditGrade";
    const ok = await small.graphql(`{ appraisers(first: 10) { edges { node { ${fields} } } } }`, { as: "XY-AMR" });
    expect(ok.body.errors).toBeUndefined();
    const repeated = Array.from({ length: 20 }, (_, i) => `i${i}: institutions(first: 100) { edges { node { appraisers { ${fields} titles { title } } } } }`).join(" ");
    const res = await small.graphql(`{ ${repeated} }`, { as: "XY-AMR" });
    expect(res.body).toEqual({ errors: [{ message: expect.stringMatching(/more than 1000 values/), extensions: { code: "QUERY_TOO_COMPLEX" } }] });
    // Fields selected through a fragment count as much as fields written out.
    const viaFragment = await small.graphql(`{ i: institutions(first: 100) { edges { node { ...I } } } } fragment I on Institution { appraisers { ...A } } fragment A on Appraiser { ${fields} titles { title } }`, { as: "XY-AMR" });
    const written = await small.graphql(`{ i: institutions(first: 100) { edges { node { appraisers { ${fields} titles { title } } } } } }`, { as: "XY-AMR" });
    expect(viaFragment.body.errors?.[0]?.extensions.code ?? "ok").toBe(written.body.errors?.[0]?.extensions.code ?? "ok");
  });
});

describe("the work executing at once", () => {
  let narrow: TestHub;
  beforeAll(async () => {
    // Room for one directory page at a time (a page of 100 with appraisers costs over 1,000).
    narrow = await startTestHub({ env: { HUB_COST_IN_FLIGHT: "1000", HUB_QUEUE_WAIT_MS: "20000" }, transport: "http" });
  });
  afterAll(() => narrow.stop());

  const page = `{ institutions(first: 100) { edges { node { name appraisers { name } } } } }`;

  it("runs operations beyond the gate's room one after another, answers them all, and frees the room each held", async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => narrow.graphql(page, { as: "XY-COURT" })));
    for (const answer of answers) expect(answer.body.errors).toBeUndefined();
    // Refused operations free their room too: one over the cost limit, one refused by the policy.
    expect((await narrow.graphql(`query($n: Int) { institutions(first: $n) { edges { node { name } } } }`, { as: "XY-COURT", variables: { n: 50_000 } })).body.errors![0].extensions.code).toBe("QUERY_TOO_COMPLEX");
    expect((await narrow.graphql(`{ verifyAuditChain { ok } }`, { as: "XY-COURT" })).body.errors![0].extensions.code).toBe("FORBIDDEN");
    // Had any of them kept its room, this one would wait until the queue gives up (20 s).
    const started = Date.now();
    expect((await narrow.graphql(page, { as: "XY-COURT" })).body.errors).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
