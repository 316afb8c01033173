import type { Viewer } from "../auth/viewer";
import { oversightCovering } from "./agency-groups";
import { predicate } from "./decision";

/**
 * Removal proposals exist for the bureaus and associations covering the institution, like its register; of
 * those, the bureaus review and decide them (`removalDecider`).
 */
export const removalProposalVisibility = predicate("removalProposal.visible", "row", "bureaus and associations covering the institution", (viewer: Viewer, proposal: { institutionRegionCode: string }) =>
  oversightCovering(viewer, proposal.institutionRegionCode),
);
