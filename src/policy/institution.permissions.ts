import { ListingLevel, ListingStatus } from "../domain/directory-enums";
import { regionLevel, type RegionLevel } from "../auth/region";
import { AgencyKind } from "../entities/agency-kind";
import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";
import { directoryRegistrar, gradeAssessor, listingDecider } from "./rules";

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

/**
 * Move a listed institution to another directory level (名录库互荐共享): a bureau covering it whose own level
 * is the target's or above (the provincial directory is the province bureau's, the national one CNIPA's).
 */
export const decideListingLevel = permission(
  "institution.decideListingLevel",
  "bureaus covering the institution, at the target directory's level or above",
  "Only a bureau at the level of the target directory (or above) covering the institution may move it there.",
  (viewer: Viewer, institution: { regionCode: string }, level: ListingLevel) =>
    directoryRegistrar(viewer) && viewer.covers(institution.regionCode) && levelAtLeast(viewer.agency!.regionCode, level),
);

const LEVEL_RANK: Record<RegionLevel, number> = { NATIONAL: 3, PROVINCE: 2, CITY: 1, COUNTY: 0 };
const DIRECTORY_RANK: Record<ListingLevel, number> = { NATIONAL: 3, PROVINCIAL: 2, MUNICIPAL: 1 };
const levelAtLeast = (regionCode: string, level: ListingLevel): boolean => LEVEL_RANK[regionLevel(regionCode)] >= DIRECTORY_RANK[level];

/** Grade an institution (等级评价): the industry association covering it. */
export const gradeInstitution = permission("institution.grade", "industry associations covering the institution", "The institution is outside your jurisdiction.", (viewer: Viewer, institution: { regionCode: string }) =>
  gradeAssessor(viewer) && viewer.covers(institution.regionCode),
);
