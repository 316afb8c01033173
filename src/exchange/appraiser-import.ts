import { PracticeKind, TechnicalField } from "../domain/directory-enums";
import { Appraiser } from "../entities/appraiser.entity";
import { BadUserInputError } from "../errors/errors";
import type { HubContext } from "../context/context";
import { parseTechnicalFields, readCsv, splitList } from "./csv-file";
import { ImportReport, importRows } from "./import-report";
import { idNumber as idNumberCheck, InputProblems } from "../services/validate";
import { canonicalJson } from "../services/canonical-json";

export const APPRAISER_COLUMNS: Record<string, string[]> = {
  name: ["姓名", "name"],
  idNumber: ["身份证号码", "身份证号", "公民身份号码", "idNumber", "id_number"],
  institutionCreditCode: ["所属机构统一社会信用代码", "机构统一社会信用代码", "机构信用代码", "institutionCreditCode"],
  phone: ["联系电话", "手机", "电话", "phone"],
  technicalFields: ["技术领域", "鉴定领域", "technicalFields"],
  titles: ["职称", "titles"],
  practiceKind: ["执业类型", "专兼职", "practiceKind"],
  startedOn: ["执业起始日期", "起始日期", "startedOn"],
};

const PRACTICE_KINDS: Record<string, PracticeKind> = { 专职: PracticeKind.FULL_TIME, 兼职: PracticeKind.PART_TIME, FULL_TIME: PracticeKind.FULL_TIME, PART_TIME: PracticeKind.PART_TIME };
const TITLE_LEVELS: Record<string, string> = { 正高: "SENIOR", 副高: "SENIOR", 高级: "SENIOR", 中级: "INTERMEDIATE", 初级: "JUNIOR", SENIOR: "SENIOR", INTERMEDIATE: "INTERMEDIATE", JUNIOR: "JUNIOR" };

/** `高级工程师(高级)；工程师` → titles with levels. */
function parseTitles(cell: string | undefined): Array<{ title: string; level: string | null }> {
  return splitList(cell).map((item) => {
    const match = /^(.+?)[(（]([^)）]+)[)）]$/.exec(item);
    if (!match) return { title: item, level: null };
    const level = TITLE_LEVELS[match[2].trim().toUpperCase()] ?? TITLE_LEVELS[match[2].trim()];
    if (!level) throw new BadUserInputError(`titles: unknown level ${match[2].trim().slice(0, 20)} (known: 正高、副高、高级、中级、初级).`, "input.titles");
    return { title: match[1].trim(), level };
  });
}

/**
 * `npx hub import appraisers FILE`: registers new appraisers (by the keyed hash of the ID number) at the
 * institution named by credit code, and updates name, phone, fields and titles of known ones; a different
 * institution opens a new post there. Same service, checks and audit as the API; one transaction per row;
 * the same file twice changes nothing.
 */
export function importAppraisers(newContext: () => HubContext, bytes: Buffer, options: { dryRun: boolean }, open: (sealed: string) => string | Promise<string>): Promise<ImportReport> {
  const table = readCsv(bytes, APPRAISER_COLUMNS, ["name", "idNumber", "institutionCreditCode", "technicalFields"]);
  return importRows("appraisers", table, { dryRun: options.dryRun, scopeField: "institutionCreditCode" }, newContext, async (ctx, values, claim) => {
    // Problems of the cells and of the service's checks are reported together.
    const problems = new InputProblems();
    const kindCell = (values.practiceKind ?? "").trim();
    const practiceKind = kindCell ? PRACTICE_KINDS[kindCell.toUpperCase()] ?? PRACTICE_KINDS[kindCell] : PracticeKind.FULL_TIME;
    if (!practiceKind) problems.add("input.practiceKind", `practiceKind: unknown value ${kindCell.slice(0, 20)} (known: 专职、兼职).`);
    const institution = await ctx.services.institutions.byCreditCode(values.institutionCreditCode ?? "");
    if (!institution) problems.add("input.institutionCreditCode", "No institution with this credit code exists for you.");
    const input = {
      institutionId: institution?.id ?? "",
      name: values.name,
      idNumber: values.idNumber ?? "",
      phone: values.phone || undefined,
      technicalFields: problems.check(() => parseTechnicalFields(values.technicalFields)) ?? [],
      titles: values.titles === undefined ? undefined : problems.check(() => parseTitles(values.titles)),
      practiceKind,
      startedOn: values.startedOn || undefined,
    };
    if (!institution) {
      // The service's own checks need the institution; report the cells' problems with it.
      problems.check(() => idNumberCheck(input.idNumber, "input.idNumber"));
      problems.check(() => ctx.services.appraisers.validProfile(input, "input"));
      problems.done();
    }
    const prepared = await problems.checkAsync(() => ctx.services.appraisers.prepareRegistration(input));
    problems.done();
    const { idNumberHash } = prepared!;
    const institutionId = input.institutionId;
    claim(idNumberHash, "input.idNumber");
    const current = await ctx.services.appraisers.byIdNumberHash(idNumberHash);
    if (!current) {
      if (!options.dryRun) await ctx.services.appraisers.register(input);
      return "created";
    }
    const changes = await profileChanges(current, input, open);
    const moves = current.institutionId !== institutionId;
    if (Object.keys(changes).length === 0 && !moves) return "unchanged";
    if (!options.dryRun) {
      const newPost = moves ? { institutionId, kind: practiceKind, startedOn: input.startedOn } : undefined;
      await ctx.services.appraisers.update(current.id, current.version, { ...changes, newPost });
    }
    return "updated";
  });
}

/** The profile fields of the row that differ from the stored appraiser. */
async function profileChanges(
  current: Appraiser,
  input: { name: string; phone?: string; technicalFields: TechnicalField[]; titles?: Array<{ title: string; level: string | null }> },
  open: (sealed: string) => string | Promise<string>,
): Promise<Record<string, unknown>> {
  const changes: Record<string, unknown> = {};
  if (input.name.trim() !== current.name) changes.name = input.name;
  if (input.phone !== undefined && input.phone.trim() !== (current.phoneSealed ? await open(current.phoneSealed) : "")) changes.phone = input.phone;
  if ([...input.technicalFields].sort().join() !== [...current.technicalFields].sort().join()) changes.technicalFields = input.technicalFields;
  // JSONB stores object keys in its own order: compare canonically.
  if (input.titles !== undefined && canonicalJson(input.titles) !== canonicalJson(current.titles)) changes.titles = input.titles;
  return changes;
}
