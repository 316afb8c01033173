import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";

/** Add to a collaboration's timeline: its parties. */
export const collaborationParty = permission("collaborationRecord.party", "its parties", "Only the parties add to a collaboration's timeline.", (viewer: Viewer, partyAgencyIds: readonly string[]) =>
  !!viewer.agency && partyAgencyIds.includes(viewer.agency.id),
);

/** Send and close: the initiator. */
export const collaborationInitiator = permission("collaborationRecord.initiator", "its initiator", "Only the initiator sends and closes.", (viewer: Viewer, record: { initiatorAgencyId: string }) =>
  !!viewer.agency && record.initiatorAgencyId === viewer.agency.id,
);
