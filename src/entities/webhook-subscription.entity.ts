import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Guard } from "../policy/guard";

export enum WebhookStatus {
  ACTIVE = "ACTIVE",
  /** Kept, with its deliveries, but sent nothing until it is active again. */
  PAUSED = "PAUSED",
  DELETED = "DELETED",
}

registerEnumType(WebhookStatus, {
  name: "WebhookStatus",
  description: "ACTIVE: events are delivered; PAUSED: none are (deliveries due meanwhile wait); DELETED: gone, its deliveries too.",
});

/**
 * Where one client system wants events pushed: an https URL on a host the deployment allows, the event types,
 * and optionally one region (its events only). The signing secret is sealed at rest and shown once.
 */
@ObjectType({ description: "A webhook subscription of the calling client system (Standard Webhooks: signed, retried, in order per record)." })
@Guard("webhookOwner")
@Entity({ name: "webhook_subscriptions" })
export class WebhookSubscription {
  @Field(() => ID, { description: "The subscription's id." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid", name: "agency_id" })
  agencyId: string;

  @Column({ type: "uuid", name: "client_system_id" })
  clientSystemId: string;

  @Field(() => String, { description: "Where events are POSTed." })
  @Column({ type: "text" })
  url: string;

  @Field(() => [String], { description: "Event types delivered, e.g. `institution.listing_status_changed`." })
  @Column({ type: "text", array: true })
  events: string[];

  @Field(() => String, { nullable: true, description: "Only events about records in this region (and the regions it covers); null: every region the system may see." })
  @Column({ type: "text", name: "region_code", nullable: true })
  regionCode: string | null;

  @Column({ type: "text", name: "secret_sealed" })
  secretSealed: string;

  @Field(() => WebhookStatus, { description: "Whether events are delivered." })
  @Column({ type: "text", default: WebhookStatus.ACTIVE })
  status: WebhookStatus;

  @Field(() => Int, { description: "Optimistic-concurrency version; edits must quote it." })
  @Column({ type: "int", default: 1 })
  version: number;

  @Field(() => Date, { description: "When the subscription was made." })
  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz", name: "updated_at" })
  updatedAt: Date;
}
