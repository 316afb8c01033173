import ExcelJS from "exceljs";
import { startTestHub, TestHub } from "./support/test-hub";
import { graphql } from "./gql";

/** Every statistics table as one .xlsx: the same numbers as the query, hidden counts marked, not zeroed. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const WORKBOOK = graphql(`query StatisticsWorkbookFile($region: String) { statistics(regionCode: $region) {
  regionCode from to
  workbook { filename mediaType contentBase64 }
  directory { institutionsByStatus { label total cells { key label value } } appraisersByField { label cells { label value suppressed } } }
  cases { open overdue entrustedByMonth { label total } }
} }`);

async function read(as: string, region: string) {
  const stats = (await hub.data(WORKBOOK, { as, variables: { region } })).statistics!;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(stats.workbook!.contentBase64, "base64") as never);
  return { stats, workbook };
}
const rowsOf = (sheet: ExcelJS.Worksheet, from = 2) => sheet.getRows(from, sheet.rowCount - from + 1)!.map((r) => (r.values as unknown[]).slice(1));

describe("the statistics workbook", () => {
  it("holds the query's numbers, as numbers, one sheet per table with a frozen Chinese header", async () => {
    const { stats, workbook } = await read("XY-AMR", "411500");
    expect(stats.workbook).toMatchObject({ filename: `知识产权鉴定统计_411500_${stats.from}_${stats.to}.xlsx`, mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const byStatus = workbook.getWorksheet(stats.directory!.institutionsByStatus.label)!;
    expect(byStatus.getRow(1).values).toEqual([undefined, "项目", "代码", "数量", "已隐藏"]);
    expect(byStatus.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(rowsOf(byStatus).map((r) => [r[0], r[1] ?? null, r[2] ?? null])).toEqual([
      ...stats.directory!.institutionsByStatus.cells.map((c) => [c.label, c.key, c.value]),
      ["合计", null, stats.directory!.institutionsByStatus.total],
    ]);
    const summary = workbook.getWorksheet("概况")!;
    const figure = (name: string) => rowsOf(summary, 3).find((r) => r[0] === name)![1];
    expect([figure("在办案件"), figure("超期案件")]).toEqual([stats.cases!.open, stats.cases!.overdue]);
    const months = workbook.getWorksheet("各月委托（按委托机关）")!;
    expect(rowsOf(months).map((r) => r.at(-1))).toEqual(stats.cases!.entrustedByMonth.map((m) => m.total));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["非正常专利撤回率（按地区）", "协作流向", "委托案件涉案行业", "入库机构服务行业"]));
    expect(new Set(workbook.worksheets.map((w) => w.name)).size).toBe(workbook.worksheets.length);
  });

  it("marks what a court may not see as hidden, never as a number", async () => {
    const { stats, workbook } = await read("XY-COURT", "411500");
    const sheet = workbook.getWorksheet(stats.directory!.appraisersByField.label)!;
    const hidden = stats.directory!.appraisersByField.cells.filter((c) => c.suppressed).map((c) => c.label);
    expect(hidden.length).toBeGreaterThan(0);
    for (const row of rowsOf(sheet).filter((r) => hidden.includes(r[0] as string))) expect([row[2] ?? null, row[3]]).toEqual([null, "是"]);
  });

  it("is refused to whoever may not read the statistics", async () => {
    expect((await hub.graphql(WORKBOOK, { variables: { region: "411500" } })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    expect((await hub.graphql(WORKBOOK, { as: "XX-AMR", variables: { region: "411500" } })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });
});
