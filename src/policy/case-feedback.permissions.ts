import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";
import { supervisor } from "./rules";

/** Handle a complaint: the bureau or association covering the institution. */
export const handleComplaint = permission(
  "caseFeedback.handleComplaint",
  "bureaus and associations covering the institution",
  "Complaints are handled by the bureau or association whose jurisdiction covers the institution.",
  (viewer: Viewer, complaint: { institutionRegionCode: string }) => supervisor(viewer) && viewer.covers(complaint.institutionRegionCode),
);
