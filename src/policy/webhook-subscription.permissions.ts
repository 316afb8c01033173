import type { Viewer } from "../auth/viewer";
import { predicate } from "./decision";
import { hubOperator } from "./rules";
import { webhookSubscriptionVisibility, type WebhookOwnerFacts } from "./webhook-subscription.visibility";

/** Send a delivery again: the subscribing system (redeliverWebhook); the hub's operator (`hub webhooks redeliver`). */
export const redeliverDelivery = predicate("webhookDelivery.redeliver", "row", "the client system that subscribed; the hub's operator", (viewer: Viewer, subscription: WebhookOwnerFacts) =>
  hubOperator(viewer) || webhookSubscriptionVisibility.test(viewer, subscription),
);
