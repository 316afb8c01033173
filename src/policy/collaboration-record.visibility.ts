import { regionLikePattern } from "../auth/region";
import { bureauCovering, isBureau } from "./agency-groups";
import { NOTHING, rowVisibility } from "./decision";

/** A collaboration record: its parties (initiator and participants), and the bureaus covering its region. */
export const collaborationRecordVisibility = rowVisibility(
  "collaborationRecord.visible",
  "its parties; bureaus covering its region",
  {
    sql(viewer, alias: string) {
      if (!viewer.agency) return NOTHING;
      const party = `EXISTS (SELECT 1 FROM collaboration_participants p WHERE p.record_id = ${alias}.id AND p.agency_id = :vis_agency)`;
      if (!isBureau(viewer)) return { clause: party, params: { vis_agency: viewer.agency.id } };
      return { clause: `(${party} OR ${alias}.region_code LIKE :vis_region)`, params: { vis_agency: viewer.agency.id, vis_region: regionLikePattern(viewer.agency.regionCode) } };
    },
    /** `partyAgencyIds`: the agencies of the record's participants (the initiator is one). */
    test(viewer, record: { regionCode: string }, partyAgencyIds: readonly string[]) {
      if (!viewer.agency) return false;
      return bureauCovering(viewer, record.regionCode) || partyAgencyIds.includes(viewer.agency.id);
    },
  },
);
