import { regionLikePattern } from "../auth/region";
import { bureauCovering, isBureau } from "./agency-groups";
import { NOTHING, rowVisibility } from "./decision";

/**
 * An abnormal patent application (an item of a batch): the market-regulation bureaus covering the
 * applicant's region. A batch exists for a bureau with items in it; its counts are over those items.
 */
export const abnormalPatentVisibility = rowVisibility(
  "abnormalPatent.visible",
  "bureaus covering the applicant's region (batches: bureaus with items in them)",
  {
    /** Over an abnormal_patent_items alias. */
    sql(viewer, alias: string) {
      if (!viewer.agency || !isBureau(viewer)) return NOTHING;
      return { clause: `${alias}.region_code LIKE :vis_region`, params: { vis_region: regionLikePattern(viewer.agency.regionCode) } };
    },
    test(viewer, item: { regionCode: string }) {
      return bureauCovering(viewer, item.regionCode);
    },
  },
);

/** A batch: the bureaus covering the issuing bureau's region, and those with items of it in their jurisdiction. */
export const abnormalPatentBatchVisibility = rowVisibility(
  "abnormalPatentBatch.visible",
  "bureaus covering the issuing bureau's region or the region of one of its items",
  {
    sql(viewer, alias: string) {
      if (!viewer.agency || !isBureau(viewer)) return NOTHING;
      return {
        clause: `(${alias}.region_code LIKE :vis_region OR EXISTS (SELECT 1 FROM abnormal_patent_items vis_i WHERE vis_i.batch_id = ${alias}.id AND vis_i.region_code LIKE :vis_region))`,
        params: { vis_region: regionLikePattern(viewer.agency.regionCode) },
      };
    },
    test(viewer, batch: { regionCode: string }, itemRegionCodes: readonly string[]) {
      return bureauCovering(viewer, batch.regionCode) || itemRegionCodes.some((code) => bureauCovering(viewer, code));
    },
  },
);
