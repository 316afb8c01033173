import { personalDataIn } from "../src/domain/personal-data-in-text";
import { startTestHub, TestHub } from "./support/test-hub";

/**
 * 知识产权鉴定应用案例库 (issue 18): a bureau or association publishes a closed case as typical, de-identified by
 * rule; everyone reads the library; the institution is named only while it is listed.
 */
describe("the de-identification rule", () => {
  const known = { names: ["张伟", "王建国"], numbers: ["(2024)豫15知民初32号", "中原知鉴〔2024〕第015号"] };
  it.each([
    ["an ID number", "当事人身份证号411502198001011232", "ID_NUMBER"],
    ["an ID number written with spaces", "证件号 411502 19800101 1232", "ID_NUMBER"],
    ["a mobile number", "联系电话139-1234-5678", "PHONE"],
    ["a fixed line", "电话0376-6221234", "PHONE"],
    ["a party's credit code", "被告91411500MA9F3K2L21公司", "CREDIT_CODE"],
    ["a court case number", "见（２０２５）豫15知民初101号判决", "CASE_NUMBER"],
    ["a police case number", "信公经立字〔2025〕018号案", "CASE_NUMBER"],
    ["the case's own opinion number", "意见书中原知鉴 〔2024〕第015号", "CASE_NUMBER"],
    ["an appraiser of the case", "鉴定人张伟出庭", "NAME"],
    ["the institution's representative", "王 建国签发", "NAME"],
  ])("finds %s", (_what, text, kind) => {
    expect(personalDataIn(text, known)?.kind).toBe(kind);
  });
  it.each([
    ["a patent number", "ZL202010123456.7号发明专利"],
    ["a standard", "依据GB/T 45563.2—2025开展比对"],
    ["dates and amounts", "2024年3月15日委托，涉案金额120万元"],
    ["de-identified names", "鉴定人张某、当事人某公司"],
  ])("lets %s through", (_what, text) => {
    expect(personalDataIn(text, known)).toBeNull();
  });
});

describe("the case library", () => {
  let hub: TestHub;
  let courtCase: string;
  let policeCase: string;
  beforeAll(async () => {
    hub = await startTestHub();
    const one = async (no: string) => (await hub.db.dataSource.query(`SELECT id FROM appraisal_cases WHERE agency_case_no = $1`, [no]))[0].id as string;
    courtCase = await one("(2024)豫15知民初32号");
    policeCase = await one("信公经立字〔2025〕018号");
  }, 60_000);
  afterAll(() => hub?.stop());

  const PUBLISH = `mutation($id: ID!, $input: PublishTypicalCaseInput!) { publishTypicalCase(caseId: $id, input: $input) { typicalCase { id title technicalField matter } replayed } }`;
  const LIBRARY = `query($f: TypicalCaseFilter) { typicalCases(filter: $f, first: 10) { totalCount edges { node { title summary keyPoints technicalField matter publishedOn publishedByAgencyCode institution { name } standardsApplied { code } } } } }`;
  const clean = { title: "地理标志产品真伪鉴定", summary: "某公安机关查扣标注地理标志的茶叶，委托鉴定机构取样比对产地特征。", keyPoints: ["取样应全程留痕"], standardsApplied: [] as string[] };
  const errorOf = (res: { body: { errors?: Array<{ extensions: Record<string, unknown> }> } }) => res.body.errors?.[0]?.extensions;

  it("shows the demo's typical case to everyone, without a name or number of the case", async () => {
    const library = (await hub.graphql(LIBRARY)).body.data.typicalCases;
    expect(library.totalCount).toBe(1);
    const [typical] = library.edges.map((e: { node: unknown }) => e.node);
    expect(typical).toMatchObject({ technicalField: "PATENT", matter: "专利侵权比对", publishedByAgencyCode: "XY-AMR", institution: { name: "信阳中原知识产权鉴定中心" } });
    const text = JSON.stringify(typical);
    for (const secret of ["豫15知民初32号", "张伟", "李娜", "王建国", "中原知鉴"]) expect(text).not.toContain(secret);
    expect((await hub.graphql(LIBRARY, { variables: { f: { technicalField: "TRADEMARK" } } })).body.data.typicalCases.totalCount).toBe(0);
  });

  it("refuses a summary containing an ID number, and text naming the case's people or numbers, writing nothing", async () => {
    const before = await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM typical_cases`);
    const withId = await hub.graphql(PUBLISH, { as: "XY-AMR", variables: { id: courtCase, input: { ...clean, summary: "委托人身份证号411502198001011232。" } } });
    expect(errorOf(withId)).toEqual({ code: "BAD_USER_INPUT", field: "input.summary" });
    expect(withId.body.errors![0].message).toContain("ID number");
    const named = await hub.graphql(PUBLISH, { as: "XY-AMR", variables: { id: courtCase, input: { ...clean, title: "(2024)豫15知民初32号", keyPoints: ["鉴定人李娜出庭"] } } });
    expect((errorOf(named)!.problems as Array<{ field: string }>).map((p) => p.field)).toEqual(["input.title", "input.keyPoints.0"]);
    expect(await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM typical_cases`)).toEqual(before);
    // Once per case.
    expect(errorOf(await hub.graphql(PUBLISH, { as: "XY-AMR", variables: { id: courtCase, input: clean } }))).toEqual({ code: "CONFLICT", field: "caseId" });
  });

  it("publishes only closed cases of the publisher's jurisdiction, and names the institution only while it is listed", async () => {
    expect(errorOf(await hub.graphql(PUBLISH, { as: "XY-COURT", variables: { id: policeCase, input: clean } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await hub.graphql(PUBLISH, { as: "XX-AMR", variables: { id: policeCase, input: clean } }))).toMatchObject({ code: "NOT_FOUND" });
    const open = await hub.graphql(PUBLISH, { as: "XY-IPAA", variables: { id: policeCase, input: clean } });
    expect(errorOf(open)).toEqual({ code: "BAD_USER_INPUT", field: "caseId" });
    expect(open.body.errors![0].message).toContain("CLOSED");

    await hub.db.dataSource.query(`UPDATE appraisal_cases SET status = 'CLOSED' WHERE id = $1`, [policeCase]);
    // The matter is published as the case recorded it: one that names a person keeps the case out of the library.
    await hub.db.dataSource.query(`UPDATE appraisal_cases SET matter = '陈静经手的地理标志产品真伪鉴定' WHERE id = $1`, [policeCase]);
    expect(errorOf(await hub.graphql(PUBLISH, { as: "XY-IPAA", variables: { id: policeCase, input: clean } }))).toEqual({ code: "BAD_USER_INPUT", field: "caseId" });
    await hub.db.dataSource.query(`UPDATE appraisal_cases SET matter = '地理标志产品真伪鉴定' WHERE id = $1`, [policeCase]);
    const published = await hub.graphql(PUBLISH, { as: "XY-IPAA", variables: { id: policeCase, input: { ...clean, standardsApplied: ["GB/T 45563.2-2025"] } } });
    expect(published.body.errors).toBeUndefined();
    expect(published.body.data.publishTypicalCase.typicalCase).toMatchObject({ technicalField: "GEOGRAPHICAL_INDICATION", matter: "地理标志产品真伪鉴定" });

    const byMatter = async () => (await hub.graphql(LIBRARY, { variables: { f: { matter: "地理标志产品真伪鉴定" } } })).body.data.typicalCases.edges[0].node;
    expect(await byMatter()).toMatchObject({ institution: { name: "信阳茶都知识产权鉴定评估有限公司" }, standardsApplied: [{ code: "GB/T 45563.2—2025" }], publishedByAgencyCode: "XY-IPAA" });
    await hub.db.dataSource.query(`UPDATE institutions SET listing_status = 'SUSPENDED' WHERE credit_code = '91411502MA4X7Q1R0F'`);
    expect((await byMatter()).institution).toBeNull();
  });
});
