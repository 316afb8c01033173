import { EntityManager } from "typeorm";
import { ApplicantKind, PATENT_TYPE_OF_DIGIT } from "../domain/abnormal-patent-enums";
import { patentApplicationNumberProblem } from "../domain/identifiers";
import { currentRegionCode } from "../domain/region-directory";
import { enclosingRegions } from "../auth/region";
import { BadUserInputError } from "../errors/errors";
import type { AbnormalPatentItem } from "../entities/abnormal-patent.entity";
import * as check from "./validate";
import type { AbnormalPatentItemInput } from "../inputs/abnormal-patent.input";

export type PreparedItem = Pick<
  AbnormalPatentItem,
  "applicationNumber" | "patentType" | "title" | "applicantName" | "applicantKind" | "applicantCreditCode" | "patentAgencyName" | "patentAgencyCode" | "patentAgencyCreditCode" | "regionCode"
>;

/**
 * Checks and normalises one item; errors name the item's field (`applicationNumber`, `applicantRegionCode`…)
 * so the batch report and the CSV report can point at it. The patent type, when given, must agree with the
 * application number's type digit; an organization applicant needs its credit code, a person has none.
 */
export function prepareItem(input: AbnormalPatentItemInput): PreparedItem {
  const applicationNumber = input.applicationNumber.trim().toUpperCase().replace(/^CN/, "");
  const problem = patentApplicationNumberProblem(applicationNumber);
  if (problem) throw new BadUserInputError(problem, "applicationNumber");
  const typeOfNumber = PATENT_TYPE_OF_DIGIT[applicationNumber[4]];
  if (input.patentType && input.patentType !== typeOfNumber) throw new BadUserInputError("patentType does not match the type digit of the application number.", "patentType");
  const creditCode = input.applicantCreditCode?.trim() ? check.creditCode(input.applicantCreditCode, "applicantCreditCode") : null;
  const applicantKind = input.applicantKind ?? (creditCode ? ApplicantKind.ORGANIZATION : ApplicantKind.PERSON);
  if (applicantKind === ApplicantKind.ORGANIZATION && !creditCode) throw new BadUserInputError("An organization applicant needs its unified social credit code.", "applicantCreditCode");
  if (applicantKind === ApplicantKind.PERSON && creditCode) throw new BadUserInputError("A natural-person applicant has no credit code.", "applicantCreditCode");
  const agencyName = check.optionalText(input.patentAgencyName, "patentAgencyName", 200);
  const agencyCode = check.optionalText(input.patentAgencyCode, "patentAgencyCode", 5);
  if (agencyCode && !/^\d{5}$/.test(agencyCode)) throw new BadUserInputError("A patent agency code (机构代码) has 5 digits.", "patentAgencyCode");
  if (!!agencyName !== !!agencyCode) throw new BadUserInputError("Give the patent agency's name and code together.", agencyName ? "patentAgencyCode" : "patentAgencyName");
  const agencyCreditCode = input.patentAgencyCreditCode?.trim() ? check.creditCode(input.patentAgencyCreditCode, "patentAgencyCreditCode") : null;
  if (agencyCreditCode && !agencyName) throw new BadUserInputError("Give the patent agency's name and code with its credit code.", "patentAgencyName");
  return {
    applicationNumber,
    patentType: typeOfNumber,
    title: check.optionalText(input.title, "title", 300),
    applicantName: check.text(input.applicantName, "applicantName", { max: 200, required: true }),
    applicantKind,
    applicantCreditCode: creditCode,
    patentAgencyName: agencyName,
    patentAgencyCode: agencyCode,
    patentAgencyCreditCode: agencyCreditCode,
    // A replaced code (410728 长垣县) is filed under its successor, where today's bureau sits.
    regionCode: currentRegionCode(check.regionCode(input.applicantRegionCode, "applicantRegionCode")),
  };
}

/** Whether a stored item has exactly these particulars (a re-import then changes nothing). */
export function sameItem(stored: AbnormalPatentItem, item: PreparedItem): boolean {
  return (Object.keys(item) as Array<keyof PreparedItem>).every((key) => (stored[key] ?? null) === (item[key] ?? null));
}

export interface Bureau {
  id: string;
  code: string;
  regionCode: string;
}

/**
 * The allocation rule: an item goes to the market-regulation bureau of the applicant's county; where the
 * county has none registered with the hub, to the city's, then the province's. Reads the active bureaus once
 * per import.
 */
export async function allocationTable(manager: EntityManager): Promise<(regionCode: string) => Bureau | undefined> {
  const rows: Array<{ id: string; code: string; region_code: string }> = await manager.query(
    `SELECT id, code, region_code FROM agencies WHERE kind = 'MARKET_REGULATION' AND status = 'ACTIVE' ORDER BY code`,
  );
  const byRegion = new Map<string, Bureau>();
  for (const row of rows) if (!byRegion.has(row.region_code)) byRegion.set(row.region_code, { id: row.id, code: row.code, regionCode: row.region_code });
  return (regionCode) => {
    for (const code of enclosingRegions(regionCode)) {
      const bureau = byRegion.get(code);
      if (bureau) return bureau;
    }
    return undefined;
  };
}
