import { regionLikePattern } from "../auth/region";
import { isBureau } from "./agency-groups";
import { NOTHING, rowVisibility } from "./decision";

/**
 * Public reports exist only for the market-regulation bureaus covering the report's region (the subject's):
 * they triage them. Not for the reported institution, nor for other agencies: a report is an allegation
 * until a bureau accepts it, and it names its reporter's contact.
 */
export const publicReportVisibility = rowVisibility("publicReport.visible", "market-regulation bureaus covering the report's region", {
  sql(viewer, alias: string) {
    if (!isBureau(viewer)) return NOTHING;
    return { clause: `${alias}.region_code LIKE :vis_region`, params: { vis_region: regionLikePattern(viewer.agency!.regionCode) } };
  },
  test(viewer, report: { regionCode: string }) {
    return isBureau(viewer) && viewer.covers(report.regionCode);
  },
});
