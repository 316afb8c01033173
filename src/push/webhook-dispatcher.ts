import { Webhook } from "standardwebhooks";
import type { DataSource } from "typeorm";
import { regionCovers } from "../auth/region";
import type { PiiVault } from "../auth/pii-vault";
import type { PushConfig } from "../config/config";
import type { HubEvent } from "../entities/hub-event.entity";
import { DeliveryStatus } from "../entities/webhook-delivery.entity";
import { WebhookStatus } from "../entities/webhook-subscription.entity";
import type { Logger } from "../logging/logger";
import { EventReader, EventReadFailed } from "./event-reader";
import type { PushMetrics } from "./push-metrics";
import type { WebhookSender } from "./webhook-sender";

/** Events fanned out per round, and deliveries claimed per round at most. */
const FAN_OUT_BATCH = 200;

interface Subscription {
  id: string;
  client_system_id: string;
  url: string;
  events: string[];
  region_code: string | null;
  secret_sealed: string;
}

interface Claimed {
  id: string;
  subscription_id: string;
  event_seq: string;
  attempts: number;
  first_attempt_at: Date;
}

/**
 * Turns events into webhook deliveries and sends them. Fan-out: each new event becomes one delivery per active
 * subscription of its type (and region) whose system is among the record's recipients and may read it.
 * Delivery: due deliveries are claimed with a lease (a crashed instance's claims are taken over when the lease
 * ends), at most `perSubscription` at once per subscription, never a record's later event before its earlier
 * one is settled; each attempt re-reads the record as the subscriber (nothing goes to one that may no longer
 * see it), signs it (Standard Webhooks, the same `webhook-id` on every attempt), and records the outcome; a
 * failure is retried with exponential backoff and jitter until `retryForSeconds` after the first attempt,
 * then dead-lettered. Any number of instances can run this at once: every step is claimed in the database.
 */
export class WebhookDispatcher {
  private readonly inFlight = new Map<string, number>();
  private running = 0;
  private readonly sends = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: EventReader,
    private readonly sender: WebhookSender,
    private readonly vault: PiiVault,
    private readonly config: PushConfig,
    private readonly logger: Logger,
    private readonly metrics: PushMetrics,
    /** Called when a send settles: a slot is free for the next due delivery. */
    private readonly onSettled: () => void = () => undefined,
  ) {}

  /** Fans out the events not yet fanned out; answers how many were. */
  async fanOut(): Promise<number> {
    const events: HubEvent[] = (
      await this.dataSource.query(
        `SELECT seq, id, type, entity_type, entity_id, version, region_codes, occurred_at FROM hub_events WHERE fanned_out_at IS NULL ORDER BY seq LIMIT $1`,
        [FAN_OUT_BATCH],
      )
    ).map(eventOf);
    if (events.length === 0) return 0;
    const subscriptions: Subscription[] = await this.dataSource.query(
      // A paused subscription gets its deliveries too: they wait until it is active again.
      `SELECT id, client_system_id, url, events, region_code, secret_sealed FROM webhook_subscriptions WHERE status IN ($1, $2) AND events && $3::text[]`,
      [WebhookStatus.ACTIVE, WebhookStatus.PAUSED, [...new Set(events.map((event) => event.type))]],
    );
    // Who receives what is decided outside any transaction (the reads run as each subscriber); the rows are
    // then written in one short transaction that also marks the events, so a second instance doing the same
    // round at once writes nothing twice.
    const facts = new Map();
    const viewers = new Map<string, Promise<Awaited<ReturnType<EventReader["viewerOfClient"]>>>>();
    const deliveries: Array<{ subscriptionId: string; event: HubEvent }> = [];
    for (const event of events) {
      for (const subscription of subscriptions) {
        if (!subscription.events.includes(event.type)) continue;
        if (subscription.region_code && !event.regionCodes.some((code) => regionCovers(subscription.region_code!, code))) continue;
        let viewer = viewers.get(subscription.client_system_id);
        if (!viewer) viewers.set(subscription.client_system_id, (viewer = this.reader.viewerOfClient(subscription.client_system_id)));
        const caller = await viewer;
        if (caller && (await this.reader.message(caller, event, facts))) deliveries.push({ subscriptionId: subscription.id, event });
      }
    }
    await this.dataSource.transaction(async (manager) => {
      // A WITH … SELECT, so the driver answers rows (a bare UPDATE … RETURNING answers [rows, count]).
      const marked: Array<{ seq: string }> = await manager.query(
        `WITH marked AS (UPDATE hub_events SET fanned_out_at = now() WHERE seq = ANY($1::bigint[]) AND fanned_out_at IS NULL RETURNING seq) SELECT seq FROM marked`,
        [events.map((e) => e.seq)],
      );
      const mine = new Set(marked.map((row) => String(row.seq)));
      const rows = deliveries.filter((d) => mine.has(d.event.seq));
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const values: unknown[] = [];
        const tuples = chunk.map((d) => {
          values.push(d.subscriptionId, d.event.seq, `${d.event.entityType}:${d.event.entityId}`);
          return `($${values.length - 2}::uuid, $${values.length - 1}::bigint, $${values.length})`;
        });
        await manager.query(`INSERT INTO webhook_deliveries (subscription_id, event_seq, entity_key) VALUES ${tuples.join(", ")} ON CONFLICT (subscription_id, event_seq) DO NOTHING`, values);
      }
    });
    for (const event of events) this.metrics.eventsFannedOut.inc({ type: event.type });
    return events.length;
  }

  /** Claims what is due and starts sending it (without waiting for the answers); answers how many were claimed. */
  async deliverDue(): Promise<number> {
    const free = this.config.concurrency - this.running;
    if (free <= 0) return 0;
    const busy = [...this.inFlight].filter(([, count]) => count >= this.config.perSubscription).map(([id]) => id);
    // Candidates, at most `perSubscription` per subscription less what this instance already has in flight for
    // it, so one slow receiver never holds every slot; then each is claimed only if still due (a concurrent
    // claimer's update makes the re-check fail).
    const candidates: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM (
         SELECT d.id, d.next_attempt_at, row_number() OVER (PARTITION BY d.subscription_id ORDER BY d.next_attempt_at, d.event_seq) AS nth
           FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
          WHERE ((d.status = 'PENDING' AND d.next_attempt_at <= now()) OR (d.status = 'SENDING' AND d.lease_until < now()))
            AND s.status = 'ACTIVE' AND NOT (d.subscription_id = ANY($1::uuid[]))
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.subscription_id = d.subscription_id AND e.entity_key = d.entity_key
                             AND e.event_seq < d.event_seq AND e.status IN ('PENDING', 'SENDING'))
       ) due WHERE nth <= $2 ORDER BY next_attempt_at LIMIT $3`,
      [busy, this.config.perSubscription, free],
    );
    if (candidates.length === 0) return 0;
    // Past both bounds and a margin: a claim still SENDING then belongs to an instance that stopped mid-send.
    const leaseMs = this.config.connectTimeoutMs + this.config.responseTimeoutMs + 5_000;
    const claimed: Claimed[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE webhook_deliveries SET status = 'SENDING', lease_until = now() + make_interval(secs => $2::double precision / 1000), attempts = attempts + 1,
                first_attempt_at = coalesce(first_attempt_at, now()), last_attempt_at = now()
          WHERE id = ANY($1::uuid[]) AND ((status = 'PENDING' AND next_attempt_at <= now()) OR (status = 'SENDING' AND lease_until < now()))
          RETURNING id, subscription_id, event_seq, attempts, first_attempt_at)
       SELECT * FROM claimed`,
      [candidates.map((c) => c.id), leaseMs],
    );
    for (const delivery of claimed) {
      this.running++;
      this.inFlight.set(delivery.subscription_id, (this.inFlight.get(delivery.subscription_id) ?? 0) + 1);
      const send = this.send(delivery)
        .catch((error: Error) => this.logger.error({ errorName: error.name, deliveryId: delivery.id }, "webhook delivery failed unexpectedly"))
        .finally(() => {
          this.running--;
          const left = (this.inFlight.get(delivery.subscription_id) ?? 1) - 1;
          if (left <= 0) this.inFlight.delete(delivery.subscription_id);
          else this.inFlight.set(delivery.subscription_id, left);
          this.sends.delete(send);
          this.onSettled();
        });
      this.sends.add(send);
    }
    return claimed.length;
  }

  /** Resolves once the sends started so far have settled (for a stop). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.sends]);
  }

  get sending(): number {
    return this.running;
  }

  private async send(delivery: Claimed): Promise<void> {
    const [subscription] = (await this.dataSource.query(`SELECT id, client_system_id, url, secret_sealed, status FROM webhook_subscriptions WHERE id = $1`, [delivery.subscription_id])) as Array<Subscription & { status: string }>;
    const [eventRow] = await this.dataSource.query(`SELECT seq, id, type, entity_type, entity_id, version, region_codes, occurred_at FROM hub_events WHERE seq = $1`, [delivery.event_seq]);
    const event = eventOf(eventRow);
    if (subscription?.status === WebhookStatus.PAUSED) {
      // Paused after the claim: back in the queue, this attempt uncounted.
      await this.dataSource.query(`UPDATE webhook_deliveries SET status = 'PENDING', lease_until = NULL, attempts = attempts - 1 WHERE id = $1 AND status = 'SENDING' AND attempts = $2`, [delivery.id, delivery.attempts]);
      return;
    }
    const viewer = subscription && subscription.status === WebhookStatus.ACTIVE ? await this.reader.viewerOfClient(subscription.client_system_id) : undefined;
    let message;
    try {
      message = viewer ? await this.reader.message(viewer, event) : null;
    } catch (error) {
      if (!(error instanceof EventReadFailed)) throw error;
      return this.failed(delivery, event, null, "the hub could not read the record; retried");
    }
    if (!message) {
      // The record no longer exists for the subscriber (or its system was disabled): nothing leaves.
      await this.settle(delivery, DeliveryStatus.WITHHELD, { lastError: null, code: null });
      this.metrics.deliveries.inc({ outcome: "withheld" });
      return;
    }
    const body = JSON.stringify(message);
    const webhookId = `msg_${delivery.id}`;
    const now = new Date();
    const secret = await this.vault.openLatest(subscription.secret_sealed);
    const headers = {
      "webhook-id": webhookId,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(webhookId, now, body),
    };
    const outcome = await this.sender.send(subscription.url, headers, body);
    this.metrics.attemptDuration.observe(outcome.ms / 1000);
    if (outcome.ok) {
      await this.settle(delivery, DeliveryStatus.DELIVERED, { lastError: null, code: outcome.status });
      this.metrics.deliveries.inc({ outcome: "delivered" });
      this.metrics.latency.observe((Date.now() - new Date(event.occurredAt).getTime()) / 1000);
      return;
    }
    await this.failed(delivery, event, outcome.status, outcome.error ?? "failed");
  }

  /** A failed attempt: retried after a backoff, or dead-lettered once the retry window has passed. */
  private async failed(delivery: Claimed, event: HubEvent, code: number | null, error: string): Promise<void> {
    const windowEnds = new Date(delivery.first_attempt_at).getTime() + this.config.retryForSeconds * 1000;
    const delay = retryDelay(delivery.attempts, this.config.retryBaseMs, this.config.retryMaxDelayMs);
    if (Date.now() + delay > windowEnds) {
      await this.settle(delivery, DeliveryStatus.DEAD, { lastError: error, code });
      this.metrics.deliveries.inc({ outcome: "dead" });
      this.logger.warn({ deliveryId: delivery.id, eventType: event.type, attempts: delivery.attempts }, "webhook delivery dead-lettered after its retry window");
      return;
    }
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'PENDING', lease_until = NULL, next_attempt_at = now() + make_interval(secs => $2::double precision / 1000), last_response_code = $3, last_error = $4
        WHERE id = $1 AND status = 'SENDING' AND attempts = $5`,
      [delivery.id, delay, code, error, delivery.attempts],
    );
    this.metrics.deliveries.inc({ outcome: "failed" });
  }

  private async settle(delivery: Claimed, status: DeliveryStatus, outcome: { lastError: string | null; code: number | null }): Promise<void> {
    // Only this claim's own attempt is recorded: past its lease another instance may have taken it over.
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = $2, lease_until = NULL, last_response_code = $3, last_error = $4, delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() ELSE delivered_at END
        WHERE id = $1 AND status = 'SENDING' AND attempts = $5`,
      [delivery.id, status, outcome.code, outcome.lastError, delivery.attempts],
    );
  }
}

/** Exponential backoff with full jitter in its upper half: about base·2^(n-1), capped, between half of it and all of it. */
export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

export function eventOf(row: Record<string, any>): HubEvent {
  return {
    seq: String(row.seq),
    id: row.id,
    type: row.type,
    entityType: row.entity_type,
    entityId: row.entity_id,
    version: row.version ?? null,
    regionCodes: row.region_codes ?? [],
    dedupeKey: row.dedupe_key ?? null,
    occurredAt: row.occurred_at,
    fannedOutAt: null,
  };
}
