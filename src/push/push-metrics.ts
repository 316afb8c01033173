import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { DataSource } from "typeorm";

/** Push metrics on the hub's registry: events written and fanned out, delivery outcomes, latency, queue depth. */
export function createPushMetrics(registry: Registry, dataSource: DataSource) {
  const eventsWritten = new Counter({ name: "hub_events_written_total", help: "Events written to the outbox by this instance's transactions and scheduler.", labelNames: ["source"] as const, registers: [registry] });
  const eventsFannedOut = new Counter({ name: "hub_events_fanned_out_total", help: "Events turned into webhook deliveries, by type.", labelNames: ["type"] as const, registers: [registry] });
  const deliveries = new Counter({
    name: "hub_webhook_deliveries_total",
    help: "Webhook delivery attempts by outcome: delivered, failed (retried), dead (dead-lettered), withheld (the record no longer exists for the subscriber).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "hub_webhook_delivery_latency_seconds",
    help: "From the change to its successful delivery.",
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
    registers: [registry],
  });
  const attemptDuration = new Histogram({ name: "hub_webhook_attempt_duration_seconds", help: "One POST to a receiver, until its answer or a bound.", buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] });
  new Gauge({
    name: "hub_webhook_queue_depth",
    help: "Deliveries waiting (PENDING or SENDING), and events not yet fanned out, read when scraped.",
    labelNames: ["queue"] as const,
    registers: [registry],
    async collect() {
      try {
        const [row] = await dataSource.query(
          `SELECT (SELECT count(*) FROM webhook_deliveries WHERE status IN ('PENDING', 'SENDING')) AS deliveries, (SELECT count(*) FROM hub_events WHERE fanned_out_at IS NULL) AS events`,
        );
        this.set({ queue: "deliveries" }, Number(row.deliveries));
        this.set({ queue: "events" }, Number(row.events));
      } catch {
        // The database is unavailable: the gauge keeps its last value rather than failing the scrape.
      }
    },
  });
  return { eventsWritten, eventsFannedOut, deliveries, latency, attemptDuration };
}

export type PushMetrics = ReturnType<typeof createPushMetrics>;
