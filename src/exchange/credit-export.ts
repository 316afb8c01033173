import { execute, parse } from "graphql";
import type { HubContext } from "../context/context";
import type { HubSchema } from "../schema/build-schema";
import type { CreditExportRow } from "../services/credit-export.service";
import { LABELS } from "../services/statistics/labels";
import { writeCsv } from "./csv-file";
import { writeXlsx, type XlsxCell } from "./xlsx-file";

/**
 * `npx hub export credit`: the bureau's credit exchange, page by page through the `creditExport` query with the
 * bureau's own context, so the rows and fields are exactly the API's. Columns follow the publication of
 * administrative penalties (双公示: 行政相对人名称, 统一社会信用代码, 决定文书号, 违法行为类型, 处罚依据, 处罚决定日期,
 * 处罚机关, 公示截止期) as far as a credit record has them; docs/credit.md lists them.
 */
const EXPORT_QUERY = parse(`
  query CreditExport($updatedSince: String, $until: String, $from: Date, $to: Date, $after: String) {
    creditExport(updatedSince: $updatedSince, until: $until, from: $from, to: $to, first: 1000, after: $after) {
      watermark
      pageInfo { hasNextPage endCursor }
      rows {
        category id subjectType subjectName subjectCreditCode subjectCertificateNo subjectRegionCode code severity decisionDocNo
        decidedOn decidingAgencyCode decidingAgencyName basis measures announced publishFrom publishUntil status repairedOn updatedAt
      }
    }
  }`);

export interface CreditExchange {
  watermark: string;
  rows: CreditExportRow[];
}

export async function exportCredit(schema: HubSchema, newContext: () => HubContext, window: { updatedSince?: string; from?: string; to?: string }): Promise<CreditExchange> {
  const rows: CreditExportRow[] = [];
  let until: string | undefined;
  let after: string | null = null;
  for (;;) {
    const result = await execute({ schema: schema.schema, document: EXPORT_QUERY, variableValues: { ...window, until, after }, contextValue: newContext() });
    const page = (result.data as { creditExport?: { watermark: string; pageInfo: { hasNextPage: boolean; endCursor: string | null }; rows: CreditExportRow[] } } | null)?.creditExport;
    if (!page) throw new CreditExportError(result.errors?.[0]?.message ?? "the export query answered nothing");
    until = page.watermark;
    rows.push(...page.rows);
    if (!page.pageInfo.hasNextPage) return { watermark: page.watermark, rows };
    after = page.pageInfo.endCursor;
  }
}

/** The export was refused (the agency is no bureau) or its input is wrong: a message for the operator. */
export class CreditExportError extends Error {}

const SUBJECT_CLASS: Record<string, string> = { APPRAISER: "自然人", PATENT_ATTORNEY: "自然人" };
const STATUS_LABELS: Record<string, string> = { ACTIVE: "有效", REPAIR_REQUESTED: "修复申请中", REPAIRED: "已修复", REVOKED: "已撤销", EXPIRED: "公示期满" };
const SUBJECT_TYPE_LABELS: Record<string, string> = {
  INSTITUTION: "鉴定机构",
  APPRAISER: "鉴定人",
  ENTERPRISE: "企业",
  PATENT_AGENCY: "专利代理机构",
  TRADEMARK_AGENCY: "商标代理机构",
  PATENT_ATTORNEY: "专利代理师",
};
const INCENTIVE_LABELS: Record<string, string> = { COMMENDATION: "表彰奖励", RED_LIST: "守信红名单", CREDIT_COMMITMENT_KEPT: "信用承诺履行良好" };

/** The columns: the Chinese header and the cell of a row (codes beside their words, for systems). */
export const CREDIT_EXPORT_COLUMNS: Array<[string, (row: CreditExportRow) => XlsxCell]> = [
  ["信用信息类别", (r) => (r.category === "DETERMINATION" ? "失信信息" : "守信信息")],
  ["记录编号", (r) => r.id],
  ["行政相对人名称", (r) => r.subjectName],
  ["行政相对人类别", (r) => SUBJECT_CLASS[r.subjectType] ?? "法人及非法人组织"],
  ["主体类型", (r) => SUBJECT_TYPE_LABELS[r.subjectType] ?? r.subjectType],
  ["统一社会信用代码", (r) => r.subjectCreditCode],
  ["执业证号（脱敏）", (r) => r.subjectCertificateNo],
  ["行政区划代码", (r) => r.subjectRegionCode],
  ["失信行为或守信类别", (r) => (r.category === "DETERMINATION" ? LABELS.creditBehaviour[r.code] : INCENTIVE_LABELS[r.code]) ?? r.code],
  ["行为或类别代码", (r) => r.code],
  ["失信严重程度", (r) => (r.severity ? LABELS.creditSeverity[r.severity] ?? r.severity : null)],
  ["决定文书号", (r) => r.decisionDocNo],
  ["认定日期", (r) => r.decidedOn],
  ["认定机关", (r) => r.decidingAgencyName ?? r.decidingAgencyCode],
  ["认定机关代码", (r) => r.decidingAgencyCode],
  ["事实与依据", (r) => r.basis],
  ["约束或激励措施", (r) => r.measures.join("；")],
  ["是否公示", (r) => (r.announced ? "是" : "否")],
  ["公示起始日期", (r) => r.publishFrom],
  ["公示截止日期", (r) => r.publishUntil],
  ["状态", (r) => STATUS_LABELS[r.status] ?? r.status],
  ["状态代码", (r) => r.status],
  ["修复日期", (r) => r.repairedOn],
  ["更新时间", (r) => r.updatedAt],
];

const cells = (rows: CreditExportRow[]) => rows.map((row) => CREDIT_EXPORT_COLUMNS.map(([, cell]) => cell(row)));

export function creditCsv(exchange: CreditExchange): string {
  return writeCsv(
    CREDIT_EXPORT_COLUMNS.map(([header]) => header),
    cells(exchange.rows).map((row) => row.map((cell) => (typeof cell === "boolean" ? String(cell) : cell))),
  );
}

export function creditXlsx(exchange: CreditExchange): Promise<Buffer> {
  return writeXlsx([{ name: "信用信息", columns: CREDIT_EXPORT_COLUMNS.map(([header]) => ({ header })), rows: cells(exchange.rows) }]);
}
