import { regionLikePattern } from "../auth/region";
import { CreditIncentiveStatus } from "../domain/credit-enums";
import { OVERSIGHT, oversightCovering } from "./agency-groups";
import { rowVisibility } from "./decision";

/** Published: ACTIVE and inside its window. */
export function isIncentivePublished(incentive: { storedStatus: CreditIncentiveStatus; publishFrom: string; publishUntil: string }, today: string): boolean {
  return incentive.storedStatus === CreditIncentiveStatus.ACTIVE && incentive.publishFrom <= today && today <= incentive.publishUntil;
}

/** Who a positive record exists for: everyone while it is published; otherwise the bureaus and associations covering the subject. */
export const creditIncentiveVisibility = rowVisibility("creditIncentive.visible", "published: everyone; otherwise bureaus and associations covering the subject", {
  sql(viewer, alias: string, today: string) {
    const published = `(${alias}.status = 'ACTIVE' AND ${alias}.publish_from <= :vis_today AND ${alias}.publish_until >= :vis_today)`;
    if (!viewer.agency || !viewer.isKind(...OVERSIGHT)) return { clause: published, params: { vis_today: today } };
    return { clause: `(${published} OR ${alias}.subject_region_code LIKE :vis_region)`, params: { vis_today: today, vis_region: regionLikePattern(viewer.agency.regionCode) } };
  },
  test(viewer, incentive: { storedStatus: CreditIncentiveStatus; publishFrom: string; publishUntil: string; subjectRegionCode: string }, today: string) {
    return isIncentivePublished(incentive, today) || oversightCovering(viewer, incentive.subjectRegionCode);
  },
});
