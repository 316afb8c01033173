import { SCOPES } from "../auth/scopes";
import type { Viewer } from "../auth/viewer";
import type { DisclosureRefusal } from "../auth/disclosure";
import type { CaseReference } from "../auth/case-reference";
import { OVERSIGHT, oversightCovering } from "./agency-groups";
import { predicate } from "./decision";

/**
 * When an appraiser's personal data leaves the hub in full (个人信息保护法: only what the task needs). Other
 * agencies get the masked value; a full value leaves only once its audit entry is durable (the service's
 * job), and a refused attempt by an entitled caller is audited and explained.
 */

/** Who may ask for an ID number in full: bureaus and associations whose system holds `pii:read`. */
export const idNumberRequester = predicate("appraiser.idNumberRequester", "disclosure", "bureaus and associations holding pii:read", (viewer: Viewer) =>
  viewer.isKind(...OVERSIGHT) && viewer.hasScope(SCOPES.PII_READ),
);

/** Their request is granted for an appraiser in their jurisdiction. */
export const idNumberInJurisdiction = predicate("appraiser.idNumberInJurisdiction", "disclosure", "the appraiser's region lies in the requester's jurisdiction", (viewer: Viewer, appraiser: { regionCode: string }) =>
  viewer.covers(appraiser.regionCode),
);

/** The phone in full: bureaus and associations covering the appraiser's region (no scope: they call appraisers). */
export const phoneInFull = predicate("appraiser.phoneInFull", "disclosure", "bureaus and associations covering the appraiser's region", (viewer: Viewer, appraiser: { regionCode: string }) =>
  oversightCovering(viewer, appraiser.regionCode),
);

/**
 * The ID number decision: `masked` silently for callers who may not ask; `refused` (masked, audited, told
 * why) for an entitled caller out of jurisdiction or without a usable X-Case-Ref; otherwise `full`.
 */
export function idNumberDisclosure(viewer: Viewer, appraiser: { regionCode: string }, caseRefProblem: CaseReference["problem"]): { kind: "masked" } | { kind: "refused"; reason: DisclosureRefusal } | { kind: "full" } {
  if (!idNumberRequester(viewer)) return { kind: "masked" };
  if (!idNumberInJurisdiction(viewer, appraiser)) return { kind: "refused", reason: "OUT_OF_JURISDICTION" };
  if (caseRefProblem) return { kind: "refused", reason: caseRefProblem };
  return { kind: "full" };
}
