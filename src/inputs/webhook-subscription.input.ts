import { Field, InputType } from "type-graphql";
import { idempotencyKeyDescription } from "../domain/idempotency-key";
import { DeliveryStatus } from "../entities/webhook-delivery.entity";
import { WebhookStatus } from "../entities/webhook-subscription.entity";

const EVENTS = "Event types, e.g. `institution.listing_status_changed`, `appraisal_case.overdue` (README, \"Push\", lists them); at most 30.";

@InputType({ description: "A webhook for the calling client system." })
export class SubscribeWebhookInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first subscription and its secret; other input with the same key answers CONFLICT.") })
  idempotencyKey: string;

  @Field(() => String, { description: "Where to POST events: https, on a host the hub's operator allows (HUB_WEBHOOK_ALLOWED_HOSTS); no redirects are followed." })
  url: string;

  @Field(() => [String], { description: EVENTS })
  events: string[];

  @Field(() => String, { nullable: true, description: "Only events about records in this region (6 digits; a province or city covers its regions)." })
  regionCode?: string | null;
}

@InputType({ description: "Changes to a webhook; omitted fields stay as they are." })
export class UpdateWebhookInput {
  @Field(() => String, { nullable: true, description: "A new URL, under the same rules as when subscribing." })
  url?: string | null;

  @Field(() => [String], { nullable: true, description: EVENTS })
  events?: string[] | null;

  @Field(() => String, { nullable: true, description: "Only events in this region; an empty string removes the filter." })
  regionCode?: string | null;

  @Field(() => WebhookStatus, { nullable: true, description: "ACTIVE or PAUSED (deleteWebhook deletes)." })
  status?: WebhookStatus | null;
}

@InputType({ description: "Which deliveries to list." })
export class WebhookDeliveryFilter {
  @Field(() => String, { nullable: true, description: "One subscription's deliveries (default: every subscription of the calling system)." })
  subscriptionId?: string | null;

  @Field(() => DeliveryStatus, { nullable: true, description: "Only deliveries in this state (DEAD: the dead letters)." })
  status?: DeliveryStatus | null;

  @Field(() => String, { nullable: true, description: "One event type." })
  eventType?: string | null;
}
