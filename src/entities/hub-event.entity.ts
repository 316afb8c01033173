import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/**
 * The outbox: one row per event, written in the transaction of the change it reports (or by the scheduler,
 * once per `dedupeKey`). `fannedOutAt` is set once its webhook deliveries exist. Never exposed as a table:
 * subscribers see events through their deliveries and the live subscription, each as the record's own read.
 */
@Entity({ name: "hub_events" })
export class HubEvent {
  /** Order of the events: deliveries of one record go out in this order. */
  @PrimaryGeneratedColumn({ type: "bigint" })
  seq: string;

  @Column({ type: "uuid", insert: false })
  id: string;

  @Column({ type: "text" })
  type: string;

  @Column({ type: "text", name: "entity_type" })
  entityType: string;

  @Column({ type: "text", name: "entity_id" })
  entityId: string;

  @Column({ type: "int", nullable: true })
  version: number | null;

  @Column({ type: "text", array: true, name: "region_codes" })
  regionCodes: string[];

  @Column({ type: "text", name: "dedupe_key", nullable: true })
  dedupeKey: string | null;

  @Column({ type: "timestamptz", name: "occurred_at", insert: false })
  occurredAt: Date;

  @Column({ type: "timestamptz", name: "fanned_out_at", nullable: true })
  fannedOutAt: Date | null;
}
