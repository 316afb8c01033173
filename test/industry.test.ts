import { startTestHub, TestHub } from "./support/test-hub";
import { creditCodeFor, registerInstitution } from "./support/directory";
import { graphql } from "./gql";

/** The industry dimension of special statistics (专项统计): GB/T 4754 sections on institutions and cases. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const ENTRUST = graphql(`mutation IndustryEntrust($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { replayed appraisalCase { id industrySection } } }`);
const STATS = graphql(`query IndustryStatistics($region: String) { statistics(regionCode: $region) {
  directory { institutionsByIndustry { cells { key label value } } }
  cases { entrustedByIndustry { cells { key label value } } }
} }`);
const cellsOf = (cells: Array<{ key: string; label: string; value?: number | null }>) => Object.fromEntries(cells.map((c) => [c.key, c.value]));

describe("industries", () => {
  it("records the industries an institution serves, filters by them, and refuses a section GB/T 4754 lacks", async () => {
    const code = creditCodeFor("411502", 95_001);
    const created = await registerInstitution(hub, "XY-AMR", { name: "行业测试机构", creditCode: code, regionCode: "411502", industrySections: ["C", "M"] });
    expect(created.body.errors).toBeUndefined();
    const IN_INDUSTRY = graphql(`query IndustryInstitutions($s: IndustrySection) { institutions(filter: { industrySection: $s }, first: 100) { edges { node { creditCode industrySections } } } }`);
    const manufacturing = (await hub.data(IN_INDUSTRY, { as: "XY-AMR", variables: { s: "C" } })).institutions!.edges.map((e) => e.node);
    expect(manufacturing).toContainEqual({ creditCode: code, industrySections: ["C", "M"] });
    expect((await hub.data(IN_INDUSTRY, { as: "XY-AMR", variables: { s: "J" } })).institutions!.edges.map((e) => e.node.creditCode)).not.toContain(code);
    const bad = await registerInstitution(hub, "XY-AMR", { name: "行业错误", creditCode: creditCodeFor("411502", 95_002), regionCode: "411502", industrySections: ["Z" as never] });
    expect(bad.body.errors?.[0].extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it("records the industry of a case's matter, and a retry with another industry is another request", async () => {
    const zhongyuan = (await hub.db.dataSource.query(`SELECT id FROM institutions WHERE credit_code = '91411500MA9F3K2L21'`))[0].id;
    const input = { idempotencyKey: "industry-case", agencyCaseNo: "(2026)豫15知民初901号", institutionId: zhongyuan, technicalField: "PATENT" as const, matter: "专利侵权比对", subject: "涉案数控机床", industrySection: "C" as const };
    const created = await hub.data(ENTRUST, { as: "XY-COURT", variables: { input } });
    expect(created.entrustAppraisal!.appraisalCase.industrySection).toBe("C");
    const other = await hub.graphql(ENTRUST, { as: "XY-COURT", variables: { input: { ...input, industrySection: "I" } } });
    expect(other.body.errors?.[0].extensions.code).toBe("CONFLICT");
  });

  it("breaks statistics down by industry with the sections' Chinese names, the demo's among them", async () => {
    const stats = (await hub.data(STATS, { as: "XY-AMR", variables: { region: "411500" } })).statistics!;
    const institutions = stats.directory!.institutionsByIndustry.cells;
    expect(institutions).toHaveLength(20);
    expect(institutions.find((c) => c.key === "C")).toMatchObject({ label: "制造业" });
    // 信阳中原 (listed) serves C and I; 信阳茶都 (listed) A and F.
    expect(cellsOf(institutions)).toMatchObject({ C: 1, I: 1, A: 1, F: 1, M: 0 });
    const cases = stats.cases!.entrustedByIndustry.cells;
    expect(cases.map((c) => c.key)).toEqual([..."ABCDEFGHIJKLMNOPQRST", "NONE"]);
    expect(cases.find((c) => c.key === "NONE")!.label).toBe("未填写");
    expect(cellsOf(cases).C).toBeGreaterThanOrEqual(1);
  });
});
