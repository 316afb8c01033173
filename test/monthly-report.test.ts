import ExcelJS from "exceljs";
import { startTestHub, TestHub } from "./support/test-hub";
import { graphql } from "./gql";
import { addMonths, todayInChina } from "../src/domain/local-date";
import { Viewer } from "../src/auth/viewer";
import { createContext } from "../src/context/context";
import { registryLookup } from "../src/services/client-system.service";

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

const FILED = graphql(`query FiledMonthlyReports($region: RegionCode, $month: String, $first: Int, $after: String) {
  monthlyReports(regionCode: $region, month: $month, first: $first, after: $after) {
    totalCount
    edges { node { id regionCode regionName month filedAt filedBy { code }
      figures { asOf cases { entrusted issued open overdue } feedback { count } credit { determinationsBySeverity { total } } }
      xlsx { filename contentBase64 } html { filename contentBase64 } } }
    pageInfo { hasNextPage endCursor }
  }
}`);

describe("filed monthly reports", () => {
  // The first of next month, mid-morning in China: the scheduler files this month's reports.
  const nextMonth = addMonths(from, 1).slice(0, 7);
  const lastMonth = addMonths(from, -1).slice(0, 7);
  let later: TestHub;
  beforeAll(async () => {
    later = await startTestHub({ now: () => new Date(`${nextMonth}-01T09:30:00+08:00`) });
  });
  afterAll(() => later.stop());
  const filed = async (as: string, variables: { region?: string; month?: string; first?: number; after?: string } = {}) => (await later.data(FILED, { as, variables })).monthlyReports;

  it("the demo shows the report 信阳 filed for last month", async () => {
    const demo = await filed("XY-AMR");
    expect(demo.edges.map((e) => [e.node.regionCode, e.node.month, e.node.filedBy?.code])).toEqual([["411500", lastMonth, "XY-AMR"]]);
  });

  it("are filed on the first by the scheduler for every city and province bureau, once, audited, with the figures monthlyReport gives that day", async () => {
    await later.hub.pusher.runScheduler();
    await later.hub.pusher.runScheduler();
    const province = await filed("HA-AMR", { month });
    // Newest month first, then by region code descending; the national office files none of its own.
    expect(province.edges.map((e) => [e.node.regionCode, e.node.regionName, e.node.filedBy?.code])).toEqual([
      ["411500", "信阳市", "XY-AMR"],
      ["410700", "新乡市", "XX-AMR"],
      ["410000", "河南省", "HA-AMR"],
    ]);
    expect((await filed("CNIPA", { month })).totalCount).toBe(3);
    await later.hub.deps.trail.flush();
    const audit = await later.db.dataSource.query(`SELECT agency_code, client_name, entity_id FROM audit_events WHERE operation = 'fileMonthlyReport' AND request_id LIKE 'scheduler-%' ORDER BY agency_code`);
    expect(audit).toEqual(
      [...province.edges]
        .sort((a, b) => a.node.filedBy!.code.localeCompare(b.node.filedBy!.code))
        .map((e) => ({ agency_code: e.node.filedBy!.code, client_name: "hub scheduler", entity_id: e.node.id })),
    );

    const xinyang = province.edges[0].node;
    const fresh = (await later.data(REPORT, { as: "XY-AMR", variables: { region: "411500", month } })).monthlyReport!;
    expect(xinyang.figures).toEqual({
      asOf: `${nextMonth}-01`,
      cases: { entrusted: fresh.cases.entrusted, issued: fresh.cases.issued, open: fresh.cases.open, overdue: fresh.cases.overdue },
      feedback: { count: fresh.feedback.count },
      credit: { determinationsBySeverity: { total: fresh.credit.determinationsBySeverity.total } },
    });
    expect(xinyang.xlsx.filename).toBe(`知识产权鉴定监管月报_411500_${month}.xlsx`);
    const summary = (await sheetsOf(xinyang.xlsx.contentBase64)).getWorksheet("概况")!;
    expect(summary.getRows(4, summary.rowCount - 3)!.find((r) => String(r.getCell(1).value) === "本月委托鉴定")!.getCell(2).value).toBe(fresh.cases.entrusted);
    expect(Buffer.from(xinyang.html.contentBase64, "base64").toString("utf8")).toContain(`截至 ${nextMonth}-01`);
  });

  it("are listed for the bureaus covering the region: the province pages through its cities', a city sees its own", async () => {
    const first = await filed("HA-AMR", { first: 2 });
    expect(first.totalCount).toBe(4);
    const rest = await filed("HA-AMR", { first: 2, after: first.pageInfo.endCursor! });
    expect([...first.edges, ...rest.edges].map((e) => `${e.node.month}:${e.node.regionCode}`)).toEqual([`${month}:411500`, `${month}:410700`, `${month}:410000`, `${lastMonth}:411500`]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect((await filed("HA-AMR", { region: "410700" })).edges.map((e) => e.node.regionCode)).toEqual(["410700"]);
    expect((await filed("XY-AMR")).edges.map((e) => `${e.node.month}:${e.node.regionCode}`)).toEqual([`${month}:411500`, `${lastMonth}:411500`]);
    const refused = async (as: string | undefined, variables: Record<string, unknown>) => (await later.graphql(FILED, { as, variables })).body.errors?.[0]?.extensions;
    for (const as of [undefined, "XY-COURT", "XY-IPAA"]) expect((await refused(as, {}))?.code).toBe("FORBIDDEN");
    // Asking for the province shows a city only what it may see: its own.
    expect((await filed("XY-AMR", { region: "410000" })).edges.map((e) => e.node.regionCode)).toEqual(["411500", "411500"]);
    expect((await filed("XX-AMR", { region: "411500" })).totalCount).toBe(0);
    expect(await refused("XY-AMR", { month: "2026-1" })).toEqual({ code: "BAD_USER_INPUT", field: "month" });
  });

  it("are filed once per region and month, once the month is over: a second filing answers CONFLICT and writes nothing", async () => {
    // As 信阳 on the hub's clock (the first of next month).
    const caller = (await registryLookup(later.db.dataSource)("XY-AMR", "default"))!;
    const xinyang = () => createContext(later.hub.deps, Viewer.of(caller.agency, caller.client, []), { id: "test", caseRef: null, caseRefProblem: "CASE_REF_MISSING", endUser: null }).services.monthlyReports;
    await expect(xinyang().file(month)).rejects.toMatchObject({ code: "CONFLICT", extensions: { field: "month" } });
    // The month still running is not filed.
    await expect(xinyang().file(nextMonth)).rejects.toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "month" } });
    expect((await filed("XY-AMR", { month })).totalCount).toBe(1);
  });
});
