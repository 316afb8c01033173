import type { Viewer } from "../auth/viewer";
import { CASE_SUPERVISORS, isEnforcement, OVERSIGHT } from "./agency-groups";
import { predicate } from "./decision";

/** What the recipient decision reads of the record an event is about (`push/event-subjects.ts` loads it when the event is delivered). */
export interface EventSubjectFacts {
  /** The regions the record belongs to. */
  regionCodes: string[];
  /** Agencies party to the record: a case's entrusting agency, a collaboration's participants, a mark's custodian, the agency itself. */
  partyAgencyIds: string[];
  /** The institution the record is about (its own system hears of it). */
  institutionId: string | null;
  /** Agencies with a case still open at that institution: an entrusting court must learn its institution was suspended. */
  openCaseAgencyIds: string[];
  /** Whether procuratorates supervise records of this kind (cases) besides bureaus and associations. */
  procuratorialSupervision: boolean;
}

/**
 * Who an event is pushed to, on top of the record existing for them through the API (the delivery reads it
 * as the subscriber; a record they may not see is not delivered): its parties, the institution it is about,
 * the supervisors whose jurisdiction covers it, and enforcement agencies with an open case at the
 * institution it is about. A court is not told of every institution in the country it could look up.
 */
export const eventRecipient = predicate(
  "hubEvent.recipient",
  "row",
  "the record's parties and institution; bureaus and associations (and procuratorates, for cases) covering it; enforcement agencies with an open case at its institution",
  (viewer: Viewer, facts: EventSubjectFacts) => {
    if (!viewer.agency) return false;
    if (facts.partyAgencyIds.includes(viewer.agency.id) || viewer.isInstitution(facts.institutionId)) return true;
    const supervisors = facts.procuratorialSupervision ? CASE_SUPERVISORS : OVERSIGHT;
    if (viewer.isKind(...supervisors) && facts.regionCodes.some((code) => viewer.covers(code))) return true;
    return isEnforcement(viewer) && facts.openCaseAgencyIds.includes(viewer.agency.id);
  },
);
