import type { HubContext } from "../context/context";
import { parseTechnicalFields, readCsv, splitList } from "./csv-file";
import { ImportReport, importRows } from "./import-report";
import { InputProblems } from "../services/validate";

/** Accepted headers per field, Chinese and English. */
export const INSTITUTION_COLUMNS: Record<string, string[]> = {
  name: ["名称", "机构名称", "name"],
  creditCode: ["统一社会信用代码", "信用代码", "creditCode", "credit_code"],
  regionCode: ["行政区划代码", "区划代码", "regionCode", "region_code"],
  address: ["地址", "住所", "address"],
  legalRepresentative: ["法定代表人", "负责人", "legalRepresentative"],
  contactPhone: ["联系电话", "电话", "contactPhone"],
  technicalFields: ["技术领域", "鉴定领域", "technicalFields"],
  businessScope: ["经营范围", "业务范围", "businessScope"],
  appraisalMatters: ["鉴定事项", "appraisalMatters"],
};

/**
 * `npx hub import institutions FILE`: registers institutions that are new (by credit code) and updates
 * those that changed, through the same service, checks and audit as the API, acting as the given bureau.
 * Each row is its own transaction; a refused row is reported with its row and column. Running the same file
 * again changes nothing. With `dryRun`, every check runs and nothing is written.
 */
export function importInstitutions(newContext: () => HubContext, bytes: Buffer, options: { dryRun: boolean }): Promise<ImportReport> {
  const table = readCsv(bytes, INSTITUTION_COLUMNS, ["name", "creditCode", "regionCode", "technicalFields"]);
  return importRows("institutions", table, { dryRun: options.dryRun, scopeField: "regionCode" }, newContext, async (ctx, values, claim) => {
    // Problems of the cells and of the service's checks are reported together.
    const problems = new InputProblems();
    const technicalFields = problems.check(() => parseTechnicalFields(values.technicalFields)) ?? [];
    const input = {
      name: values.name,
      creditCode: values.creditCode ?? "",
      regionCode: values.regionCode ?? "",
      address: values.address,
      legalRepresentative: values.legalRepresentative,
      contactPhone: values.contactPhone,
      technicalFields,
      businessScope: values.businessScope,
      appraisalMatters: values.appraisalMatters === undefined ? undefined : splitList(values.appraisalMatters),
    };
    const prepared = problems.check(() => ctx.services.institutions.prepareRegistration(input));
    problems.done();
    const { creditCode } = prepared!;
    claim(creditCode, "input.creditCode");
    const current = await ctx.loaders.institutionByCreditCode.load(creditCode);
    if (!current) {
      if (!options.dryRun) await ctx.services.institutions.register(input);
      return "created";
    }
    const { creditCode: _key, ...details } = input;
    if (Object.keys(ctx.services.institutions.prepareUpdate(current, details)).length === 0) return "unchanged";
    if (!options.dryRun) await ctx.services.institutions.update(current.id, current.version, details);
    return "updated";
  });
}
