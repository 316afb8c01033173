import { AgencyKind } from "../entities/agency-kind";
import { ListingStatus } from "../domain/directory-enums";
import { regionLikePattern } from "../auth/region";
import type { Viewer } from "../auth/viewer";

/**
 * Which institutions, and so which appraisers, exist for a caller (contract.md, "Who may see what"):
 * listed ones for everyone; suspended and removed ones also for courts, procuratorates and police (a court
 * must see that an institution was removed, and why); every one in their region for bureaus and
 * associations; its own for an institution's system. The SQL and the in-memory check say the same thing.
 */
const ENFORCEMENT_KINDS = [AgencyKind.COURT, AgencyKind.PROCURATORATE, AgencyKind.POLICE];
const VISIBLE_TO_ENFORCEMENT = [ListingStatus.LISTED, ListingStatus.SUSPENDED, ListingStatus.REMOVED];

export function canSeeInstitution(viewer: Viewer, institution: { id: string; listingStatus: ListingStatus; regionCode: string }): boolean {
  if (institution.listingStatus === ListingStatus.LISTED) return true;
  if (viewer.isKind(...ENFORCEMENT_KINDS)) return VISIBLE_TO_ENFORCEMENT.includes(institution.listingStatus);
  if (viewer.isKind(AgencyKind.MARKET_REGULATION, AgencyKind.INDUSTRY_ASSOCIATION)) return viewer.covers(institution.regionCode);
  return viewer.isInstitution(institution.id);
}

/** A WHERE clause over an institutions alias, with named parameters prefixed `vis_`. */
export function institutionVisibilitySql(viewer: Viewer, alias: string): { clause: string; params: Record<string, unknown> } {
  if (viewer.isKind(...ENFORCEMENT_KINDS)) {
    return { clause: `${alias}.listing_status IN (:...vis_statuses)`, params: { vis_statuses: VISIBLE_TO_ENFORCEMENT } };
  }
  if (viewer.isKind(AgencyKind.MARKET_REGULATION, AgencyKind.INDUSTRY_ASSOCIATION)) {
    return { clause: `(${alias}.listing_status = 'LISTED' OR ${alias}.region_code LIKE :vis_region)`, params: { vis_region: regionLikePattern(viewer.agency!.regionCode) } };
  }
  if (viewer.isKind(AgencyKind.APPRAISAL_INSTITUTION) && viewer.agency?.institutionId) {
    return { clause: `(${alias}.listing_status = 'LISTED' OR ${alias}.id = :vis_own)`, params: { vis_own: viewer.agency.institutionId } };
  }
  return { clause: `${alias}.listing_status = 'LISTED'`, params: {} };
}

/**
 * Appraisers exist for a caller when their institution does; an appraiser with no current institution only
 * for the bureaus and associations of the appraiser's region. `institutionAlias` is LEFT JOINed.
 */
export function appraiserVisibilitySql(viewer: Viewer, appraiserAlias: string, institutionAlias: string): { clause: string; params: Record<string, unknown> } {
  const inst = institutionVisibilitySql(viewer, institutionAlias);
  if (viewer.isKind(AgencyKind.MARKET_REGULATION, AgencyKind.INDUSTRY_ASSOCIATION)) {
    return {
      clause: `((${institutionAlias}.id IS NOT NULL AND ${inst.clause}) OR ${appraiserAlias}.region_code LIKE :vis_region)`,
      params: { ...inst.params, vis_region: regionLikePattern(viewer.agency!.regionCode) },
    };
  }
  return { clause: `(${institutionAlias}.id IS NOT NULL AND ${inst.clause})`, params: inst.params };
}

export function canSeeAppraiser(viewer: Viewer, appraiser: { regionCode: string }, institution: { id: string; listingStatus: ListingStatus; regionCode: string } | null): boolean {
  if (institution && canSeeInstitution(viewer, institution)) return true;
  return viewer.isKind(AgencyKind.MARKET_REGULATION, AgencyKind.INDUSTRY_ASSOCIATION) && viewer.covers(appraiser.regionCode);
}
