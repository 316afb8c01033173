import type { Viewer } from "../auth/viewer";
import { bureauCovering } from "./agency-groups";
import { permission } from "./decision";
import { trademarkRegistrar } from "./rules";

/** Place a mark under custody: the bureau covering the owner's region. */
export const placeUnderCustody = permission(
  "custodyTrademark.place",
  "bureaus covering the owner's region",
  "The owner's region is outside your jurisdiction.",
  (viewer: Viewer, regionCode: string) => trademarkRegistrar(viewer) && viewer.covers(regionCode),
);

/** Change the custodian or end custody: the bureau covering the owner's region. */
export const superviseCustody = permission(
  "custodyTrademark.supervise",
  "bureaus covering the owner's region",
  "Only the bureau covering the owner's region changes the custodian or ends custody.",
  (viewer: Viewer, mark: { regionCode: string }) => bureauCovering(viewer, mark.regionCode),
);

const isCustodian = (viewer: Viewer, mark: { custodianAgencyId: string }) => !!viewer.agency && mark.custodianAgencyId === viewer.agency.id;

/** Record a renewal or a note: the custodian, or the bureau covering the owner's region. */
export const updateCustody = permission(
  "custodyTrademark.update",
  "the custodian; bureaus covering the owner's region",
  "Only the custodian and the bureau covering the owner's region update a mark under custody.",
  (viewer: Viewer, mark: { regionCode: string; custodianAgencyId: string }) => isCustodian(viewer, mark) || bureauCovering(viewer, mark.regionCode),
);

/** Enter and handle alerts (similar filings, non-use cancellations): the custodian. */
export const custodianOnly = permission("custodyTrademark.custodian", "the mark's custodian", "Alerts are entered and handled by the mark's custodian.", isCustodian);
