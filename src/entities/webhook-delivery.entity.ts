import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";

export enum DeliveryStatus {
  PENDING = "PENDING",
  /** An instance is sending it now (until `lease_until`; past it, another takes over). */
  SENDING = "SENDING",
  DELIVERED = "DELIVERED",
  /** Retried for the whole retry window without success (dead-lettered): `redeliverWebhook` sends it again. */
  DEAD = "DEAD",
  /** Not sent: the record no longer exists for the subscriber when it was due. Never listed. */
  WITHHELD = "WITHHELD",
}

registerEnumType(DeliveryStatus, { name: "DeliveryStatus", description: "Where a delivery stands: PENDING, SENDING, DELIVERED, or DEAD after the retry window." });

/**
 * One event for one subscription. Its id is the `webhook-id` header of every attempt, so a receiver
 * deduplicates retries by it.
 */
@ObjectType({ description: "One event delivered (or being delivered) to one webhook subscription." })
@Guard("webhookDeliveryOwner")
@Entity({ name: "webhook_deliveries" })
export class WebhookDelivery {
  @Field(() => ID, { description: "The delivery's id: the `webhook-id` header of every attempt (prefixed `msg_`)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => ID, { description: "The subscription." })
  @Column({ type: "uuid", name: "subscription_id" })
  subscriptionId: string;

  @Column({ type: "bigint", name: "event_seq" })
  eventSeq: string;

  @Column({ type: "text", name: "entity_key" })
  entityKey: string;

  @Field(() => DeliveryStatus, { description: "PENDING (due at `nextAttemptAt`), SENDING, DELIVERED, or DEAD after the retry window." })
  @Column({ type: "text", default: DeliveryStatus.PENDING })
  status: DeliveryStatus;

  @Field(() => Int, { description: "Attempts made so far." })
  @Column({ type: "int", default: 0 })
  attempts: number;

  @Field(() => Date, { nullable: true, description: "When the next attempt is due (PENDING)." })
  @Column({ type: "timestamptz", name: "next_attempt_at" })
  nextAttemptAt: Date;

  @Column({ type: "timestamptz", name: "lease_until", nullable: true })
  leaseUntil: Date | null;

  @Column({ type: "timestamptz", name: "first_attempt_at", nullable: true })
  firstAttemptAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When the last attempt was made." })
  @Column({ type: "timestamptz", name: "last_attempt_at", nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Int, { nullable: true, description: "The HTTP status the receiver answered last; null when it did not answer." })
  @Column({ type: "int", name: "last_response_code", nullable: true })
  lastResponseCode: number | null;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed, in words (a timeout, a refused connection, the status)." })
  @Column({ type: "text", name: "last_error", nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: "When the receiver answered 2xx." })
  @Column({ type: "timestamptz", name: "delivered_at", nullable: true })
  deliveredAt: Date | null;

  @Field(() => Date, { description: "When the event was queued for this subscription." })
  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  // Of the event, joined in when listed.
  @Field(() => String, { description: "The event type." })
  eventType: string;

  @Field(() => ID, { description: "The event's id (the same for every subscription it went to)." })
  eventId: string;

  @Field(() => String, { description: "The record's type, e.g. `Institution`." })
  entityType: string;

  @Field(() => ID, { description: "The record's id." })
  entityId: string;
}
