import { execute, parse } from "graphql";
import type { HubContext } from "../context/context";
import type { HubSchema } from "../schema/build-schema";
import { TECHNICAL_FIELD_LABELS, writeCsv } from "./csv-file";
import { writeXlsx } from "./xlsx-file";
import { TechnicalField } from "../domain/directory-enums";
import { LABELS } from "../services/statistics/labels";

/**
 * `npx hub export institutions`: what one agency (or the anonymous public) may see, obtained by running the
 * `institutions` query through the real schema with that caller's context. Row visibility and field rules
 * are therefore exactly the API's: a field the caller may not read is left empty.
 */
const EXPORT_QUERY = parse(`
  query Export($after: String) {
    institutions(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        name creditCode regionCode regionName address legalRepresentative contactPhone technicalFields
        businessScope appraisalMatters listingStatus listingLevel listedAt grade
      } }
    }
  }`);

type Row = Record<string, unknown>;

export async function exportInstitutions(schema: HubSchema, newContext: () => HubContext): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const result = await execute({ schema: schema.schema, document: EXPORT_QUERY, variableValues: { after }, contextValue: newContext() });
    const page = (result.data as { institutions?: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Row }> } } | null)?.institutions;
    if (!page) throw new Error(`the export query failed: ${result.errors?.[0]?.message ?? "no data"}`);
    rows.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return rows;
}

/** Each column: its Chinese header and how a row's value is written (codes also get a column of their own). */
const CSV_COLUMNS: Array<[string, (row: Row) => string | null]> = [
  ["名称", (row) => text(row.name)],
  ["统一社会信用代码", (row) => text(row.creditCode)],
  ["行政区划代码", (row) => text(row.regionCode)],
  ["行政区划", (row) => text(row.regionName)],
  ["地址", (row) => text(row.address)],
  ["法定代表人", (row) => text(row.legalRepresentative)],
  ["联系电话", (row) => text(row.contactPhone)],
  ["技术领域", (row) => ((row.technicalFields as TechnicalField[] | null) ?? []).map((f) => TECHNICAL_FIELD_LABELS[f] ?? f).join("；")],
  ["经营范围", (row) => text(row.businessScope)],
  ["鉴定事项", (row) => ((row.appraisalMatters as string[] | null) ?? []).join("；")],
  ["名录状态", (row) => label("listingStatus", row.listingStatus)],
  ["名录状态代码", (row) => text(row.listingStatus)],
  ["名录级别", (row) => label("listingLevel", row.listingLevel)],
  ["名录级别代码", (row) => text(row.listingLevel)],
  ["入库日期", (row) => text(row.listedAt)],
  ["等级", (row) => text(row.grade)],
];

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** The Chinese word a person reads (已入库, 市级); the code stays in the column beside it for systems. */
function label(dimension: string, code: unknown): string | null {
  return typeof code === "string" ? LABELS[dimension]?.[code] ?? code : null;
}

/** The same columns as an `.xlsx` (a frozen header row, widths to read them). */
export function institutionsXlsx(rows: Row[]): Promise<Buffer> {
  return writeXlsx([{ name: "鉴定机构名录", columns: CSV_COLUMNS.map(([header]) => ({ header })), rows: rows.map((row) => CSV_COLUMNS.map(([, value]) => value(row))) }]);
}

/** CSV with Chinese headers (which `hub import institutions` reads back) and a BOM for Excel. */
export function institutionsCsv(rows: Row[]): string {
  return writeCsv(
    CSV_COLUMNS.map(([header]) => header),
    rows.map((row) => CSV_COLUMNS.map(([, value]) => value(row))),
  );
}
