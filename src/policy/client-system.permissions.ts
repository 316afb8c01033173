import type { Viewer } from "../auth/viewer";
import { permission, predicate } from "./decision";

/** Grant a scope to a client system: only a scope the calling system holds itself (no one grants more than it has). */
export const grantScope = permission("clientSystem.grantScope", "scopes the calling system holds", (_viewer, scope) => `You cannot grant the scope ${scope}, which your own system does not hold.`, (viewer: Viewer, scope: string) =>
  viewer.scopes.has(scope),
);

/** Client systems an agency edits: its own; another agency's system does not exist for the edit. */
export const ownClientSystem = predicate("clientSystem.own", "row", "the caller's own agency's client systems", (viewer: Viewer, client: { agencyId: string }) =>
  !!viewer.agency && client.agencyId === viewer.agency.id,
);
