import { regionLikePattern } from "../auth/region";
import { AgencyKind } from "../entities/agency-kind";
import { CASE_SUPERVISORS } from "./agency-groups";
import { NOTHING, rowVisibility } from "./decision";

/** Supervision records: bureaus, associations and procuratorates covering the institution, and the institution. */
export const supervisionRecordVisibility = rowVisibility(
  "supervisionRecord.visible",
  "bureaus, associations and procuratorates covering the institution; the institution itself",
  {
    sql(viewer, alias: string) {
      if (viewer.isKind(AgencyKind.APPRAISAL_INSTITUTION) && viewer.agency?.institutionId) {
        return { clause: `${alias}.institution_id = :vis_institution`, params: { vis_institution: viewer.agency.institutionId } };
      }
      if (!viewer.isKind(...CASE_SUPERVISORS)) return NOTHING;
      return { clause: `${alias}.institution_region_code LIKE :vis_region`, params: { vis_region: regionLikePattern(viewer.agency!.regionCode) } };
    },
    test(viewer, r: { institutionId: string; institutionRegionCode: string }) {
      return viewer.isInstitution(r.institutionId) || (viewer.isKind(...CASE_SUPERVISORS) && viewer.covers(r.institutionRegionCode));
    },
  },
);
