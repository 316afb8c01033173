import { regionLikePattern } from "../auth/region";
import { OVERSIGHT, oversightCovering } from "./agency-groups";
import { NOTHING, rowVisibility } from "./decision";

/** Individual feedback and complaints: the agency that posted it, and bureaus and associations covering the institution. */
export const caseFeedbackVisibility = rowVisibility(
  "caseFeedback.visible",
  "the posting agency; bureaus and associations covering the institution",
  {
    sql(viewer, alias: string) {
      if (!viewer.agency) return NOTHING;
      if (!viewer.isKind(...OVERSIGHT)) return { clause: `${alias}.posting_agency_id = :vis_agency`, params: { vis_agency: viewer.agency.id } };
      return {
        clause: `(${alias}.posting_agency_id = :vis_agency OR ${alias}.institution_region_code LIKE :vis_region)`,
        params: { vis_agency: viewer.agency.id, vis_region: regionLikePattern(viewer.agency.regionCode) },
      };
    },
    test(viewer, f: { postingAgencyId: string; institutionRegionCode: string }) {
      if (!viewer.agency) return false;
      return viewer.agency.id === f.postingAgencyId || oversightCovering(viewer, f.institutionRegionCode);
    },
  },
);
