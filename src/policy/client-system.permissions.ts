import type { Viewer } from "../auth/viewer";
import { permission, predicate } from "./decision";
import { hubOperator, registryAdministrator } from "./rules";

/** Grant a scope to a client system: only a scope the calling system holds itself (no one grants more than it has); the hub's operator grants any. */
export const grantScope = permission("clientSystem.grantScope", "scopes the calling system holds; the hub's operator", (_viewer, scope) => `You cannot grant the scope ${scope}, which your own system does not hold.`, (viewer: Viewer, scope: string) =>
  hubOperator(viewer) || viewer.scopes.has(scope),
);

/** Register a system for another agency (its first one, with its keys): registry administrators covering it; the hub's operator. */
export const registerClientFor = permission("clientSystem.registerFor", "registry administrators covering the agency; the hub's operator", "The agency is outside your jurisdiction as a registry administrator.", (viewer: Viewer, agency: { regionCode: string }) =>
  hubOperator(viewer) || (registryAdministrator(viewer) && viewer.covers(agency.regionCode)),
);

/** Client systems an agency edits: its own; another agency's system does not exist for the edit. */
export const ownClientSystem = predicate("clientSystem.own", "row", "the caller's own agency's client systems", (viewer: Viewer, client: { agencyId: string }) =>
  !!viewer.agency && client.agencyId === viewer.agency.id,
);
