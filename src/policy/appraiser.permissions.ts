import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";
import { directoryRegistrar } from "./rules";

/** Register, edit, post and move appraisers: the bureau covering the appraiser's (or the new post's) institution. */
export const manageAppraiser = permission(
  "appraiser.manage",
  "bureaus covering the appraiser's region (and the institution of a new post)",
  "Only the market-regulation bureau whose jurisdiction covers the appraiser's institution may do this.",
  (viewer: Viewer, regionCode: string) => directoryRegistrar(viewer) && viewer.covers(regionCode),
);
