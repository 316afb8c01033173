import { GraphQLJSONObject } from "graphql-scalars";
import { Arg, Field, ID, Int, ObjectType, Resolver, Root, Subscription } from "type-graphql";
import type { HubContext } from "../context/context";
import { Guard } from "../policy/guard";
import type { EventMessage } from "../push/event-reader";

@ObjectType("HubEvent", { description: "A change pushed to a live subscriber: what happened, and the record as the subscriber may read it now." })
// Built only for a subscriber the policy chose for this event (`hubEvent.recipient`), from a read of the record as that subscriber.
@Guard("authenticated", "hubEvent.recipient")
export class HubEventMessage {
  @Field(() => String, { description: "The event type, e.g. `appraisal_case.overdue`." })
  type: string;

  @Field(() => String, { description: "When the change happened (RFC 3339)." })
  timestamp: string;

  @Field(() => ID, { description: "The event's id (the same as the webhooks' `data.eventId`)." })
  eventId: string;

  @Field(() => String, { description: "The record's type, e.g. `AppraisalCase`." })
  entityType: string;

  @Field(() => ID, { description: "The record's id." })
  entityId: string;

  @Field(() => Int, { nullable: true, description: "The record's version right after the change." })
  version: number | null;

  @Field(() => GraphQLJSONObject, { description: "The record as the subscriber may read it through the API now (fields it may not read are null)." })
  record: Record<string, unknown>;
}

@Resolver()
export class HubEventResolver {
  @Subscription(() => HubEventMessage, {
    description:
      "Events as they happen (over WebSocket, graphql-ws protocol, at /graphql): the same events and the same recipients as the webhooks, for the caller's token or signed-in session. `types` narrows them (default: all).",
    subscribe: ({ args, context }) => (context as HubContext).live!.subscribe((context as HubContext).viewer, (args.types as string[] | null) ?? null),
  })
  @Guard("authenticated", "hubEvent.recipient")
  hubEvents(@Root() message: EventMessage, @Arg("types", () => [String], { nullable: true, description: "Event types to receive (default: all)." }) _types: string[] | null): HubEventMessage {
    return { type: message.type, timestamp: message.timestamp, eventId: message.data.eventId, entityType: message.data.entityType, entityId: message.data.id, version: message.data.version, record: message.data.record };
  }
}
