import { execute, parse } from "graphql";
import type { HubContext } from "../context/context";
import type { HubSchema } from "../schema/build-schema";
import { TECHNICAL_FIELD_LABELS, writeCsv } from "./csv-file";
import { TechnicalField } from "../domain/directory-enums";

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

const CSV_COLUMNS: Array<[string, string]> = [
  ["name", "名称"],
  ["creditCode", "统一社会信用代码"],
  ["regionCode", "行政区划代码"],
  ["regionName", "行政区划"],
  ["address", "地址"],
  ["legalRepresentative", "法定代表人"],
  ["contactPhone", "联系电话"],
  ["technicalFields", "技术领域"],
  ["businessScope", "经营范围"],
  ["appraisalMatters", "鉴定事项"],
  ["listingStatus", "名录状态"],
  ["listingLevel", "名录级别"],
  ["listedAt", "入库日期"],
  ["grade", "等级"],
];

/** CSV with Chinese headers (which `hub import institutions` reads back) and a BOM for Excel. */
export function institutionsCsv(rows: Row[]): string {
  return writeCsv(
    CSV_COLUMNS.map(([, header]) => header),
    rows.map((row) =>
      CSV_COLUMNS.map(([key]) => {
        const value = row[key];
        if (key === "technicalFields") return ((value as TechnicalField[] | null) ?? []).map((f) => TECHNICAL_FIELD_LABELS[f] ?? f).join("；");
        if (Array.isArray(value)) return value.join("；");
        return value as string | null;
      }),
    ),
  );
}
