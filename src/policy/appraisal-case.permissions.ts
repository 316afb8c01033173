import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";
import { isBureau } from "./agency-groups";

type CaseParties = { institutionId: string; entrustingAgencyId: string };

/** Steps the institution records (accept, report, ...). */
export const institutionStep = permission("appraisalCase.institutionStep", "the case's institution", "Only the appraisal institution records this step.", (viewer: Viewer, c: CaseParties) =>
  viewer.isInstitution(c.institutionId),
);

/** Steps the entrusting agency records (supplement, withdraw, ...). */
export const entrusterStep = permission("appraisalCase.entrusterStep", "the entrusting agency", "Only the entrusting agency records this step.", (viewer: Viewer, c: CaseParties) =>
  !!viewer.agency && viewer.agency.id === c.entrustingAgencyId,
);

/** Steps either party records. */
export const partyStep = permission("appraisalCase.partyStep", "the institution or the entrusting agency", "Only the parties to the case record this step.", (viewer: Viewer, c: CaseParties) =>
  viewer.isInstitution(c.institutionId) || (!!viewer.agency && viewer.agency.id === c.entrustingAgencyId),
);

/**
 * List the cases of one's jurisdiction that have (or lack) a possible duplicate: the bureaus. The parties see
 * each case's duplicates on the case; for the other supervisors the filter would tell what the field denies.
 */
export const filterDuplicates = permission("appraisalCase.filterDuplicates", "market-regulation bureaus", "Only market-regulation bureaus list cases by their possible duplicates.", (viewer: Viewer) => isBureau(viewer));
