import { regionLikePattern } from "../auth/region";
import { AgencyKind } from "../entities/agency-kind";
import { CASE_SUPERVISORS } from "./agency-groups";
import { NOTHING, rowVisibility } from "./decision";

/** Cases: the entrusting agency, the institution, and bureaus, associations and procuratorates covering either. */
export const appraisalCaseVisibility = rowVisibility(
  "appraisalCase.visible",
  "the entrusting agency and the institution; bureaus, associations and procuratorates covering either's region",
  {
    sql(viewer, alias: string) {
      if (!viewer.agency) return NOTHING;
      const own = `${alias}.entrusting_agency_id = :vis_agency OR ${alias}.institution_id = :vis_institution`;
      const params: Record<string, unknown> = { vis_agency: viewer.agency.id, vis_institution: viewer.isKind(AgencyKind.APPRAISAL_INSTITUTION) ? viewer.agency.institutionId : null };
      if (!viewer.isKind(...CASE_SUPERVISORS)) return { clause: `(${own})`, params };
      return {
        clause: `(${own} OR ${alias}.institution_region_code LIKE :vis_region OR ${alias}.entrusting_region_code LIKE :vis_region)`,
        params: { ...params, vis_region: regionLikePattern(viewer.agency.regionCode) },
      };
    },
    test(viewer, c: { entrustingAgencyId: string; institutionId: string; institutionRegionCode: string; entrustingRegionCode: string }) {
      if (!viewer.agency) return false;
      if (viewer.agency.id === c.entrustingAgencyId || viewer.isInstitution(c.institutionId)) return true;
      return viewer.isKind(...CASE_SUPERVISORS) && (viewer.covers(c.institutionRegionCode) || viewer.covers(c.entrustingRegionCode));
    },
  },
);
