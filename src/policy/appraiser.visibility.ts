import { regionLikePattern } from "../auth/region";
import { OVERSIGHT, oversightCovering } from "./agency-groups";
import { rowVisibility } from "./decision";
import { InstitutionFacts, institutionVisibility } from "./institution.visibility";

/**
 * Appraisers exist for a caller when their institution does; an appraiser with no current institution only
 * for the bureaus and associations of the appraiser's region. In SQL, `institutionAlias` is LEFT JOINed.
 */
export const appraiserVisibility = rowVisibility(
  "appraiser.visible",
  "whoever sees the appraiser's institution; bureaus and associations covering the appraiser's region",
  {
    sql(viewer, appraiserAlias: string, institutionAlias: string) {
      const inst = institutionVisibility.sql(viewer, institutionAlias);
      if (viewer.isKind(...OVERSIGHT)) {
        return {
          clause: `((${institutionAlias}.id IS NOT NULL AND ${inst.clause}) OR ${appraiserAlias}.region_code LIKE :vis_region)`,
          params: { ...inst.params, vis_region: regionLikePattern(viewer.agency!.regionCode) },
        };
      }
      return { clause: `(${institutionAlias}.id IS NOT NULL AND ${inst.clause})`, params: inst.params };
    },
    test(viewer, appraiser: { regionCode: string }, institution: InstitutionFacts | null) {
      return (!!institution && institutionVisibility.test(viewer, institution)) || oversightCovering(viewer, appraiser.regionCode);
    },
  },
);
