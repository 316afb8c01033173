import type { HubContext } from "../context/context";
import { ApplicantKind, PatentType } from "../domain/abnormal-patent-enums";
import { BadUserInputError } from "../errors/errors";
import type { AbnormalPatentItemInput } from "../inputs/abnormal-patent.input";
import { readCsv } from "./csv-file";
import { emptyReport, ImportReport } from "./import-report";

/** Accepted headers per field, Chinese and English. */
export const ABNORMAL_PATENT_COLUMNS: Record<string, string[]> = {
  applicationNumber: ["申请号", "专利申请号", "application_number"],
  patentType: ["专利类型", "类型", "patent_type"],
  title: ["发明名称", "专利名称", "名称"],
  applicantName: ["申请人", "申请人名称", "applicant_name"],
  applicantKind: ["申请人类型", "applicant_kind"],
  applicantCreditCode: ["申请人统一社会信用代码", "申请人信用代码", "applicant_credit_code"],
  patentAgencyName: ["代理机构", "代理机构名称", "专利代理机构", "patent_agency_name"],
  patentAgencyCode: ["代理机构代码", "机构代码", "patent_agency_code"],
  patentAgencyCreditCode: ["代理机构统一社会信用代码", "代理机构信用代码", "patent_agency_credit_code"],
  applicantRegionCode: ["申请人行政区划代码", "行政区划代码", "区划代码", "applicant_region_code", "regionCode"],
};

const PATENT_TYPE_LABELS: Record<string, PatentType> = { 发明: PatentType.INVENTION, 实用新型: PatentType.UTILITY_MODEL, 外观设计: PatentType.DESIGN };
const APPLICANT_KIND_LABELS: Record<string, ApplicantKind> = {
  企业: ApplicantKind.ORGANIZATION,
  单位: ApplicantKind.ORGANIZATION,
  机构: ApplicantKind.ORGANIZATION,
  个人: ApplicantKind.PERSON,
  自然人: ApplicantKind.PERSON,
};

function label<T extends string>(cell: string | undefined, labels: Record<string, T>, values: readonly T[], field: string): T | undefined {
  const value = (cell ?? "").trim();
  if (!value) return undefined;
  const found = labels[value] ?? values.find((v) => v === value.toUpperCase());
  if (!found) throw new BadUserInputError(`${field} has an unknown value.`, field);
  return found;
}

/**
 * `npx hub import abnormal-patents FILE --batch 2024年第3批 --agency HA-AMR`: the whole file goes through
 * `importAbnormalPatentBatch` as one batch (one transaction), so the CSV and the API allocate, check and
 * audit alike. Refused rows are reported by spreadsheet row and column; running the file again changes nothing.
 */
export async function importAbnormalPatents(
  ctx: HubContext,
  bytes: Buffer,
  options: { batchNo: string; receivedOn?: string; deadline?: string; dryRun: boolean },
): Promise<ImportReport> {
  const table = readCsv(bytes, ABNORMAL_PATENT_COLUMNS, ["applicationNumber", "applicantName", "applicantRegionCode"]);
  const report = emptyReport(`abnormal patents (${options.batchNo})`, table.encoding, options.dryRun, table.rows.length);
  const items: AbnormalPatentItemInput[] = [];
  const rowOfItem: number[] = [];
  for (const { row, values } of table.rows) {
    try {
      items.push({
        applicationNumber: values.applicationNumber ?? "",
        patentType: label(values.patentType, PATENT_TYPE_LABELS, Object.values(PatentType), "patentType"),
        title: values.title,
        applicantName: values.applicantName ?? "",
        applicantKind: label(values.applicantKind, APPLICANT_KIND_LABELS, Object.values(ApplicantKind), "applicantKind"),
        applicantCreditCode: values.applicantCreditCode,
        patentAgencyName: values.patentAgencyName,
        patentAgencyCode: values.patentAgencyCode,
        patentAgencyCreditCode: values.patentAgencyCreditCode,
        applicantRegionCode: values.applicantRegionCode ?? "",
      });
      rowOfItem.push(row);
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      const field = String(error.extensions.field);
      report.rejected.push({ row, column: table.headers[field] ?? field, message: error.message });
    }
  }
  if (items.length > 0) {
    const result = await ctx.services.abnormalPatentImport.importBatch({ batchNo: options.batchNo, receivedOn: options.receivedOn, deadline: options.deadline, items, dryRun: options.dryRun });
    report.created = result.created;
    report.unchanged = result.unchanged;
    for (const r of result.rejected) report.rejected.push({ row: rowOfItem[r.index - 1], column: table.headers[r.field] ?? r.field, message: r.message });
  }
  report.rejected.sort((a, b) => a.row - b.row);
  return report;
}
