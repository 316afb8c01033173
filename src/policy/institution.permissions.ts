import { ListingStatus } from "../domain/directory-enums";
import { AgencyKind } from "../entities/agency-kind";
import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";
import { directoryRegistrar, listingDecider } from "./rules";

/** Register an institution, or edit one (before and after a move to another region). */
export const registerInstitution = permission(
  "institution.register",
  "bureaus covering the institution's region",
  "Only the market-regulation bureau whose jurisdiction covers the institution may do this.",
  (viewer: Viewer, regionCode: string) => directoryRegistrar(viewer) && viewer.covers(regionCode),
);

/** Decide a move of the listing register about an institution in the caller's jurisdiction. */
export const decideListing = permission(
  "institution.decideListing",
  "bureaus and associations covering the institution",
  "The institution is outside your jurisdiction.",
  (viewer: Viewer, institution: { regionCode: string }) => listingDecider(viewer) && viewer.covers(institution.regionCode),
);

/** Which moves: an association only recommends (推荐); the bureau decides the rest. */
export const listingMove = permission(
  "institution.listingMove",
  "bureaus: any move; associations: RECOMMENDED only",
  "An industry association may only recommend institutions; the bureau decides the rest.",
  (viewer: Viewer, to: ListingStatus) => !viewer.isKind(AgencyKind.INDUSTRY_ASSOCIATION) || to === ListingStatus.RECOMMENDED,
);
