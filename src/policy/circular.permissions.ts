import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";
import { supervisor } from "./rules";

/** Issue a circular to a region: the bureau or association whose jurisdiction covers it. */
export const issueCircular = permission("circular.issue", "bureaus and associations covering the region addressed", "The region is outside your jurisdiction.", (viewer: Viewer, regionCode: string) =>
  supervisor(viewer) && viewer.covers(regionCode),
);
