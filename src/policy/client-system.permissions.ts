import type { Viewer } from "../auth/viewer";
import { permission } from "./decision";

/** Grant a scope to a client system: only a scope the calling system holds itself (no one grants more than it has). */
export const grantScope = permission("clientSystem.grantScope", "scopes the calling system holds", (_viewer, scope) => `You cannot grant the scope ${scope}, which your own system does not hold.`, (viewer: Viewer, scope: string) =>
  viewer.scopes.has(scope),
);
