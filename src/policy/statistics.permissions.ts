import type { Viewer } from "../auth/viewer";
import { isEnforcement } from "./agency-groups";
import { predicate, permission } from "./decision";
import { statisticsReader } from "./rules";

/** Statistics of a region: statistics readers whose jurisdiction covers it. */
export const statisticsRegion = permission("statistics.region", "statistics readers covering the region", "The region lies outside your jurisdiction.", (viewer: Viewer, regionCode: string) =>
  statisticsReader(viewer) && viewer.covers(regionCode),
);

/**
 * Exact small counts: bureaus and associations. Courts, procuratorates and police see counts below the
 * hub's threshold suppressed (a count of two complaints could name a person).
 */
export const exactSmallCounts = predicate("statistics.exactSmallCounts", "row", "everyone but courts, procuratorates and police", (viewer: Viewer) => !isEnforcement(viewer));
