import type { Viewer } from "../auth/viewer";
import { isBureau, oversightCovering } from "./agency-groups";
import { permission, predicate } from "./decision";

/**
 * Which feedback a poster (`feedbackPoster`) may post: courts, procuratorates, police, arbitration and
 * mediation bodies any after their cases; a bureau only about a case it entrusted itself (行政裁决、行政执法),
 * named by `caseId` (the service then checks the case is the bureau's own).
 */
export const postCaseFeedback = permission(
  "caseFeedback.post",
  "a bureau only naming a case it entrusted (caseId); other posters any",
  "A bureau posts feedback about a case it entrusted: name it with caseId.",
  (viewer: Viewer, input: { caseId?: string | null }) => !isBureau(viewer) || !!input.caseId,
);

/** A complainant party's contact in full: the bureaus and associations covering the institution, who handle the complaint. */
export const complaintHandler = predicate("caseFeedback.partyContactInFull", "disclosure", "bureaus and associations covering the institution", (viewer: Viewer, feedback: { institutionRegionCode: string }) =>
  oversightCovering(viewer, feedback.institutionRegionCode),
);
