import { regionLikePattern } from "../auth/region";
import { provinceBureau } from "./agency-groups";
import { NOTHING, rowVisibility } from "./decision";
import { auditReader } from "./rules";

/**
 * Audit entries: bureaus at province level and above read every entry of their jurisdiction (the region of
 * the acting agency); the other audit readers read their own agency's entries.
 */
export const auditEventVisibility = rowVisibility(
  "auditEvent.visible",
  "province-level bureaus and above: entries of agencies in their jurisdiction; other audit readers: their own agency's",
  {
    sql(viewer, alias: string) {
      if (!viewer.agency || !auditReader(viewer)) return NOTHING;
      if (provinceBureau(viewer)) return { clause: `${alias}.region_code LIKE :vis_region`, params: { vis_region: regionLikePattern(viewer.agency.regionCode) } };
      return { clause: `${alias}.agency_code = :vis_agency`, params: { vis_agency: viewer.agency.code } };
    },
    test(viewer, entry: { agencyCode: string | null; regionCode: string | null }) {
      if (!viewer.agency || !auditReader(viewer)) return false;
      return provinceBureau(viewer) ? viewer.covers(entry.regionCode) : entry.agencyCode === viewer.agency.code;
    },
  },
);
