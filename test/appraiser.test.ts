import { startTestHub, TestHub } from "./support/test-hub";
import { idNumberFor } from "./support/directory";
import { graphql } from "./gql";
import type { AppraiserFilter, RegisterAppraiserInput } from "./gql/graphql";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const ZHANG_WEI = "411502198003121232";
const appraiserId = async (name: string) => (await hub.db.dataSource.query(`SELECT id FROM appraisers WHERE name = $1`, [name]))[0].id as string;
const institutionId = async (code: string) => (await hub.db.dataSource.query(`SELECT id FROM institutions WHERE credit_code = $1`, [code]))[0].id as string;
const REGISTER = graphql(`mutation AppraiserRegister($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { appraiser { id name version idNumber institution { name } } replayed } }`);
const UPDATE = graphql(`mutation AppraiserUpdate($id: ID!, $v: Int!, $input: UpdateAppraiserInput!) { updateAppraiser(id: $id, expectedVersion: $v, input: $input) { version institution { creditCode } practiceHistory { id kind endedOn institution { creditCode } } } }`);

/** What a pii:read caller is told in `extensions.disclosure` about values it got masked (see DisclosureNotes). */
type Disclosure = { masked: Array<{ reason: string; message: string; paths: Array<Array<string | number>> }> };
const disclosureOf = (res: { body: { extensions?: Record<string, unknown> } }) => res.body.extensions?.disclosure as Disclosure | undefined;

describe("personal information at rest", () => {
  it("keeps ID numbers and phones out of a database dump", async () => {
    const dump = JSON.stringify(await hub.db.dataSource.query(`SELECT * FROM appraisers`));
    expect(dump).not.toContain(ZHANG_WEI);
    expect(dump).not.toContain("13803761232");
    expect(dump).toContain("411502********1232");
  });
});

describe("who sees an appraiser's ID number and phone", () => {
  // 张伟 works at 信阳中原知识产权鉴定中心 (411500).
  const QUERY = graphql(`query AppraiserPii($id: ID!) { appraiser(id: $id) { name idNumber phone } }`);
  const caseRef = { "x-case-ref": encodeURIComponent("(2024)豫15知民初32号") };
  const cases: Array<[string, { as?: string; scopes?: string[]; headers?: Record<string, string> }, string | "FORBIDDEN", string | "FORBIDDEN"]> = [
    ["the anonymous public", {}, "FORBIDDEN", "FORBIDDEN"],
    ["a court in the same city", { as: "XY-COURT" }, "411502********1232", "138****1232"],
    ["a court in another city", { as: "XX-COURT" }, "411502********1232", "138****1232"],
    ["the police", { as: "GS-PSB" }, "411502********1232", "138****1232"],
    ["a procuratorate", { as: "XY-PROC" }, "411502********1232", "138****1232"],
    ["the bureau in jurisdiction without pii:read", { as: "XY-AMR", headers: caseRef }, "411502********1232", "13803761232"],
    ["the bureau in jurisdiction with pii:read but no case ref", { as: "XY-AMR", scopes: ["pii:read"] }, "411502********1232", "13803761232"],
    ["the bureau in jurisdiction with pii:read and a case ref", { as: "XY-AMR", scopes: ["pii:read"], headers: caseRef }, ZHANG_WEI, "13803761232"],
    ["the association in jurisdiction with pii:read and a case ref", { as: "XY-IPAA", scopes: ["pii:read"], headers: caseRef }, ZHANG_WEI, "13803761232"],
    ["the province bureau with pii:read and a case ref", { as: "HA-AMR", scopes: ["pii:read"], headers: caseRef }, ZHANG_WEI, "13803761232"],
    ["another city's bureau with pii:read and a case ref", { as: "XX-AMR", scopes: ["pii:read"], headers: caseRef }, "411502********1232", "138****1232"],
  ];

  it.each(cases)("%s", async (_label, options, idNumber, phone) => {
    const res = await hub.graphql(QUERY, { ...options, variables: { id: await appraiserId("张伟") } });
    expect(res.status).toBe(200);
    // Refused fields fail alone: the appraiser is answered beside their errors.
    const appraiser = res.body.data!.appraiser!;
    expect(appraiser.name).toBe("张伟");
    const errorAt = (field: string) => res.body.errors?.find((e) => e.path?.[1] === field)?.extensions.code;
    if (idNumber === "FORBIDDEN") expect([appraiser.idNumber, errorAt("idNumber")]).toEqual([null, "FORBIDDEN"]);
    else expect(appraiser.idNumber).toBe(idNumber);
    if (phone === "FORBIDDEN") expect([appraiser.phone, errorAt("phone")]).toEqual([null, "FORBIDDEN"]);
    else expect(appraiser.phone).toBe(phone);
  });

  it("audits each full read with the case reference, and each refused attempt", async () => {
    const id = await appraiserId("李娜");
    await hub.graphql(QUERY, { as: "XY-AMR", scopes: ["pii:read"], headers: { ...caseRef, "x-request-id": "pii-full-1" }, variables: { id } });
    await hub.graphql(QUERY, { as: "XX-AMR", scopes: ["pii:read"], headers: { ...caseRef, "x-request-id": "pii-denied-1" }, variables: { id } });
    await hub.hub.deps.trail.flush();
    const rows = await hub.db.dataSource.query(
      `SELECT request_id, agency_code, operation, outcome, case_ref FROM audit_events WHERE entity_id = $1 AND request_id IN ('pii-full-1', 'pii-denied-1') ORDER BY request_id, operation`,
      [id],
    );
    expect(rows).toEqual([
      { request_id: "pii-denied-1", agency_code: "XX-AMR", operation: "read:Appraiser.idNumber", outcome: "DENIED", case_ref: "(2024)豫15知民初32号" },
      { request_id: "pii-full-1", agency_code: "XY-AMR", operation: "read:Appraiser.idNumber", outcome: "SUCCESS", case_ref: "(2024)豫15知民初32号" },
      { request_id: "pii-full-1", agency_code: "XY-AMR", operation: "read:Appraiser.phone", outcome: "SUCCESS", case_ref: "(2024)豫15知民初32号" },
    ]);
  });
});

describe("what justifies a full ID number", () => {
  const QUERY = graphql(`query AppraiserIdNumber($id: ID!) { appraiser(id: $id) { idNumber } }`);
  const pii = { as: "XY-AMR", scopes: ["pii:read"] };
  const deniedWith = async (requestId: string) => {
    await hub.hub.deps.trail.flush();
    return hub.db.dataSource.query(`SELECT outcome, error_code, case_ref FROM audit_events WHERE request_id = $1 AND operation = 'read:Appraiser.idNumber'`, [requestId]);
  };

  // Blank once normalized: spaces, an ideographic space, a zero-width space, a tab; or invisible inside.
  it.each([
    ["two spaces", "%20%20"],
    ["an ideographic space", "%E3%80%80"],
    ["a zero-width space", "%E2%80%8B"],
    ["a Hangul filler, a letter that renders as nothing", "%E3%85%A4"],
    ["a halfwidth Hangul filler and a variation selector", "%EF%BE%A0%EF%B8%8F"],
    ["a no-break space and a zero-width joiner", "%C2%A0%E2%80%8D"],
    ["punctuation only", encodeURIComponent("（）-")],
    ["a zero-width space inside a case number", encodeURIComponent("(2024)豫15\u200b知民初32号")],
    ["a case number of 101 characters", encodeURIComponent("豫".repeat(101))],
    ["bytes that are not UTF-8", "%E3%80"],
  ])("masks the number and audits DENIED when X-Case-Ref is %s", async (label, header) => {
    const requestId = `caseref-${label.replace(/\W+/g, "-")}`;
    const res = await hub.graphql(QUERY, { ...pii, headers: { "x-case-ref": header, "x-request-id": requestId }, variables: { id: await appraiserId("张伟") } });
    expect(res.status).toBe(200);
    expect(res.body.data!.appraiser!.idNumber).toBe("411502********1232");
    expect(disclosureOf(res)!.masked).toEqual([expect.objectContaining({ reason: "CASE_REF_INVALID", paths: [["appraiser", "idNumber"]] })]);
    expect(await deniedWith(requestId)).toEqual([expect.objectContaining({ outcome: "DENIED", error_code: "CASE_REF_INVALID" })]);
  });

  it("accepts a case number with full-width brackets and surrounding spaces, and audits it trimmed", async () => {
    const res = await hub.graphql(QUERY, { ...pii, headers: { "x-case-ref": encodeURIComponent("\u3000（2024）豫15知民初32号 "), "x-request-id": "caseref-ok" }, variables: { id: await appraiserId("张伟") } });
    expect(res.body.data!.appraiser!.idNumber).toBe(ZHANG_WEI);
    expect(disclosureOf(res)).toBeUndefined();
    expect(await deniedWith("caseref-ok")).toEqual([{ outcome: "SUCCESS", error_code: null, case_ref: "（2024）豫15知民初32号" }]);
  });

  it("tells a pii:read caller without X-Case-Ref why the numbers are masked, without failing the field", async () => {
    const res = await hub.graphql(graphql(`query AppraiserListIdNumbers { appraisers(first: 100) { edges { node { name idNumber } } } }`), { ...pii, headers: { "x-request-id": "caseref-missing" } });
    expect(res.body.errors).toBeUndefined();
    const [note] = disclosureOf(res)!.masked;
    expect(note).toMatchObject({ reason: "CASE_REF_MISSING", message: expect.stringContaining("X-Case-Ref") });
    const zhang = res.body.data!.appraisers!.edges.findIndex((e) => e.node.name === "张伟");
    expect(note.paths).toContainEqual(["appraisers", "edges", zhang, "node", "idNumber"]);
    // Appraisers of another city are masked for another reason: they are outside the jurisdiction.
    expect(disclosureOf(res)!.masked.map((m) => m.reason).sort()).toEqual(["CASE_REF_MISSING", "OUT_OF_JURISDICTION"]);
    // A court (no pii:read) gets masked numbers as the deliberate outcome, with no note.
    expect((await hub.graphql(QUERY, { as: "XY-COURT", variables: { id: await appraiserId("张伟") } })).body.extensions?.disclosure).toBeUndefined();
  });

  it("masks the value when its audit entry cannot be written", async () => {
    const db = hub.db.dataSource;
    await db.query(`CREATE FUNCTION audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit offline'; END $$`);
    await db.query(`CREATE TRIGGER audit_refuse BEFORE INSERT ON audit_queue FOR EACH ROW EXECUTE FUNCTION audit_refuse()`);
    try {
      const res = await hub.graphql(graphql(`query AppraiserIdNumberAndPhone($id: ID!) { appraiser(id: $id) { idNumber phone } }`), { ...pii, headers: { "x-case-ref": "2024-32" }, variables: { id: await appraiserId("张伟") } });
      expect(res.body.data!.appraiser).toEqual({ idNumber: "411502********1232", phone: "138****1232" });
      expect(disclosureOf(res)!.masked).toEqual([expect.objectContaining({ reason: "AUDIT_UNAVAILABLE", paths: [["appraiser", "idNumber"], ["appraiser", "phone"]] })]);
    } finally {
      await db.query(`DROP TRIGGER audit_refuse ON audit_queue`);
      await db.query(`DROP FUNCTION audit_refuse()`);
    }
  });
});

describe("registering and editing appraisers", () => {
  it("registers an appraiser with a full-time post, and refuses the same ID number twice", async () => {
    const inst = await institutionId("91411502MA4X7Q1R0F");
    const idNumber = idNumberFor("411502", 1234);
    const input: RegisterAppraiserInput = { institutionId: inst, name: "测试鉴定人", idNumber, phone: "13912345678", technicalFields: ["TRADEMARK"], titles: [{ title: "工程师", level: "INTERMEDIATE" }] };
    const res = await hub.graphql(REGISTER, { as: "XY-AMR", variables: { input } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.registerAppraiser!.appraiser).toMatchObject({ name: "测试鉴定人", version: 1, idNumber: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`, institution: { name: "信阳茶都知识产权鉴定评估有限公司" } });
    const again = await hub.graphql(REGISTER, { as: "XY-AMR", variables: { input: { ...input, name: "换个名字" } } });
    expect(again.body.errors?.[0].extensions).toEqual({ code: "CONFLICT", field: "input.idNumber" });
  });

  it.each<[string, Partial<RegisterAppraiserInput>, string]>([
    ["a wrong check digit", { idNumber: "411502198003121231" }, "input.idNumber"],
    ["a birth date that does not exist", { idNumber: "411502198002301235" }, "input.idNumber"],
    ["a bad title level", { titles: [{ title: "工程师", level: "GURU" }] }, "input.titles.level"],
    ["a bad phone", { phone: "call me" }, "input.phone"],
  ])("refuses %s with BAD_USER_INPUT, naming the field and not the value", async (_label, override, field) => {
    const inst = await institutionId("91411502MA4X7Q1R0F");
    const input: RegisterAppraiserInput = { institutionId: inst, name: "坏输入", idNumber: idNumberFor("411502", 4321), technicalFields: ["TRADEMARK"], ...override };
    const res = await hub.graphql(REGISTER, { as: "XY-AMR", variables: { input } });
    expect(res.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field });
    expect(JSON.stringify(res.body)).not.toContain(String(override.idNumber ?? "no-id"));
  });

  it("refuses registration by a bureau outside the institution's region", async () => {
    const inst = await institutionId("91411502MA4X7Q1R0F");
    const res = await hub.graphql(REGISTER, { as: "XX-AMR", variables: { input: { institutionId: inst, name: "越权", idNumber: idNumberFor("410702", 77), technicalFields: ["PATENT"] } } });
    expect(res.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it("moves an appraiser to a new full-time post, ending the old one: at most one active full-time post", async () => {
    const id = await appraiserId("王强");
    const target = await institutionId("91411502MA4X7Q1R0F");
    const res = await hub.graphql(UPDATE, { as: "XY-AMR", variables: { id, v: 1, input: { newPost: { institutionId: target, kind: "FULL_TIME", startedOn: "2025-07-01" } } } });
    expect(res.body.errors).toBeUndefined();
    const moved = res.body.data!.updateAppraiser!;
    expect(moved.institution!.creditCode).toBe("91411502MA4X7Q1R0F");
    const active = moved.practiceHistory!.filter((p) => p.kind === "FULL_TIME" && p.endedOn === null);
    expect(active).toHaveLength(1);
    expect(moved.practiceHistory!.find((p) => p.endedOn === "2025-07-01")!.institution!.creditCode).toBe("91411500MA9F3K2L21");
    await expect(
      hub.db.dataSource.query(`INSERT INTO appraiser_practices (appraiser_id, institution_id, kind, started_on) VALUES ($1, $2, 'FULL_TIME', '2025-08-01')`, [id, target]),
    ).rejects.toThrow(/duplicate key|unique/);
  });

  it("moves status through its machine and refuses a move from a final state", async () => {
    const id = await appraiserId("徐明");
    const STATUS = graphql(`mutation AppraiserChangeStatus($id: ID!, $v: Int!, $to: AppraiserStatus!) { changeAppraiserStatus(id: $id, expectedVersion: $v, to: $to, reason: "执业检查") { status version } }`);
    const retired = await hub.graphql(STATUS, { as: "XX-AMR", variables: { id, v: 1, to: "RETIRED" } });
    expect(retired.body.data!.changeAppraiserStatus).toEqual({ status: "RETIRED", version: 2 });
    const back = await hub.graphql(STATUS, { as: "XX-AMR", variables: { id, v: 2, to: "ACTIVE" } });
    expect(back.body.errors?.[0].extensions.code).toBe("INVALID_STATE_TRANSITION");
  });
});

describe("the appraiser list", () => {
  it("filters by institution, region and field, and shows the public only appraisers of listed institutions", async () => {
    const names = async (filter: AppraiserFilter, as?: string) =>
      (await hub.data(graphql(`query AppraiserNames($f: AppraiserFilter) { appraisers(first: 100, filter: $f) { edges { node { name } } } }`), { as, variables: { f: filter } })).appraisers!.edges.map((e) => e.node.name);
    expect(await names({ technicalField: "IC_LAYOUT_DESIGN" })).toEqual(["赵磊"]);
    expect(await names({ institutionId: await institutionId("91410700MA9G0T8C63") })).toEqual(expect.arrayContaining(["赵磊", "周杰", "吴婷"]));
    const publicXinyang = await names({ regionCode: "411500" });
    expect(publicXinyang).not.toContain("刘洋"); // his institution is suspended
    expect(await names({ regionCode: "411500" }, "XY-COURT")).toContain("刘洋");
    expect(await names({ regionCode: "410700" }, "XY-AMR")).not.toContain("孙丽"); // under review, another city
    expect(await names({ regionCode: "410700" }, "XX-AMR")).toContain("孙丽");
  });
});
