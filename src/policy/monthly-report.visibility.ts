import { regionLikePattern } from "../auth/region";
import { NOTHING, rowVisibility } from "./decision";
import { supervisionReporter } from "./rules";

/**
 * Who a filed monthly report exists for: the bureaus whose jurisdiction covers its region. The province sees
 * the reports its cities filed (and its own); a city sees its own; the national office sees them all.
 */
export const filedMonthlyReportVisibility = rowVisibility("monthlyReport.visible", "market-regulation bureaus covering the report's region", {
  sql(viewer, alias: string) {
    if (!supervisionReporter(viewer) || !viewer.agency) return NOTHING;
    return { clause: `${alias}.region_code LIKE :vis_region`, params: { vis_region: regionLikePattern(viewer.agency.regionCode) } };
  },
  test(viewer, row: { regionCode: string }) {
    return supervisionReporter(viewer) && viewer.covers(row.regionCode);
  },
});
