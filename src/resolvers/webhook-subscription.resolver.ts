import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { HubContext } from "../context/context";
import { WebhookDelivery } from "../entities/webhook-delivery.entity";
import { WebhookSubscription } from "../entities/webhook-subscription.entity";
import { SubscribeWebhookInput, UpdateWebhookInput, WebhookDeliveryFilter } from "../inputs/webhook-subscription.input";
import { Guard } from "../policy/guard";
import type { SubscribedWebhook } from "../services/webhook-subscription.service";
import { Connection, ConnectionShape, toConnection } from "./types/connection";

@ObjectType({ description: "The outcome of subscribeWebhook: the subscription and its signing secret, shown in this answer only (and to retries with the same idempotency key)." })
@Guard("webhookSubscriber")
class SubscribeWebhookPayload {
  @Field(() => WebhookSubscription, { description: "The subscription." })
  subscription: WebhookSubscription;

  @Field(() => String, { description: "The Standard Webhooks signing secret (`whsec_…`): verify each delivery's `webhook-signature` with it. Store it now; the hub never shows it again." })
  secret: string;

  @Field(() => Boolean, { description: "True when this call replayed an earlier one with the same idempotency key and wrote nothing." })
  replayed: boolean;
}

const WebhookDeliveryConnection = Connection(WebhookDelivery, "WebhookDelivery", "webhook delivery", "webhook deliveries");

/** Webhooks of the calling client system (the policy: `webhookSubscriber`, `webhookSubscription.own`). */
@Resolver()
export class WebhookSubscriptionResolver {
  @Query(() => [WebhookSubscription], { description: "The calling client system's webhooks." })
  @Guard("webhookSubscriber", "webhookSubscription.own")
  webhooks(@Ctx() ctx: HubContext): Promise<WebhookSubscription[]> {
    return ctx.services.webhooks.mine();
  }

  @Query(() => WebhookDeliveryConnection, { description: "Deliveries to the calling system's webhooks, newest first: status, attempts, the receiver's last answer." })
  @Guard("webhookSubscriber", "webhookSubscription.own")
  async webhookDeliveries(
    @Arg("filter", () => WebhookDeliveryFilter, { nullable: true }) filter: WebhookDeliveryFilter | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<ConnectionShape<WebhookDelivery>> {
    return toConnection(await ctx.services.webhooks.deliveries(filter ?? {}, first, after));
  }

  @Mutation(() => SubscribeWebhookPayload, {
    description:
      "Subscribes the calling client system to events, POSTed to `url` and signed per Standard Webhooks. Each event goes out only if the record exists for this system, carrying what it may read. Needs scope `clients:manage`.",
  })
  @Guard("webhookSubscriber")
  async subscribeWebhook(@Arg("input", () => SubscribeWebhookInput) input: SubscribeWebhookInput, @Ctx() ctx: HubContext): Promise<SubscribeWebhookPayload> {
    const subscribed: SubscribedWebhook = await ctx.services.webhooks.subscribe(input);
    return { subscription: subscribed.record, secret: subscribed.secret, replayed: subscribed.replayed };
  }

  @Mutation(() => WebhookSubscription, { description: "Edits a webhook of the calling system (URL, events, region, ACTIVE or PAUSED); a stale `expectedVersion` answers CONFLICT." })
  @Guard("webhookSubscriber", "webhookSubscription.own")
  updateWebhook(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => UpdateWebhookInput) input: UpdateWebhookInput,
    @Ctx() ctx: HubContext,
  ): Promise<WebhookSubscription> {
    return ctx.services.webhooks.update(id, expectedVersion, input);
  }

  @Mutation(() => WebhookSubscription, { description: "Deletes a webhook of the calling system: nothing more is sent to it, including deliveries still pending." })
  @Guard("webhookSubscriber", "webhookSubscription.own")
  deleteWebhook(@Arg("id", () => ID) id: string, @Arg("expectedVersion", () => Int) expectedVersion: number, @Ctx() ctx: HubContext): Promise<WebhookSubscription> {
    return ctx.services.webhooks.delete(id, expectedVersion);
  }

  @Mutation(() => WebhookDelivery, { description: "Sends a delivered or dead-lettered delivery again, with the same `webhook-id`, retried as a new delivery would be." })
  @Guard("webhookSubscriber", "webhookDelivery.redeliver")
  redeliverWebhook(@Arg("deliveryId", () => ID) deliveryId: string, @Ctx() ctx: HubContext): Promise<WebhookDelivery> {
    return ctx.services.webhooks.redeliver(deliveryId);
  }
}
