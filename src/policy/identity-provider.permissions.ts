import type { Viewer } from "../auth/viewer";
import { SCOPES } from "../auth/scopes";
import { permission } from "./decision";
import { hubOperator, registryAdministrator } from "./rules";

/**
 * Register or change how an agency's staff sign in (its OpenID Connect provider and which of its groups get
 * which scopes): the agency itself through a system that manages its clients, the registry administrators
 * covering it, the hub's operator. Who may grant which scope is decided per scope (`clientSystem.grantScope`).
 */
export const configureIdentityProvider = permission(
  "identityProvider.configure",
  "the agency itself (clients:manage); registry administrators covering it; the hub's operator",
  "You may not configure how this agency's staff sign in.",
  (viewer: Viewer, agency: { code: string; regionCode: string }) =>
    hubOperator(viewer) || (viewer.isAgency(agency.code) && viewer.hasScope(SCOPES.CLIENTS_MANAGE)) || (registryAdministrator(viewer) && viewer.covers(agency.regionCode)),
);
