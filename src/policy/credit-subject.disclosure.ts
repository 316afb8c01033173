import { SCOPES } from "../auth/scopes";
import type { Viewer } from "../auth/viewer";
import { OVERSIGHT } from "./agency-groups";
import { predicate } from "./decision";

/**
 * A patent attorney's practising certificate number in full (个人信息保护法: only what the task needs): the
 * bureaus and associations covering the subject whose system holds `pii:read`, as for an appraiser's ID
 * number. Everyone else who sees the record gets it masked; the full value leaves only once its audit entry
 * is durable (the service's job).
 */
export const certificateInFull = predicate("creditSubject.certificateInFull", "disclosure", "bureaus and associations covering the subject, holding pii:read", (viewer: Viewer, subject: { subjectRegionCode: string }) =>
  viewer.isKind(...OVERSIGHT) && viewer.hasScope(SCOPES.PII_READ) && viewer.covers(subject.subjectRegionCode),
);
