import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";
import { hubOperator } from "./rules";

/**
 * Administer an agency of the registry (register, edit, disable, enable): a registry administrator whose
 * jurisdiction covers the agency's region (CNIPA: every region), or the operator at the command line (who
 * registers the first agencies of an empty registry). An edit that moves an agency is checked for both regions.
 */
export const administerAgency = permission("agency.administer", "registry administrators covering the agency's region; the hub's operator", "The agency's region is outside your jurisdiction.", (viewer: Viewer, regionCode: string) =>
  hubOperator(viewer) || viewer.covers(regionCode),
);

/** An administrator does not disable its own agency (it would lock itself out of the registry). */
export const disableAgency = permission("agency.disable", "any agency but the administrator's own", "An administrator does not disable its own agency.", (viewer: Viewer, agency: { code: string }) =>
  !viewer.isAgency(agency.code),
);
