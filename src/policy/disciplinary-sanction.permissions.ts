import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";
import { disciplinarian } from "./rules";

/** Impose a sanction (行业惩戒): the industry association covering the appraiser's region, under its own charter. */
export const imposeSanction = permission("disciplinarySanction.impose", "industry associations covering the appraiser's region", "The appraiser is outside your jurisdiction.", (viewer: Viewer, appraiser: { regionCode: string }) =>
  disciplinarian(viewer) && viewer.covers(appraiser.regionCode),
);
