import { parse, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { queryCounter } from "../../src/db/data-source";
import { queryCost } from "../../src/server/query-cost";
import { creditCodeFor } from "../support/directory";
import { changesSince, ledger, leaks } from "../support/hostile";
import { startTestHub, TestHub } from "../support/test-hub";

/**
 * Hostile federation references (issue 15): `_entities` is open to every caller, as a gateway forwards
 * anyone's request, so each representation must be judged like the query that would find the record.
 *
 * - A record hidden from the caller answers `null` at its position, exactly as a record that does not exist
 *   (no FORBIDDEN, no error that would tell the two apart), even when the selection names protected fields.
 * - A malformed representation answers BAD_USER_INPUT at its own position (`representations[i]`), never a 500.
 * - Too many representations answer QUERY_TOO_COMPLEX (HTTP 400), and a nested selection is costed once per
 *   representation, before any SQL runs.
 * All of it is a read: the audit trail gains nothing.
 */
let hub: TestHub;
const ids: Record<string, string> = {};
const NOBODY = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  hub = await startTestHub({ transport: "http" });
  const one = async (sql: string, params: unknown[]) => ((await hub.db.dataSource.query(sql, params)) as Array<{ id: string }>)[0].id;
  const institution = (creditCode: string) => one(`SELECT id FROM institutions WHERE credit_code = $1`, [creditCode]);
  ids.zyjd = await institution("91411500MA9F3K2L21"); // 信阳中原: listed
  ids.hxjd = await institution("91410700MA9G0T8C63"); // 新乡华信: listed
  ids.underReview = await institution("91410702MA46HX8T1F"); // 新乡: under review
  ids.recommended = await institution("91411525MA47GT3K2G"); // 固始: recommended
  ids.removed = await institution("91410783MA3W5N6P4P"); // 长垣 (新乡): removed
  ids.suspended = await institution("52411500MJY123458K"); // 信阳: suspended
  ids.xuMing = await one(`SELECT id FROM appraisers WHERE name = $1`, ["徐明"]); // of the removed 长垣 institution
  ids.zhaoLei = await one(`SELECT id FROM appraisers WHERE name = $1`, ["赵磊"]); // of 新乡华信
  ids.courtCase = await one(`SELECT id FROM appraisal_cases WHERE agency_case_no = $1`, ["(2024)豫15知民初32号"]);
}, 60_000);
afterAll(() => hub?.stop());

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Institution { id name creditCode listingStatus } ... on Appraiser { id name } ... on Agency { code name } } }`;
/** The same, also naming fields only some agencies may read. */
const PROTECTED = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Institution { id name contactPhone legalRepresentative listingHistory { reason } } ... on Appraiser { id name idNumber phone qualifications { certificateNo } } } }`;

type Representation = unknown;
const institution = (key: "id" | "creditCode", value: string) => ({ __typename: "Institution", [key]: value });

interface Caller {
  as?: string;
  scopes?: string[];
  headers?: Record<string, string>;
}

async function entities(query: string, representations: Representation[], caller: Caller = {}) {
  return hub.graphql(query, { as: caller.as, scopes: caller.scopes, headers: caller.headers, variables: { r: representations } });
}

describe("hidden records answer null, exactly as records that do not exist, and leave no trace", () => {
  const cases: Array<{ name: string; caller: Caller; hidden: () => Representation; absent: () => Representation; query?: string }> = [
    { name: "a 新乡 institution under review, by id, for a court", caller: { as: "XY-COURT" }, hidden: () => institution("id", ids.underReview), absent: () => institution("id", NOBODY) },
    { name: "a 新乡 institution under review, by credit code, for a court", caller: { as: "XX-COURT" }, hidden: () => institution("creditCode", "91410702MA46HX8T1F"), absent: () => institution("creditCode", creditCodeFor("410702", 4_242)) },
    { name: "a 新乡 institution under review, for another city's bureau", caller: { as: "XY-AMR" }, hidden: () => institution("id", ids.underReview), absent: () => institution("id", NOBODY) },
    { name: "a 新乡 institution under review, for the public, protected fields selected", caller: {}, hidden: () => institution("id", ids.underReview), absent: () => institution("id", NOBODY), query: PROTECTED },
    { name: "a recommended 固始 institution, for the police of 固始's city", caller: { as: "XY-PSB" }, hidden: () => institution("id", ids.recommended), absent: () => institution("id", NOBODY) },
    { name: "a recommended 固始 institution, for an institution's own system", caller: { as: "XY-ZYJD" }, hidden: () => institution("creditCode", "91411525MA47GT3K2G"), absent: () => institution("creditCode", creditCodeFor("411525", 4_243)) },
    { name: "a removed 新乡 institution, for the public", caller: {}, hidden: () => institution("id", ids.removed), absent: () => institution("id", NOBODY) },
    { name: "a removed 新乡 institution, for 信阳's bureau, protected fields selected", caller: { as: "XY-AMR" }, hidden: () => institution("id", ids.removed), absent: () => institution("id", NOBODY), query: PROTECTED },
    { name: "a suspended 信阳 institution, for 新乡's bureau", caller: { as: "XX-AMR" }, hidden: () => institution("id", ids.suspended), absent: () => institution("id", NOBODY) },
    { name: "an appraiser of the removed institution, for 信阳's bureau", caller: { as: "XY-AMR" }, hidden: () => ({ __typename: "Appraiser", id: ids.xuMing }), absent: () => ({ __typename: "Appraiser", id: NOBODY }) },
    {
      name: "an appraiser of the removed institution, for 信阳's bureau with pii:read and a case reference, ID number selected",
      caller: { as: "XY-AMR", scopes: ["pii:read"], headers: { "x-case-ref": encodeURIComponent("(2025)信市监案001号") } },
      hidden: () => ({ __typename: "Appraiser", id: ids.xuMing }),
      absent: () => ({ __typename: "Appraiser", id: NOBODY }),
      query: PROTECTED,
    },
    { name: "an appraiser of the removed institution, for the public", caller: {}, hidden: () => ({ __typename: "Appraiser", id: ids.xuMing }), absent: () => ({ __typename: "Appraiser", id: NOBODY }), query: PROTECTED },
  ];

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const query = c.query ?? ENTITIES;
    const before = await ledger(hub, []);
    const hidden = await entities(query, [c.hidden()], c.caller);
    const absent = await entities(query, [c.absent()], c.caller);
    expect(hidden.status).toBe(200);
    expect(hidden.body.data).toEqual({ _entities: [null] });
    expect(hidden.body.errors).toBeUndefined();
    expect({ status: absent.status, data: absent.body.data, errors: absent.body.errors }).toEqual({ status: hidden.status, data: hidden.body.data, errors: hidden.body.errors });
    expect(await changesSince(hub, before)).toEqual({ rows: {}, audit: [] });
  });

  it("answers the records a caller may see beside the hidden ones, each at its position (control)", async () => {
    const res = await entities(ENTITIES, [institution("id", ids.underReview), institution("id", ids.zyjd), institution("id", ids.removed), { __typename: "Agency", code: "XY-COURT" }], { as: "XY-AMR" });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data._entities).toEqual([
      null,
      { __typename: "Institution", id: ids.zyjd, name: expect.any(String), creditCode: "91411500MA9F3K2L21", listingStatus: "LISTED" },
      null,
      { __typename: "Agency", code: "XY-COURT", name: "信阳市中级人民法院" },
    ]);
    // The same records are there for those who may see them.
    const bureau = await entities(ENTITIES, [institution("id", ids.underReview), institution("id", ids.removed)], { as: "XX-AMR" });
    expect(bureau.body.data._entities.map((e: { id: string } | null) => e?.id)).toEqual([ids.underReview, ids.removed]);
  });

  it("answers a protected field of a visible record with FORBIDDEN on that field's path only (control)", async () => {
    const res = await entities(PROTECTED, [institution("id", ids.zyjd)]);
    expect(res.body.data._entities[0]).toMatchObject({ id: ids.zyjd, contactPhone: null, legalRepresentative: null, listingHistory: null });
    expect(res.body.errors?.map((e) => [e.path?.join("."), e.extensions.code]).sort()).toEqual([
      ["_entities.0.contactPhone", "FORBIDDEN"],
      ["_entities.0.legalRepresentative", "FORBIDDEN"],
      ["_entities.0.listingHistory", "FORBIDDEN"],
    ]);
  });
});

describe("malformed representations: BAD_USER_INPUT at their position, the rest resolved", () => {
  const cases: Array<[string, () => Representation]> = [
    ["an Institution without id or creditCode", () => ({ __typename: "Institution" })],
    ["an Institution with only a name", () => ({ __typename: "Institution", name: "信阳中原知识产权司法鉴定中心" })],
    ["an Agency without code", () => ({ __typename: "Agency", id: NOBODY })],
    ["an Appraiser keyed by name", () => ({ __typename: "Appraiser", name: "徐明" })],
    ["no __typename", () => ({ id: ids.zyjd })],
    ["__typename a number", () => ({ __typename: 7, id: ids.zyjd })],
    ["__typename of a type that is not an entity (CaseEvent, with another agency's case id)", () => ({ __typename: "CaseEvent", id: ids.courtCase })],
    ["__typename of a type that is not an entity (CaseEvent, an id that does not exist)", () => ({ __typename: "CaseEvent", id: NOBODY })],
    ["__typename AuditEvent", () => ({ __typename: "AuditEvent", seq: "1" })],
    ["__typename Query", () => ({ __typename: "Query" })],
    ["__typename __proto__", () => JSON.parse(`{ "__typename": "__proto__", "id": "${NOBODY}" }`)],
    ["__typename constructor", () => ({ __typename: "constructor", id: NOBODY })],
    ["__typename in lower case (institution)", () => ({ __typename: "institution", id: ids.zyjd })],
    ["an id that is a number", () => ({ __typename: "Institution", id: 42 })],
    ["a code that is a list", () => ({ __typename: "Agency", code: ["XY-COURT"] })],
    ["a code that is an object", () => ({ __typename: "Agency", code: { $ne: null } })],
    ["an empty code", () => ({ __typename: "Agency", code: "" })],
    ["a code of 201 characters", () => ({ __typename: "Agency", code: "X".repeat(201) })],
    ["a credit code with a NUL", () => ({ __typename: "Institution", creditCode: "91411500MA9F3K2L2\u0000" })],
    ["an id given as null", () => ({ __typename: "Appraiser", id: null })],
    ["a key hidden in __proto__", () => JSON.parse(`{ "__typename": "Institution", "__proto__": { "id": "${ids.zyjd}" } }`)],
    ["a string instead of an object", () => "Institution"],
    ["a number instead of an object", () => 42],
    ["a list instead of an object", () => [{ __typename: "Institution", id: ids.zyjd }]],
    ["true instead of an object", () => true],
  ];

  it.each(cases)("%s", async (_name, bad) => {
    const before = await ledger(hub, []);
    const res = await entities(ENTITIES, [{ __typename: "Agency", code: "XY-COURT" }, bad(), institution("id", ids.zyjd)], { as: "XY-COURT" });
    expect(res.status).toBe(200);
    expect(res.body.data._entities).toEqual([{ __typename: "Agency", code: "XY-COURT", name: "信阳市中级人民法院" }, null, expect.objectContaining({ id: ids.zyjd })]);
    expect(res.body.errors).toEqual([{ message: expect.stringMatching(/^representations\[1\] /), path: ["_entities", 1], locations: expect.anything(), extensions: { code: "BAD_USER_INPUT", field: "representations[1]" } }]);
    expect(leaks(res.body, { secrets: [ids.courtCase] })).toEqual([]);
    expect(await changesSince(hub, before)).toEqual({ rows: {}, audit: [] });
  });

  it("tells a case that exists from one that does not in no way (the same answer for both)", async () => {
    const [exists, absent] = await Promise.all([ids.courtCase, NOBODY].map((id) => entities(ENTITIES, [{ __typename: "AppraisalCase", id }], { as: "XX-COURT" })));
    expect(exists.body.errors).toEqual(absent.body.errors);
    expect(exists.body.data).toEqual(absent.body.data);
  });

  it.each([
    ["a wrong key, an id that is not a UUID", institution("id", "not-a-uuid")],
    ["SQL in a code", { __typename: "Agency", code: "XY-COURT' OR '1'='1" }],
    ["SQL in a credit code", institution("creditCode", "' OR 1=1 --")],
  ])("answers null, as for a record that does not exist, for %s", async (_name, representation) => {
    const res = await entities(ENTITIES, [representation], { as: "HA-AMR" });
    expect([res.status, res.body.data, res.body.errors]).toEqual([200, { _entities: [null] }, undefined]);
  });

  it("refuses a null representation as a variable of the wrong type (400 BAD_USER_INPUT), with no data", async () => {
    const res = await entities(ENTITIES, [institution("id", ids.zyjd), null]);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.map((e) => e.extensions.code)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("too many representations, and nested selections costed per representation: QUERY_TOO_COMPLEX before any SQL", () => {
  const agencies = (n: number) => Array.from({ length: n }, () => ({ __typename: "Agency", code: "XY-COURT" }));
  /** `appraisers { institution { appraisers { … } } }`, `levels` deep. */
  const nested = (levels: number) => {
    let selection = "name";
    for (let i = 0; i < levels; i++) selection = i % 2 === 0 ? `appraisers { ${selection} }` : `institution { ${selection} }`;
    return selection;
  };
  const NESTED = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { ${nested(5)} } } }`;
  /** What one representation with NESTED's selection costs, by the hub's own estimate. */
  const perRepresentation = () => {
    const document = parse(NESTED);
    const fragments = {} as Record<string, FragmentDefinitionNode>;
    const one = queryCost(hub.hub.schema.schema, document.definitions[0] as OperationDefinitionNode, fragments, { r: [institution("id", NOBODY)] });
    return one.objects;
  };
  const maxCost = () => hub.config.graphql.maxCost;

  /** Statements the request ran, with its answer. */
  async function counted(send: () => Promise<{ status: number; body: any }>) {
    await hub.hub.deps.trail.flush();
    const counter = queryCounter(hub.db.dataSource);
    const before = counter.count;
    const res = await send();
    return { res, statements: counter.count - before };
  }

  const refused: Array<[string, () => Promise<{ status: number; body: any }>, RegExp]> = [
    ["201 representations", () => entities(ENTITIES, agencies(201)), /At most 200 entity representations/],
    ["10,000 representations", () => entities(ENTITIES, agencies(10_000)), /At most 200 entity representations/],
    ["150 + 150 in two aliased _entities fields", () => hub.graphql(`query($a: [_Any!]!, $b: [_Any!]!) { x: _entities(representations: $a) { __typename } y: _entities(representations: $b) { __typename } }`, { variables: { a: agencies(150), b: agencies(150) } }), /At most 200 entity representations/],
    ["201 written inline in the document", () => hub.graphql(`{ _entities(representations: [${Array.from({ length: 201 }, () => `{__typename:"Agency"}`).join(",")}]) { __typename } }`), /At most 200 entity representations/],
    ["201 in a variable's default value", () => hub.graphql(`query($r: [_Any!]! = [${Array.from({ length: 201 }, () => `{__typename:"Agency"}`).join(",")}]) { _entities(representations: $r) { __typename } }`), /At most 200 entity representations/],
    ["a nested selection on one representation more than the cost limit allows", () => entities(NESTED, Array.from({ length: Math.floor(maxCost() / perRepresentation()) + 1 }, () => institution("id", ids.zyjd))), /Query cost limit/],
    ["a nested selection on 200 representations of malformed keys (costed all the same)", () => entities(NESTED, Array.from({ length: 200 }, () => ({ __typename: "Institution" }))), /Query cost limit/],
  ];

  it.each(refused)("refuses %s", async (_name, send, message) => {
    const before = await ledger(hub, []);
    const { res, statements } = await counted(send);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: [{ message: expect.stringMatching(message), extensions: { code: "QUERY_TOO_COMPLEX" } }] });
    // The public's request: no registry lookup, so any statement would be the refused query running.
    expect(statements).toBe(0);
    expect(await changesSince(hub, before)).toEqual({ rows: {}, audit: [] });
  });

  it("answers 200 representations, and as many nested ones as the cost limit allows (the boundaries)", async () => {
    const flat = await entities(ENTITIES, agencies(200));
    expect([flat.status, flat.body.errors, flat.body.data._entities.length]).toEqual([200, undefined, 200]);
    const fits = Math.floor(maxCost() / perRepresentation());
    expect(fits).toBeGreaterThan(1);
    expect(fits).toBeLessThan(200);
    const nested = await entities(NESTED, Array.from({ length: fits }, () => institution("id", ids.hxjd)));
    expect([nested.status, nested.body.errors, nested.body.data._entities.length]).toEqual([200, undefined, fits]);
  });
});
