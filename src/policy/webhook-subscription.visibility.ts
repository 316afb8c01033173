import type { Viewer } from "../auth/viewer";
import { NOTHING, rowVisibility } from "./decision";

/** What the ownership decision reads of a subscription. */
export interface WebhookOwnerFacts {
  agencyId: string;
  clientSystemId: string;
}

/**
 * A subscription belongs to one client system: only that system sees, edits and redelivers it (and sees its
 * deliveries); for every other caller it does not exist.
 */
export const webhookSubscriptionVisibility = rowVisibility("webhookSubscription.own", "the client system that subscribed", {
  sql(viewer: Viewer, alias: string) {
    if (!viewer.agency || !viewer.client) return NOTHING;
    return { clause: `(${alias}.agency_id = :vis_agency AND ${alias}.client_system_id = :vis_client)`, params: { vis_agency: viewer.agency.id, vis_client: viewer.client.id } };
  },
  test(viewer: Viewer, subscription: WebhookOwnerFacts) {
    return !!viewer.agency && !!viewer.client && subscription.agencyId === viewer.agency.id && subscription.clientSystemId === viewer.client.id;
  },
});
