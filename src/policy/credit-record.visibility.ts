import { regionLikePattern } from "../auth/region";
import { CreditRecordStatus } from "../domain/credit-enums";
import { ENFORCEMENT, OVERSIGHT, isEnforcement, oversightCovering } from "./agency-groups";
import type { Viewer } from "../auth/viewer";
import { predicate, rowVisibility } from "./decision";

/**
 * Who a credit record exists for (contract.md): everyone while it is published (announced, inside its window,
 * and not repaired or revoked); the bureaus and associations covering the subject; the agencies it was shared with
 * for joint punishment; and courts, procuratorates and police whose own cases involved the subject (the
 * institution they entrusted, or an appraiser assigned to their case).
 */
const PUBLISHABLE = [CreditRecordStatus.ACTIVE, CreditRecordStatus.REPAIR_REQUESTED];

export function isPublished(record: { storedStatus: CreditRecordStatus; announced: boolean; publishFrom: string; publishUntil: string }, today: string): boolean {
  return record.announced && PUBLISHABLE.includes(record.storedStatus) && record.publishFrom <= today && today <= record.publishUntil;
}

/** What the in-memory form needs to know about the caller beyond the viewer (loaded once per request). */
export interface CreditViewerFacts {
  sharedRecordIds: ReadonlySet<string>;
  caseInstitutionIds: ReadonlySet<string>;
  caseAppraiserIds: ReadonlySet<string>;
}

export interface CreditRecordFacts {
  id: string;
  storedStatus: CreditRecordStatus;
  announced: boolean;
  publishFrom: string;
  publishUntil: string;
  subjectRegionCode: string;
  subjectInstitutionId: string | null;
  subjectAppraiserId: string | null;
}

export const creditRecordVisibility = rowVisibility(
  "creditRecord.visible",
  "published: everyone; otherwise bureaus and associations covering the subject, agencies it was shared with, and enforcement agencies whose cases involved the subject",
  {
    sql(viewer, alias: string, today: string) {
      const published = `(${alias}.announced AND ${alias}.status IN ('ACTIVE','REPAIR_REQUESTED') AND ${alias}.publish_from <= :vis_today AND ${alias}.publish_until >= :vis_today)`;
      const params: Record<string, unknown> = { vis_today: today };
      if (!viewer.agency) return { clause: published, params };
      params.vis_agency = viewer.agency.id;
      const parts = [published, `EXISTS (SELECT 1 FROM credit_shares s WHERE s.record_id = ${alias}.id AND s.agency_id = :vis_agency)`];
      if (viewer.isKind(...OVERSIGHT)) {
        parts.push(`${alias}.subject_region_code LIKE :vis_region`);
        params.vis_region = regionLikePattern(viewer.agency.regionCode);
      }
      if (viewer.isKind(...ENFORCEMENT)) {
        parts.push(`${alias}.subject_institution_id IN (SELECT c.institution_id FROM appraisal_cases c WHERE c.entrusting_agency_id = :vis_agency)`);
        parts.push(`${alias}.subject_appraiser_id IN (SELECT ca.appraiser_id FROM case_appraisers ca JOIN appraisal_cases c ON c.id = ca.case_id WHERE c.entrusting_agency_id = :vis_agency)`);
      }
      return { clause: `(${parts.join(" OR ")})`, params };
    },
    test(viewer, record: CreditRecordFacts, today: string, facts: CreditViewerFacts) {
      if (isPublished(record, today)) return true;
      if (!viewer.agency) return false;
      if (oversightCovering(viewer, record.subjectRegionCode) || facts.sharedRecordIds.has(record.id)) return true;
      if (!isEnforcement(viewer)) return false;
      return (!!record.subjectInstitutionId && facts.caseInstitutionIds.has(record.subjectInstitutionId)) || (!!record.subjectAppraiserId && facts.caseAppraiserIds.has(record.subjectAppraiserId));
    },
  },
);

/** Who a record was shared with (联合惩戒): the supervisors of the subject see every share, an agency its own. */
export const creditShareVisibility = predicate(
  "creditShare.visible",
  "row",
  "bureaus and associations covering the subject: every share; an agency: its own",
  (viewer: Viewer, record: { subjectRegionCode: string }, share: { agencyId: string }) => oversightCovering(viewer, record.subjectRegionCode) || share.agencyId === viewer.agency?.id,
);

/** Acknowledge a share (联合惩戒): only the agency the record was shared with; for anyone else there is none. */
export const creditShareRecipient = predicate(
  "creditShare.recipient",
  "row",
  "the agency a record was shared with",
  (viewer: Viewer, share: { agencyId: string }) => !!viewer.agency && share.agencyId === viewer.agency.id,
);
