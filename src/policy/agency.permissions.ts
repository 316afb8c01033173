import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";

/**
 * Administer an agency of the registry (register, edit, disable, enable): a registry administrator whose
 * jurisdiction covers the agency's region (CNIPA: every region). An edit that moves an agency is checked
 * for both regions.
 */
export const administerAgency = permission("agency.administer", "registry administrators covering the agency's region", "The agency's region is outside your jurisdiction.", (viewer: Viewer, regionCode: string) =>
  viewer.covers(regionCode),
);

/** An administrator does not disable its own agency (it would lock itself out of the registry). */
export const disableAgency = permission("agency.disable", "any agency but the administrator's own", "An administrator does not disable its own agency.", (viewer: Viewer, agency: { code: string }) =>
  !viewer.isAgency(agency.code),
);
