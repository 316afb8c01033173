import ExcelJS from "exceljs";
import { startTestHub, TestHub } from "./support/test-hub";
import { graphql } from "./gql";
import { todayInChina } from "../src/domain/local-date";

/** The monthly supervision report: the dashboard's numbers for the month, as .xlsx and as a page to print. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const month = todayInChina().slice(0, 7);
const from = `${month}-01`;
const REPORT = graphql(`query MonthlyReportFull($region: RegionCode, $month: String!) { monthlyReport(regionCode: $region, month: $month) {
  regionCode regionName month from to asOf
  cases { entrusted issued open overdue entrustedByAgencyKind { label cells { label value } } }
  feedback { count complaintsReceived }
  credit { determinationsBySeverity { label cells { key value } total } incentives { total } }
  clues { publicReports { label cells { key value } total } inspections { total } }
  abnormalPatents { from byRegion { label itemCount withdrawalRate } }
  xlsx { filename mediaType contentBase64 }
  html { filename mediaType contentBase64 }
} }`);
const DASHBOARD = graphql(`query MonthlyReportDashboard($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) {
  to cases { open overdue issued entrustedByAgencyKind { total cells { label value } } } feedback { count }
} }`);

async function sheetsOf(base64: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, "base64") as never);
  return workbook;
}

describe("the monthly report", () => {
  it("for 信阳 opens in a spreadsheet program with the numbers the dashboard shows for the month", async () => {
    const report = (await hub.data(REPORT, { as: "XY-AMR", variables: { region: "411500", month } })).monthlyReport!;
    const dashboard = (await hub.data(DASHBOARD, { as: "XY-AMR", variables: { region: "411500", from, to: report.to } })).statistics!;
    expect(report).toMatchObject({ regionCode: "411500", regionName: "信阳市", month, from });
    expect(report.cases).toMatchObject({ entrusted: dashboard.cases!.entrustedByAgencyKind.total, issued: dashboard.cases!.issued, open: dashboard.cases!.open, overdue: dashboard.cases!.overdue });
    expect(report.feedback.count).toBe(dashboard.feedback!.count);

    expect(report.xlsx).toMatchObject({ filename: `知识产权鉴定监管月报_411500_${month}.xlsx`, mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const workbook = await sheetsOf(report.xlsx.contentBase64);
    const summary = workbook.getWorksheet("概况")!;
    expect(summary.getCell("A1").value).toBe(`信阳市知识产权鉴定监管月报（${month.slice(0, 4)}年${Number(month.slice(5))}月）`);
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    const figure = (label: string) => summary.getRows(4, summary.rowCount - 3)!.find((r) => String(r.getCell(1).value).startsWith(label))!.getCell(2).value;
    expect([figure("本月委托鉴定"), figure("本月出具鉴定意见"), figure("在办案件"), figure("超期案件"), figure("本月反馈")]).toEqual([
      dashboard.cases!.entrustedByAgencyKind.total,
      dashboard.cases!.issued,
      dashboard.cases!.open,
      dashboard.cases!.overdue,
      dashboard.feedback!.count,
    ]);
    const kinds = workbook.getWorksheet(report.cases.entrustedByAgencyKind.label)!;
    for (const cell of dashboard.cases!.entrustedByAgencyKind.cells) {
      expect(kinds.getRows(2, kinds.rowCount - 1)!.find((r) => r.getCell(1).value === cell.label)!.getCell(3).value).toBe(cell.value);
    }
    expect(workbook.getWorksheet("非正常专利撤回率（按地区）")!.rowCount).toBe(report.abnormalPatents.byRegion.length + 2);
  });

  it("counts the month's determinations, positive records and clue sources", async () => {
    const before = (await hub.data(REPORT, { as: "XY-AMR", variables: { region: "411500", month } })).monthlyReport!;
    const general = (r: typeof before) => r.credit.determinationsBySeverity.cells.find((c) => c.key === "GENERAL")!.value;
    await hub.data(graphql(`mutation MonthlyReportDetermination($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { replayed } }`), {
      as: "XY-AMR",
      variables: { input: { idempotencyKey: "monthly-1", subjectCreditCode: "91411502MA4X7Q1R0F", behaviour: "OUT_OF_SCOPE", severity: "GENERAL", decisionDocNo: "信市监信〔2026〕99号", basis: "超范围鉴定" } },
    });
    await hub.data(graphql(`mutation MonthlyReportClue($input: SubmitPublicReportInput!) { submitPublicReport(input: $input) { status } }`), {
      variables: { input: { subjectCreditCode: "91411502MA4X7Q1R0F", subjectName: "信阳茶都知识产权鉴定评估有限公司", description: "鉴定报告与送检茶样不符" } },
    });
    const after = (await hub.data(REPORT, { as: "XY-AMR", variables: { region: "411500", month } })).monthlyReport!;
    expect(general(after)).toBe(general(before)! + 1);
    expect(after.clues.publicReports.total).toBe(before.clues.publicReports.total! + 1);
    expect(after.clues.publicReports.cells.find((c) => c.key === "RECEIVED")!.value).toBeGreaterThanOrEqual(1);
  });

  it("prints as a self-contained Chinese page without scripts", async () => {
    const report = (await hub.data(REPORT, { as: "XY-AMR", variables: { region: "411500", month } })).monthlyReport!;
    const html = Buffer.from(report.html.contentBase64, "base64").toString("utf8");
    expect(report.html.mediaType).toBe("text/html; charset=utf-8");
    expect(html).toContain(`<html lang="zh-CN">`);
    expect(html).toContain("信阳市知识产权鉴定监管月报");
    expect(html).not.toMatch(/<script|https?:\/\//i);
    expect(html).toContain("@media print");
  });

  it("is for the bureaus covering the region, for a month that has begun", async () => {
    const code = async (as: string | undefined, variables: { region?: string; month: string }) => (await hub.graphql(REPORT, { as, variables })).body.errors?.[0]?.extensions;
    expect((await hub.graphql(REPORT, { as: "HA-AMR", variables: { region: "411500", month } })).body.errors).toBeUndefined();
    for (const as of [undefined, "XY-COURT", "XY-IPAA", "XX-AMR"]) expect((await code(as, { region: "411500", month }))?.code).toBe("FORBIDDEN");
    expect(await code("XY-AMR", { region: "411500", month: "2026-13" })).toEqual({ code: "BAD_USER_INPUT", field: "month" });
    expect(await code("XY-AMR", { region: "411500", month: "2999-01" })).toEqual({ code: "BAD_USER_INPUT", field: "month" });
  });
});
