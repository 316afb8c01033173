import type { Viewer } from "../auth/viewer";
import { isBureau } from "./agency-groups";
import { permission } from "./decision";

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
