import { AgencyKind } from "../entities/agency-kind";
import { regionLikePattern } from "../auth/region";
import type { Viewer } from "../auth/viewer";

/**
 * Who may see a mark under custody and its alerts, in memory and in SQL, so the field rule and the lists
 * agree: the bureaus and associations covering the owner's region, and the custodian.
 */
export function canSeeTrademark(viewer: Viewer, mark: { regionCode: string; custodianAgencyId: string }): boolean {
  if (!viewer.agency) return false;
  return (viewer.isKind(AgencyKind.MARKET_REGULATION, AgencyKind.INDUSTRY_ASSOCIATION) && viewer.covers(mark.regionCode)) || mark.custodianAgencyId === viewer.agency.id;
}

/** The same rule as a WHERE clause over custody_trademarks `alias`; null for the anonymous public (nothing). */
export function trademarkVisibilitySql(viewer: Viewer, alias: string): { clause: string; params: Record<string, unknown> } | null {
  if (!viewer.agency) return null;
  const params: Record<string, unknown> = { visAgency: viewer.agency.id };
  if (!viewer.isKind(AgencyKind.MARKET_REGULATION, AgencyKind.INDUSTRY_ASSOCIATION)) return { clause: `${alias}.custodian_agency_id = :visAgency`, params };
  return { clause: `(${alias}.region_code LIKE :vis OR ${alias}.custodian_agency_id = :visAgency)`, params: { ...params, vis: regionLikePattern(viewer.agency.regionCode) } };
}
