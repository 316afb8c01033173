import iconv from "iconv-lite";
import { importAppraisers } from "../src/exchange/appraiser-import";
import { exportInstitutions, institutionsCsv } from "../src/exchange/institution-export";
import { formatReport } from "../src/exchange/import-report";
import { importInstitutions } from "../src/exchange/institution-import";
import { commandContexts } from "../src/hub";
import { creditCodeFor, idNumberFor } from "./support/directory";
import { startTestHub, TestHub } from "./support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const count = async (table: string, where = "true") => (await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n as number;

async function runImport(kind: "institutions" | "appraisers", bytes: Buffer, dryRun = false, agency = "XY-AMR") {
  const contexts = await commandContexts(hub.config, hub.db, agency, `import-${kind}`);
  try {
    return kind === "institutions"
      ? await importInstitutions(contexts.newContext, bytes, { dryRun })
      : await importAppraisers(contexts.newContext, bytes, { dryRun }, (s) => contexts.deps.vault.openLatest(s));
  } finally {
    await contexts.close();
  }
}

/** 1,000 rows, Chinese headers, as Excel writes GBK; rows 51, 101, … (every 50th) are bad in five ways. */
function thousandRows(): { bytes: Buffer; bad: Array<{ row: number; column: string }> } {
  const regions = ["411500", "411502", "411503", "411521", "411525", "411528"];
  const lines = ["名称,统一社会信用代码,行政区划代码,地址,法定代表人,联系电话,技术领域,经营范围"];
  const bad: Array<{ row: number; column: string }> = [];
  for (let i = 1; i <= 1000; i++) {
    const region = regions[i % regions.length];
    let name = `信阳批量鉴定机构${i}`;
    let code = creditCodeFor(region, 10_000 + i);
    let regionCode = region;
    let fields = "专利；商标";
    const row = i + 1;
    if (i % 50 === 0) {
      const kind = (i / 50) % 5;
      if (kind === 0) {
        code = code.slice(0, 17) + (code[17] === "0" ? "1" : "0");
        bad.push({ row, column: "统一社会信用代码" });
      } else if (kind === 1) {
        regionCode = "419999";
        bad.push({ row, column: "行政区划代码" });
      } else if (kind === 2) {
        name = "";
        bad.push({ row, column: "名称" });
      } else if (kind === 3) {
        fields = "专利；风水";
        bad.push({ row, column: "技术领域" });
      } else {
        regionCode = "410702"; // 新乡: outside 信阳's jurisdiction
        code = creditCodeFor("410702", 10_000 + i);
        bad.push({ row, column: "行政区划代码" });
      }
    }
    lines.push([name, code, regionCode, `信阳市测试路${i}号`, `法人${i}`, `0376-${String(6000000 + i)}`, fields, "知识产权鉴定"].join(","));
  }
  return { bytes: iconv.encode(lines.join("\r\n"), "gbk"), bad };
}

describe("importing institutions", () => {
  const { bytes, bad } = thousandRows();

  it("checks every row in a dry run and writes nothing", async () => {
    const before = await count("institutions");
    const report = await runImport("institutions", bytes, true);
    expect(report).toMatchObject({ encoding: "gbk", rows: 1000, created: 980, updated: 0, unchanged: 0, dryRun: true });
    expect(report.rejected).toHaveLength(20);
    expect(await count("institutions")).toBe(before);
  });

  it("stores 980 of 1,000 rows and reports the 20 bad ones by row and column", async () => {
    const before = await count("institutions");
    const report = await runImport("institutions", bytes);
    expect(report).toMatchObject({ rows: 1000, created: 980, updated: 0, unchanged: 0 });
    expect(report.rejected.map(({ row, column }) => ({ row, column }))).toEqual(bad);
    expect(report.rejected.every((r) => r.message.length > 0)).toBe(true);
    expect(await count("institutions")).toBe(before + 980);
    await hub.hub.deps.trail.flush();
    expect(await count("audit_events", "operation = 'registerInstitution' AND agency_code = 'XY-AMR'")).toBeGreaterThanOrEqual(980);
  });

  it("changes nothing when the same file is imported again", async () => {
    const [{ max: auditBefore }] = await hub.db.dataSource.query(`SELECT max(seq)::int AS max FROM audit_events`);
    const versions = await hub.db.dataSource.query(`SELECT sum(version)::int AS v FROM institutions`);
    const report = await runImport("institutions", bytes);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 980 });
    expect(report.rejected).toHaveLength(20);
    expect(await hub.db.dataSource.query(`SELECT sum(version)::int AS v FROM institutions`)).toEqual(versions);
    await hub.hub.deps.trail.flush();
    const [{ max: auditAfter }] = await hub.db.dataSource.query(`SELECT max(seq)::int AS max FROM audit_events`);
    expect(auditAfter).toBe(auditBefore);
  });

  it("reads UTF-8 with a BOM and English headers, and updates a changed row", async () => {
    const code = creditCodeFor("411502", 10_001);
    const csv = `\ufeffname,creditCode,regionCode,technicalFields,address\n信阳批量鉴定机构1,${code},411502,PATENT;TRADEMARK,信阳市新地址1号\n`;
    const report = await runImport("institutions", Buffer.from(csv, "utf8"));
    expect(report).toMatchObject({ encoding: "utf-8", created: 0, updated: 1, unchanged: 0, rejected: [] });
    const [row] = await hub.db.dataSource.query(`SELECT address, version FROM institutions WHERE credit_code = $1`, [code]);
    expect(row).toEqual({ address: "信阳市新地址1号", version: 2 });
  });

  it("reports every problem of a row, naming an unknown field value", async () => {
    const csv = `名称,统一社会信用代码,行政区划代码,技术领域,联系电话\n,91411500MA45XXXX0Y,999999,专利；区块链,12\n`;
    const report = await runImport("institutions", Buffer.from(csv, "utf8"), true);
    expect(report.rejected.map(({ row, column }) => [row, column])).toEqual([
      [2, "技术领域"],
      [2, "统一社会信用代码"],
      [2, "名称"],
      [2, "行政区划代码"],
      [2, "联系电话"],
    ]);
    expect(report.rejected[0].message).toMatch(/unknown value 区块链/);
    expect(formatReport(report)).toMatch(/^institutions: 1 rows read \(utf-8\); 0 would be created, 0 would be updated, 0 unchanged, 1 rejected/);
  });

  it("refuses a file without the required columns, as a whole", async () => {
    await expect(runImport("institutions", Buffer.from("名称,地址\n甲,乙\n"))).rejects.toThrow(/missing columns: creditCode/);
  });
});

describe("importing appraisers", () => {
  const csv = (rows: string[]) => Buffer.from(["姓名,身份证号码,所属机构统一社会信用代码,联系电话,技术领域,职称,执业类型", ...rows].join("\n"), "utf8");
  const good = (n: number, phone = `1390376${String(n).padStart(4, "0")}`) => `导入鉴定人${n},${idNumberFor("411502", 500 + n)},91411500MA9F3K2L21,${phone},专利,工程师(中级),专职`;

  it("registers new appraisers, reports bad rows, and is idempotent", async () => {
    const rows = [good(1), good(2), good(3), `坏身份证,411502198003121231,91411500MA9F3K2L21,,专利,,专职`, `无机构,${idNumberFor("411502", 999)},91411500MA45XXXX0Y,,专利,,专职`];
    const first = await runImport("appraisers", csv(rows));
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(first.rejected.map((r) => [r.row, r.column])).toEqual([
      [5, "身份证号码"],
      [6, "所属机构统一社会信用代码"],
    ]);
    const again = await runImport("appraisers", csv(rows));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const changedPhone = await runImport("appraisers", csv([good(1, "13700000000")]));
    expect(changedPhone).toMatchObject({ updated: 1 });
  });

  it("keeps imported ID numbers sealed", async () => {
    const dump = JSON.stringify(await hub.db.dataSource.query(`SELECT * FROM appraisers WHERE name LIKE '导入鉴定人%'`));
    expect(dump).not.toContain(idNumberFor("411502", 501));
  });
});

describe("exporting institutions", () => {
  const exportAs = async (agency?: string) => {
    const contexts = await commandContexts(hub.config, hub.db, agency, "export");
    try {
      return await exportInstitutions(hub.hub.schema, contexts.newContext);
    } finally {
      await contexts.close();
    }
  };

  it("exports for the public only listed institutions, without contact data", async () => {
    const rows = await exportAs();
    expect(rows.every((r) => r.listingStatus === "LISTED")).toBe(true);
    expect(rows.every((r) => r.legalRepresentative === null && r.contactPhone === null)).toBe(true);
  });

  it("exports for a court the suspended and removed ones too, with contact data", async () => {
    const rows = await exportAs("XY-COURT");
    const statuses = new Set(rows.map((r) => r.listingStatus));
    expect([...statuses].sort()).toEqual(["LISTED", "REMOVED", "SUSPENDED"]);
    expect(rows.find((r) => r.creditCode === "91410700MA9G0T8C63")?.legalRepresentative).toBe("赵国华");
  });

  it("writes CSV with a BOM and Chinese headers that the importer reads back", async () => {
    const csv = institutionsCsv(await exportAs("XY-AMR"));
    expect(csv.startsWith("\ufeff名称,统一社会信用代码,行政区划代码")).toBe(true);
    // Status and level in Chinese for people, with the codes in their own columns for systems.
    const [header, ...lines] = csv.slice(1).split("\r\n");
    const columns = header.split(",");
    const suspended = lines.find((line) => line.includes("52411500MJY123458K"))!.split(",");
    expect(suspended[columns.indexOf("名录状态")]).toBe("暂停");
    expect(suspended[columns.indexOf("名录状态代码")]).toBe("SUSPENDED");
    expect(columns).toContain("名录级别代码");
    const xinyang = csv.split("\r\n").filter((line, i) => i === 0 || line.includes(",4115"));
    const report = await runImport("institutions", Buffer.from(xinyang.join("\r\n"), "utf8"), true);
    expect(report.rejected).toEqual([]);
    expect(report.created).toBe(0);
  });
});
