import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";
import { creditDecider, supervisor } from "./rules";

const OUT_OF_JURISDICTION = "The subject is outside your jurisdiction.";

/** Make a credit determination (and suspend a listing with it): the bureau covering the subject. */
export const recordCreditEvent = permission("creditRecord.record", "bureaus covering the subject's region", OUT_OF_JURISDICTION, (viewer: Viewer, subjectRegionCode: string) =>
  creditDecider(viewer) && viewer.covers(subjectRegionCode),
);

/** Request repair on the subject's behalf: the bureau or association covering the subject. */
export const requestCreditRepair = permission("creditRecord.requestRepair", "bureaus and associations covering the subject", OUT_OF_JURISDICTION, (viewer: Viewer, record: { subjectRegionCode: string }) =>
  supervisor(viewer) && viewer.covers(record.subjectRegionCode),
);

/** Approve or refuse a repair: the bureau covering the subject. */
export const decideCreditRepair = permission("creditRecord.decideRepair", "bureaus covering the subject", OUT_OF_JURISDICTION, (viewer: Viewer, record: { subjectRegionCode: string }) =>
  creditDecider(viewer) && viewer.covers(record.subjectRegionCode),
);

/** Revoke a determination (撤销): the bureau covering the subject. */
export const revokeCreditRecord = permission("creditRecord.revoke", "bureaus covering the subject", OUT_OF_JURISDICTION, (viewer: Viewer, record: { subjectRegionCode: string }) =>
  creditDecider(viewer) && viewer.covers(record.subjectRegionCode),
);
