import ExcelJS from "exceljs";
import { Client } from "pg";
import { usingServer } from "./support/test-database";
import { startTestHub, TestHub } from "./support/test-hub";
import { graphql } from "./gql";
import { commandContexts } from "../src/hub";
import { CREDIT_EXPORT_COLUMNS, creditCsv, creditXlsx, exportCredit } from "../src/exchange/credit-export";

/** The credit exchange with the public credit information platform: a bureau's records, incrementally. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const EXPORT = graphql(`query CreditExchange($since: String, $until: String, $first: Int, $after: String) {
  creditExport(updatedSince: $since, until: $until, first: $first, after: $after) {
    watermark pageInfo { hasNextPage endCursor }
    rows { category id subjectType subjectName subjectCreditCode subjectCertificateNo code severity decisionDocNo decidingAgencyName announced status repairedOn updatedAt }
  }
}`);
const exportAs = async (as: string, variables: { since?: string; until?: string; first?: number; after?: string } = {}) => (await hub.data(EXPORT, { as, variables })).creditExport!;

describe("the credit exchange", () => {
  it("answers a bureau every record about its jurisdiction, announced or not, positive records included", async () => {
    const xinyang = await exportAs("XY-AMR");
    const names = xinyang.rows.map((r) => `${r.category}:${r.subjectName}`);
    expect(names).toEqual(expect.arrayContaining(["DETERMINATION:刘洋", "DETERMINATION:周明", "DETERMINATION:信阳平桥茶叶商贸有限公司", "INCENTIVE:信阳中原知识产权鉴定中心"]));
    // 河南's own record about a provincial trademark agency lies outside 信阳.
    expect(names).not.toContain("DETERMINATION:河南华标商标代理有限公司");
    expect((await exportAs("HA-AMR")).rows.map((r) => r.subjectName)).toContain("河南华标商标代理有限公司");
    const minor = xinyang.rows.find((r) => r.subjectName === "信阳平桥茶叶商贸有限公司")!;
    expect(minor).toMatchObject({ severity: "MINOR", announced: false, code: "FALSE_CREDIT_COMMITMENT", decidingAgencyName: "信阳市市场监督管理局" });
    expect(xinyang.rows.find((r) => r.subjectName === "周明")).toMatchObject({ subjectType: "PATENT_ATTORNEY", subjectCertificateNo: "41*********21", subjectCreditCode: null });
    // Sorted by change, and the watermark lies after every row.
    const times = xinyang.rows.map((r) => r.updatedAt);
    expect(times).toEqual([...times].sort());
    expect(times.every((t) => t < xinyang.watermark)).toBe(true);
  });

  it.each(["XY-COURT", "XY-IPAA", "XY-ZYJD"])("is not for %s", async (as) => {
    expect((await hub.graphql(EXPORT, { as })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it("sends only what changed since the last watermark: a revocation and a new record, then nothing", async () => {
    const first = await exportAs("XY-AMR");
    const target = first.rows.find((r) => r.subjectName === "信阳平桥茶叶商贸有限公司")!;
    const [{ version }] = await hub.db.dataSource.query(`SELECT version FROM credit_records WHERE id = $1`, [target.id]);
    const revoked = await hub.graphql(graphql(`mutation CreditExchangeRevoke($id: ID!, $v: Int!) { revokeCreditRecord(recordId: $id, expectedVersion: $v, reason: "复议撤销") { status } }`), { as: "XY-AMR", variables: { id: target.id, v: version } });
    expect(revoked.body.errors).toBeUndefined();
    const created = await hub.graphql(graphql(`mutation CreditExchangeNew($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { record { id } } }`), {
      as: "XY-AMR",
      variables: { input: { idempotencyKey: "exchange-new", subjectCreditCode: "91411502MA4X7Q1R0F", behaviour: "OUT_OF_SCOPE", severity: "GENERAL", decisionDocNo: "信市监信〔2026〕88号", basis: "超范围鉴定" } },
    });
    expect(created.body.errors).toBeUndefined();

    const second = await exportAs("XY-AMR", { since: first.watermark });
    expect(second.rows.map((r) => [r.id, r.status])).toEqual([
      [target.id, "REVOKED"],
      [created.body.data!.recordCreditEvent!.record.id, "ACTIVE"],
    ]);
    expect((await exportAs("XY-AMR", { since: second.watermark })).rows).toEqual([]);
  });

  it("pages under one watermark", async () => {
    const all = await exportAs("XY-AMR");
    const firstPage = await exportAs("XY-AMR", { first: 2 });
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const rest = await exportAs("XY-AMR", { until: firstPage.watermark, after: firstPage.pageInfo.endCursor!, first: 1000 });
    expect([...firstPage.rows, ...rest.rows].map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
  });

  it("refuses a malformed watermark or cursor as the caller's mistake", async () => {
    for (const [variables, field] of [
      [{ since: "yesterday" }, "updatedSince"],
      [{ until: "2026-13-01T00:00:00Z" }, "until"],
      [{ after: "bm90LWEtY3Vyc29y" }, "after"],
    ] as const) {
      const res = await hub.graphql(EXPORT, { as: "XY-AMR", variables });
      expect(res.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
  });
});

(usingServer() ? describe : describe.skip)("a write still open when the export runs (PostgreSQL only: an embedded database has one connection)", () => {
  it("is not passed over: the watermark stays before it, and the next export sends it", async () => {
    const first = await exportAs("XY-AMR");
    const other = new Client({ connectionString: hub.databaseUrl! });
    await other.connect();
    try {
      // Another session changes a record and has not committed when the next export runs.
      await other.query("BEGIN");
      const [{ id }] = (await other.query(`UPDATE credit_records SET updated_at = now(), measures = measures || '{在办}'::text[] WHERE subject_name = '刘洋' RETURNING id`)).rows;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const during = await exportAs("XY-AMR", { since: first.watermark });
      expect(during.rows.map((r) => r.id)).not.toContain(id);
      await other.query("COMMIT");
      const after = await exportAs("XY-AMR", { since: during.watermark });
      expect(after.rows.map((r) => r.id)).toContain(id);
    } finally {
      await other.end();
    }
  });
});

describe("the exchange as files", () => {
  it("writes CSV and an .xlsx that reads back with the same rows, a frozen Chinese header and text dates", async () => {
    const contexts = await commandContexts(hub.config, hub.db, "XY-AMR", "export-credit");
    try {
      const exchange = await exportCredit(hub.hub.schema, contexts.newContext, {});
      const csv = creditCsv(exchange);
      expect(csv.startsWith("\ufeff信用信息类别,记录编号,行政相对人名称")).toBe(true);
      expect(csv.trim().split("\r\n")).toHaveLength(exchange.rows.length + 1);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await creditXlsx(exchange)) as never);
      const sheet = workbook.getWorksheet("信用信息")!;
      expect(sheet.getRow(1).values).toEqual([undefined, ...CREDIT_EXPORT_COLUMNS.map(([header]) => header)]);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.rowCount).toBe(exchange.rows.length + 1);
      const zhou = exchange.rows.findIndex((r) => r.subjectName === "周明");
      const row = sheet.getRow(zhou + 2);
      expect([row.getCell(3).value, row.getCell(4).value, row.getCell(5).value, row.getCell(7).value]).toEqual(["周明", "自然人", "专利代理师", "41*********21"]);
      expect(typeof row.getCell(13).value).toBe("string");
      expect(sheet.getColumn(3).width).toBeGreaterThan(8);
    } finally {
      await contexts.close();
    }
  });
});
