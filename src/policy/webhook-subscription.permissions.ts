import type { Viewer } from "../auth/viewer";
import { predicate } from "./decision";
import { hubOperator } from "./rules";

/** A subscription belongs to one client system: only that system sees, edits and redelivers it; for every other caller it does not exist. */
export const ownWebhookSubscription = predicate("webhookSubscription.own", "row", "the client system that subscribed", (viewer: Viewer, subscription: { clientSystemId: string; agencyId: string }) =>
  !!viewer.agency && !!viewer.client && subscription.agencyId === viewer.agency.id && subscription.clientSystemId === viewer.client.id,
);

/** Send a delivery again: the subscribing system (redeliverWebhook); the hub's operator (`hub webhooks redeliver`). */
export const redeliverDelivery = predicate("webhookDelivery.redeliver", "row", "the client system that subscribed; the hub's operator", (viewer: Viewer, subscription: { clientSystemId: string; agencyId: string }) =>
  hubOperator(viewer) || ownWebhookSubscription(viewer, subscription),
);
