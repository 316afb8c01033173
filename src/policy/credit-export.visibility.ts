import { regionLikePattern } from "../auth/region";
import { NOTHING, rowVisibility } from "./decision";
import { creditDecider } from "./rules";

/**
 * What a bureau sends to the public credit information platform (信用信息共享平台): every credit record and
 * positive record about a subject in its jurisdiction, announced or not (the platform decides what it
 * publishes; the export says which are announced). Nobody else exports.
 */
export const creditExportVisibility = rowVisibility("creditExport.visible", "market-regulation bureaus: every credit record and positive record about a subject in their jurisdiction", {
  sql(viewer, alias: string) {
    if (!creditDecider(viewer) || !viewer.agency) return NOTHING;
    return { clause: `${alias}.subject_region_code LIKE :vis_region`, params: { vis_region: regionLikePattern(viewer.agency.regionCode) } };
  },
  test(viewer, row: { subjectRegionCode: string }) {
    return creditDecider(viewer) && viewer.covers(row.subjectRegionCode);
  },
});
