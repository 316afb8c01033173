import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";
import { creditDecider } from "./rules";

const OUT_OF_JURISDICTION = "The subject is outside your jurisdiction.";

/** Record a positive record (守信激励): the bureau covering the subject, as for a determination. */
export const recordCreditIncentive = permission("creditIncentive.record", "bureaus covering the subject's region", OUT_OF_JURISDICTION, (viewer: Viewer, subjectRegionCode: string) =>
  creditDecider(viewer) && viewer.covers(subjectRegionCode),
);

/** Revoke it (撤销): the bureau covering the subject. */
export const revokeCreditIncentive = permission("creditIncentive.revoke", "bureaus covering the subject", OUT_OF_JURISDICTION, (viewer: Viewer, incentive: { subjectRegionCode: string }) =>
  creditDecider(viewer) && viewer.covers(incentive.subjectRegionCode),
);
