import { ListingStatus } from "../domain/directory-enums";
import { regionLikePattern } from "../auth/region";
import { AgencyKind } from "../entities/agency-kind";
import { ENFORCEMENT, OVERSIGHT, isEnforcement, oversightCovering } from "./agency-groups";
import { rowVisibility } from "./decision";

/** What the institution predicate reads of a row. */
export interface InstitutionFacts {
  id: string;
  listingStatus: ListingStatus;
  regionCode: string;
}

const VISIBLE_TO_ENFORCEMENT = [ListingStatus.LISTED, ListingStatus.SUSPENDED, ListingStatus.REMOVED];

/**
 * Which institutions, and so which appraisers, exist for a caller (contract.md, "Who may see what"): listed
 * ones for everyone; suspended and removed ones also for courts, procuratorates and police (a court must see
 * that an institution was removed, and why); every one in their region for bureaus and associations; its own
 * for an institution's system.
 */
export const institutionVisibility = rowVisibility(
  "institution.visible",
  "listed: everyone; suspended or removed: also enforcement; any status: bureaus and associations covering it, and the institution itself",
  {
    sql(viewer, alias: string) {
      if (viewer.isKind(...ENFORCEMENT)) return { clause: `${alias}.listing_status IN (:...vis_statuses)`, params: { vis_statuses: VISIBLE_TO_ENFORCEMENT } };
      if (viewer.isKind(...OVERSIGHT)) {
        return { clause: `(${alias}.listing_status = 'LISTED' OR ${alias}.region_code LIKE :vis_region)`, params: { vis_region: regionLikePattern(viewer.agency!.regionCode) } };
      }
      if (viewer.isKind(AgencyKind.APPRAISAL_INSTITUTION) && viewer.agency?.institutionId) {
        return { clause: `(${alias}.listing_status = 'LISTED' OR ${alias}.id = :vis_own)`, params: { vis_own: viewer.agency.institutionId } };
      }
      return { clause: `${alias}.listing_status = 'LISTED'`, params: {} };
    },
    test(viewer, institution: InstitutionFacts) {
      if (institution.listingStatus === ListingStatus.LISTED) return true;
      if (isEnforcement(viewer)) return VISIBLE_TO_ENFORCEMENT.includes(institution.listingStatus);
      if (viewer.isKind(...OVERSIGHT)) return oversightCovering(viewer, institution.regionCode);
      return viewer.isInstitution(institution.id);
    },
  },
);
