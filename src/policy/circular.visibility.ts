import { enclosingRegions, regionLikePattern } from "../auth/region";
import { AgencyKind } from "../entities/agency-kind";
import { CASE_SUPERVISORS } from "./agency-groups";
import { NOTHING, rowVisibility } from "./decision";

/**
 * Circulars to a region: the institutions they address (of that region or below it), and the agencies
 * supervising the region: bureaus, associations and procuratorates whose jurisdiction lies in it or covers it
 * (a provincial circular reaches a city bureau too).
 */
export const circularVisibility = rowVisibility("circular.visible", "institutions of the region addressed; bureaus, associations and procuratorates whose jurisdiction is in it or covers it", {
  sql(viewer, alias: string) {
    if (!viewer.agency) return NOTHING;
    const enclosing = { vis_enclosing: enclosingRegions(viewer.agency.regionCode) };
    if (viewer.isKind(AgencyKind.APPRAISAL_INSTITUTION) && viewer.agency.institutionId) return { clause: `${alias}.region_code IN (:...vis_enclosing)`, params: enclosing };
    if (!viewer.isKind(...CASE_SUPERVISORS)) return NOTHING;
    return { clause: `(${alias}.region_code LIKE :vis_region OR ${alias}.region_code IN (:...vis_enclosing))`, params: { ...enclosing, vis_region: regionLikePattern(viewer.agency.regionCode) } };
  },
  test(viewer, circular: { regionCode: string }) {
    if (!viewer.agency) return false;
    const addressed = enclosingRegions(viewer.agency.regionCode).includes(circular.regionCode);
    if (viewer.isKind(AgencyKind.APPRAISAL_INSTITUTION) && viewer.agency.institutionId) return addressed;
    return viewer.isKind(...CASE_SUPERVISORS) && (addressed || viewer.covers(circular.regionCode));
  },
});
