import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";
import { supervisor } from "./rules";

/** Record an inspection: the bureau or association covering the institution. */
export const recordInspection = permission("supervisionRecord.record", "bureaus and associations covering the institution", "The institution is outside your jurisdiction.", (viewer: Viewer, institution: { regionCode: string }) =>
  supervisor(viewer) && viewer.covers(institution.regionCode),
);
