import { AgencyKind } from "../entities/agency-kind";
import { regionLikePattern } from "../auth/region";
import type { Viewer } from "../auth/viewer";

/**
 * Who a case, a piece of feedback or a supervision record exists for (contract.md, "Who may see what"). The
 * SQL and in-memory forms say the same thing; a record outside them does not exist for the caller.
 */
type Clause = { clause: string; params: Record<string, unknown> };
const NOTHING: Clause = { clause: "1 = 0", params: {} };
const SUPERVISORS = [AgencyKind.MARKET_REGULATION, AgencyKind.INDUSTRY_ASSOCIATION, AgencyKind.PROCURATORATE];

/** Cases: the entrusting agency, the institution, and bureaus, associations and procuratorates covering either. */
export function canSeeCase(viewer: Viewer, c: { entrustingAgencyId: string; institutionId: string; institutionRegionCode: string; entrustingRegionCode: string }): boolean {
  if (!viewer.agency) return false;
  if (viewer.agency.id === c.entrustingAgencyId || viewer.isInstitution(c.institutionId)) return true;
  return viewer.isKind(...SUPERVISORS) && (viewer.covers(c.institutionRegionCode) || viewer.covers(c.entrustingRegionCode));
}

export function caseVisibilitySql(viewer: Viewer, alias: string): Clause {
  if (!viewer.agency) return NOTHING;
  const own = `${alias}.entrusting_agency_id = :vis_agency OR ${alias}.institution_id = :vis_institution`;
  const params: Record<string, unknown> = { vis_agency: viewer.agency.id, vis_institution: viewer.isKind(AgencyKind.APPRAISAL_INSTITUTION) ? viewer.agency.institutionId : null };
  if (!viewer.isKind(...SUPERVISORS)) return { clause: `(${own})`, params };
  return {
    clause: `(${own} OR ${alias}.institution_region_code LIKE :vis_region OR ${alias}.entrusting_region_code LIKE :vis_region)`,
    params: { ...params, vis_region: regionLikePattern(viewer.agency.regionCode) },
  };
}

/** Individual feedback: the agency that posted it, and bureaus and associations covering the institution. */
export function canSeeFeedback(viewer: Viewer, f: { postingAgencyId: string; institutionRegionCode: string }): boolean {
  if (!viewer.agency) return false;
  if (viewer.agency.id === f.postingAgencyId) return true;
  return viewer.isKind(AgencyKind.MARKET_REGULATION, AgencyKind.INDUSTRY_ASSOCIATION) && viewer.covers(f.institutionRegionCode);
}

export function feedbackVisibilitySql(viewer: Viewer, alias: string): Clause {
  if (!viewer.agency) return NOTHING;
  if (!viewer.isKind(AgencyKind.MARKET_REGULATION, AgencyKind.INDUSTRY_ASSOCIATION)) {
    return { clause: `${alias}.posting_agency_id = :vis_agency`, params: { vis_agency: viewer.agency.id } };
  }
  return {
    clause: `(${alias}.posting_agency_id = :vis_agency OR ${alias}.institution_region_code LIKE :vis_region)`,
    params: { vis_agency: viewer.agency.id, vis_region: regionLikePattern(viewer.agency.regionCode) },
  };
}

/** Supervision records: bureaus, associations and procuratorates covering the institution, and the institution. */
export function canSeeSupervision(viewer: Viewer, r: { institutionId: string; institutionRegionCode: string }): boolean {
  if (viewer.isInstitution(r.institutionId)) return true;
  return viewer.isKind(...SUPERVISORS) && viewer.covers(r.institutionRegionCode);
}

export function supervisionVisibilitySql(viewer: Viewer, alias: string): Clause {
  if (viewer.isKind(AgencyKind.APPRAISAL_INSTITUTION) && viewer.agency?.institutionId) {
    return { clause: `${alias}.institution_id = :vis_institution`, params: { vis_institution: viewer.agency.institutionId } };
  }
  if (!viewer.isKind(...SUPERVISORS)) return NOTHING;
  return { clause: `${alias}.institution_region_code LIKE :vis_region`, params: { vis_region: regionLikePattern(viewer.agency!.regionCode) } };
}
