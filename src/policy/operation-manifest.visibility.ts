import type { Viewer } from "../auth/viewer";
import { predicate } from "./decision";
import { hubOperator, registryAdministrator } from "./rules";

/**
 * Which client systems' operation manifests exist for a caller, to read and to register: those of agencies
 * a registry administrator covers, and every one for the hub's operator. Never the system itself: the
 * manifest bounds what a stolen token of that system can run, so the token must not be able to widen it.
 */
export const operationManifestVisibility = predicate(
  "operationManifest.visible",
  "row",
  "registry administrators covering the client system's agency; the hub's operator",
  (viewer: Viewer, agency: { regionCode: string }) => hubOperator(viewer) || (registryAdministrator(viewer) && viewer.covers(agency.regionCode)),
);
