import { regionLikePattern } from "../auth/region";
import { OVERSIGHT, oversightCovering } from "./agency-groups";
import { NOTHING, rowVisibility } from "./decision";

/** A mark under custody and its alerts: the bureaus and associations covering the owner's region, and the custodian. */
export const custodyTrademarkVisibility = rowVisibility(
  "custodyTrademark.visible",
  "bureaus and associations covering the owner's region; the custodian",
  {
    sql(viewer, alias: string) {
      if (!viewer.agency) return NOTHING;
      const params: Record<string, unknown> = { vis_agency: viewer.agency.id };
      if (!viewer.isKind(...OVERSIGHT)) return { clause: `${alias}.custodian_agency_id = :vis_agency`, params };
      return { clause: `(${alias}.region_code LIKE :vis_region OR ${alias}.custodian_agency_id = :vis_agency)`, params: { ...params, vis_region: regionLikePattern(viewer.agency.regionCode) } };
    },
    test(viewer, mark: { regionCode: string; custodianAgencyId: string }) {
      if (!viewer.agency) return false;
      return oversightCovering(viewer, mark.regionCode) || mark.custodianAgencyId === viewer.agency.id;
    },
  },
);
