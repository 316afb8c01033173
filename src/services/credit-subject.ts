import type { EntityManager } from "typeorm";
import type { ResponsePath } from "../auth/disclosure";
import type { PiiVault } from "../auth/pii-vault";
import type { RequestScope } from "../context/request-scope";
import { certificateInFull } from "../policy/credit-subject.disclosure";
import { discloseAfterAudit } from "./sealed-disclosure";
import { maskCertificateNumber } from "../auth/mask";
import { CreditSubjectType } from "../domain/credit-enums";
import { Appraiser } from "../entities/appraiser.entity";
import type { CaseFeedback } from "../entities/case-feedback.entity";
import { Institution } from "../entities/institution.entity";
import { PatentAttorney } from "../entities/patent-attorney.entity";
import { BadUserInputError } from "../errors/errors";
import { conflictOnDuplicate } from "./unique-violation";
import type { Clause } from "../policy/decision";
import * as check from "./validate";

/**
 * Whom a credit determination or incentive is about (信用主体): an institution or appraiser of the directory, a
 * patent attorney (专利代理师) by practising certificate number, or another subject (enterprise, patent or
 * trademark agency) by unified social credit code.
 */
export type CreditSubject = {
  type: CreditSubjectType;
  creditCode: string | null;
  institutionId: string | null;
  appraiserId: string | null;
  /**
   * A patent attorney, by the keyed hash of the certificate number (never the number itself). Not by id: the
   * subject is part of an idempotency fingerprint, and a retry must match though the first call stored the attorney.
   */
  attorney: { certificateHash: string; certificateMasked: string } | null;
  name: string;
  regionCode: string;
};

/** How an input names its subject (`RecordCreditEventInput`, `RecordCreditIncentiveInput`). */
export interface CreditSubjectInput {
  subjectCreditCode?: string | null;
  subjectAppraiserId?: string | null;
  subjectType?: CreditSubjectType | null;
  subjectName?: string | null;
  subjectRegionCode?: string | null;
  subjectCertificateNo?: string | null;
}

const OUTSIDE_DIRECTORY = [CreditSubjectType.ENTERPRISE, CreditSubjectType.PATENT_AGENCY, CreditSubjectType.TRADEMARK_AGENCY, CreditSubjectType.PATENT_ATTORNEY];

/**
 * Reads the subject an input names, inside the command's transaction. A complaint (for determinations made
 * from one) supplies its appraiser, or its institution, unless the input names another subject.
 */
export async function resolveCreditSubject(manager: EntityManager, vault: PiiVault, input: CreditSubjectInput, complaint: CaseFeedback | null = null): Promise<CreditSubject> {
  const none = { creditCode: null, institutionId: null, appraiserId: null, attorney: null };
  if (input.subjectType === CreditSubjectType.PATENT_ATTORNEY) return attorneySubject(manager, vault, input);
  const appraiserId = input.subjectAppraiserId ?? (input.subjectCreditCode ? null : complaint?.appraiserId ?? null);
  if (appraiserId) {
    const appraiser = check.isUuid(appraiserId) ? await manager.getRepository(Appraiser).findOneBy({ id: appraiserId }) : null;
    if (!appraiser) throw new BadUserInputError("The appraiser does not exist.", "input.subjectAppraiserId");
    return { ...none, type: CreditSubjectType.APPRAISER, appraiserId: appraiser.id, name: appraiser.name, regionCode: appraiser.regionCode };
  }
  if (!input.subjectCreditCode && complaint) {
    // A complaint about the institution as a whole: the institution is the subject.
    const institution = await manager.getRepository(Institution).findOneByOrFail({ id: complaint.institutionId });
    return { ...none, type: CreditSubjectType.INSTITUTION, creditCode: institution.creditCode, institutionId: institution.id, name: institution.name, regionCode: institution.regionCode };
  }
  if (!input.subjectCreditCode) throw new BadUserInputError("Name the subject by subjectCreditCode, subjectAppraiserId, or subjectType PATENT_ATTORNEY with subjectCertificateNo.", "input.subjectCreditCode");
  const creditCode = check.creditCode(input.subjectCreditCode, "input.subjectCreditCode");
  const institution = await manager.getRepository(Institution).findOneBy({ creditCode });
  if (institution) {
    return { ...none, type: CreditSubjectType.INSTITUTION, creditCode, institutionId: institution.id, name: institution.name, regionCode: institution.regionCode };
  }
  if (!input.subjectType || !OUTSIDE_DIRECTORY.includes(input.subjectType)) {
    throw new BadUserInputError("For a subject outside the directory, give subjectType (ENTERPRISE, PATENT_AGENCY or TRADEMARK_AGENCY), subjectName and subjectRegionCode.", "input.subjectType");
  }
  const name = check.text(input.subjectName, "input.subjectName", { max: 200, required: true });
  const regionCode = check.regionCode(input.subjectRegionCode ?? "", "input.subjectRegionCode");
  return { ...none, type: input.subjectType, creditCode, name, regionCode };
}

/** A patent attorney by certificate number: the one the hub knows under that number, or a new one. */
async function attorneySubject(manager: EntityManager, vault: PiiVault, input: CreditSubjectInput): Promise<CreditSubject> {
  const certificateNo = check.certificateNumber(input.subjectCertificateNo, "input.subjectCertificateNo");
  const name = check.text(input.subjectName, "input.subjectName", { max: 100, required: true });
  const regionCode = check.regionCode(input.subjectRegionCode ?? "", "input.subjectRegionCode");
  const certificateHash = vault.hash(certificateNo);
  const known = await manager.getRepository(PatentAttorney).findOneBy({ certificateHash });
  // One certificate, one person: a different name is a typo in one of the two, not a second attorney.
  if (known && known.name !== name) throw new BadUserInputError("This certificate number is on record for another name: check both.", "input.subjectCertificateNo");
  return {
    type: CreditSubjectType.PATENT_ATTORNEY,
    creditCode: null,
    institutionId: null,
    appraiserId: null,
    attorney: { certificateHash, certificateMasked: maskCertificateNumber(certificateNo)! },
    name,
    regionCode,
  };
}

/**
 * Inside the write: the subject's patent attorney id, storing a new attorney with the certificate number
 * sealed. Null for other subjects.
 */
export async function storeSubjectAttorney(manager: EntityManager, vault: PiiVault, subject: CreditSubject, certificateNo: string | null | undefined): Promise<string | null> {
  if (!subject.attorney) return null;
  const known = await manager.getRepository(PatentAttorney).findOneBy({ certificateHash: subject.attorney.certificateHash });
  if (known) return known.id;
  const number = check.certificateNumber(certificateNo, "input.subjectCertificateNo");
  const attorney = manager.create(PatentAttorney, {
    name: subject.name,
    certificateSealed: vault.seal(number),
    certificateHash: subject.attorney.certificateHash,
    certificateMasked: subject.attorney.certificateMasked,
  });
  // Two first records about one attorney at once: the unique hash lets one store it; the other retries and finds it.
  const saved = await conflictOnDuplicate(() => manager.getRepository(PatentAttorney).save(attorney), "A record about this patent attorney was made at the same moment: retry.", "input.subjectCertificateNo");
  return saved.id;
}

/** A list filter by the subject attorney's certificate number, matched through its keyed hash. */
export const attorneyFilter =
  (hash: (value: string) => string) =>
  (certificateNo: string, alias: string): Clause => ({
    clause: `${alias}.subject_attorney_id IN (SELECT a.id FROM patent_attorneys a WHERE a.certificate_hash = :attorneyHash)`,
    params: { attorneyHash: hash(check.certificateNumber(certificateNo, "filter.subjectCertificateNo")) },
  });

/**
 * The subject's certificate number as the caller may read it: masked, or in full for the supervisors the
 * policy names once the read's audit entry is durable. Null when the subject is no patent attorney.
 */
export async function subjectCertificateNo(scope: RequestScope, row: { id: string; subjectAttorneyId: string | null; subjectRegionCode: string }, entityType: string, path: ResponsePath): Promise<string | null> {
  if (!row.subjectAttorneyId) return null;
  const attorney = await scope.loaders.patentAttorneyById.load(row.subjectAttorneyId);
  if (!attorney) return null;
  if (!certificateInFull(scope.viewer, row)) return attorney.certificateMasked;
  return discloseAfterAudit(scope, { entityType, entityId: row.id, field: "subjectCertificateNo" }, attorney.certificateSealed, attorney.certificateMasked, path);
}
