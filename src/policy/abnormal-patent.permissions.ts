import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";
import { patentBureau, patentImporter } from "./rules";

/** Import an item of a batch: a province-level bureau (or above) covering the applicant's region. */
export const importAbnormalPatent = permission(
  "abnormalPatent.importItem",
  "province-level bureaus and above covering the applicant's region",
  "The applicant's region is outside your jurisdiction.",
  (viewer: Viewer, item: { regionCode: string }) => patentImporter(viewer) && viewer.covers(item.regionCode),
);

/** Add items to a batch that exists: a bureau covering the region of the bureau that issued it. */
export const extendAbnormalPatentBatch = permission(
  "abnormalPatent.extendBatch",
  "bureaus covering the issuing bureau's region",
  "This batch was issued by a bureau outside your jurisdiction.",
  (viewer: Viewer, batch: { regionCode: string }) => viewer.covers(batch.regionCode),
);

/** Record handling: the bureau the item is allocated to. */
export const handleAbnormalPatent = permission(
  "abnormalPatent.handle",
  "the bureau the item is allocated to",
  "Only the bureau the item is allocated to records its handling.",
  (viewer: Viewer, item: { allocatedAgencyId: string | null }) => patentBureau(viewer) && !!viewer.agency && item.allocatedAgencyId === viewer.agency.id,
);
