import { Webhook } from "standardwebhooks";
import type { DataSource } from "typeorm";
import { lockQueues } from "./queue-lock";
import { regionCovers } from "../auth/region";
import type { PiiVault } from "../auth/pii-vault";
import type { PushConfig } from "../config/config";
import type { HubEvent } from "../entities/hub-event.entity";
import { DeliveryStatus } from "../entities/webhook-delivery.entity";
import { WebhookStatus } from "../entities/webhook-subscription.entity";
import type { Logger } from "../logging/logger";
import { EventReader, EventReadFailed, eventOf, type FactsCache } from "./event-reader";
import type { PushMetrics } from "./push-metrics";
import type { WebhookSender } from "./webhook-sender";
import type { Viewer } from "../auth/viewer";

/** Events fanned out per round at most. */
const FAN_OUT_BATCH = 200;
/** Rounds an event whose record cannot be read is retried in before it is set aside. */
const FAN_OUT_ATTEMPTS = 5;

interface Subscription {
  id: string;
  client_system_id: string;
  events: string[];
  region_code: string | null;
  created_at: Date | string;
}

/** A claimed delivery, with what sending it needs: its subscription and its event. */
interface Claimed {
  id: string;
  subscription_id: string;
  attempts: number;
  first_attempt_at: Date;
  client_system_id: string;
  url: string;
  secret_sealed: string;
  seq: string;
  event_id: string;
  type: string;
  entity_type: string;
  entity_id: string;
  version: number | null;
  region_codes: string[];
  occurred_at: Date;
}

interface Round {
  viewers: Map<string, Promise<Viewer | undefined>>;
  facts: FactsCache;
  secrets: Map<string, Promise<string>>;
}

/**
 * A claim's lease is the connect and response bounds plus this, renewed just before the request goes out: a
 * delivery still SENDING past it belongs to an instance that stopped, and another takes it over.
 */
const LEASE_MARGIN_MS = 5_000;

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
  /** Sends in flight on this instance, per subscription, and their deliveries' ids. */
  private readonly inFlight = new Map<string, number>();
  private readonly sendingIds = new Set<string>();
  /** Rounds in which an event's record could not be read, by event seq. */
  private readonly fanOutFailures = new Map<string, number>();
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

  /**
   * Fans out the events not yet fanned out, oldest first; answers how many were. An event whose record cannot
   * be read now (the database) ends the round before it, so a record's events keep their order; one that
   * still cannot be read after `FAN_OUT_ATTEMPTS` rounds is set aside (logged) rather than hold up the rest.
   */
  async fanOut(): Promise<number> {
    const events: HubEvent[] = (
      await this.dataSource.query(
        `SELECT seq, id, type, entity_type, entity_id, version, region_codes, occurred_at FROM hub_events WHERE fanned_out_at IS NULL ORDER BY seq LIMIT $1`,
        [FAN_OUT_BATCH],
      )
    ).map(eventOf);
    // Failures counted for events no longer waiting (another instance fanned them out) are forgotten.
    const waiting = new Set(events.map((event) => event.seq));
    for (const seq of this.fanOutFailures.keys()) if (!waiting.has(seq)) this.fanOutFailures.delete(seq);
    if (events.length === 0) return 0;
    const subscriptions: Subscription[] = await this.dataSource.query(
      // A paused subscription gets its deliveries too: they wait until it is active again.
      `SELECT id, client_system_id, events, region_code, created_at FROM webhook_subscriptions WHERE status IN ($1, $2) AND events && $3::text[]`,
      [WebhookStatus.ACTIVE, WebhookStatus.PAUSED, [...new Set(events.map((event) => event.type))]],
    );
    // Who receives what is decided outside any transaction (the reads run as each subscriber); the rows are
    // then written in one short transaction that also marks the events, so a second instance doing the same
    // round at once writes nothing twice.
    const facts: FactsCache = new Map();
    const viewers = new Map<string, Promise<Viewer | undefined>>();
    const deliveries: Array<{ subscriptionId: string; event: HubEvent }> = [];
    const done: HubEvent[] = [];
    for (const event of events) {
      try {
        for (const subscription of subscriptions) {
          if (!subscription.events.includes(event.type)) continue;
          // A subscription receives what happens once it exists, not an earlier event still waiting to be fanned out.
          if (new Date(event.occurredAt).getTime() < new Date(subscription.created_at).getTime()) continue;
          if (subscription.region_code && !event.regionCodes.some((code) => regionCovers(subscription.region_code!, code))) continue;
          let viewer = viewers.get(subscription.client_system_id);
          if (!viewer) viewers.set(subscription.client_system_id, (viewer = this.reader.viewerOfClient(subscription.client_system_id)));
          const caller = await viewer;
          if (caller && (await this.reader.message(caller, event, facts))) deliveries.push({ subscriptionId: subscription.id, event });
        }
        done.push(event);
        this.fanOutFailures.delete(event.seq);
      } catch (error) {
        const failures = (this.fanOutFailures.get(event.seq) ?? 0) + 1;
        this.fanOutFailures.set(event.seq, failures);
        if (failures < FAN_OUT_ATTEMPTS) {
          if (done.length === 0) throw error;
          break;
        }
        this.fanOutFailures.delete(event.seq);
        this.logger.error({ eventId: event.id, eventType: event.type, errorName: (error as Error)?.name }, "event set aside: its record could not be read for its subscribers");
        done.push(event);
        for (let i = deliveries.length - 1; i >= 0; i--) if (deliveries[i].event === event) deliveries.splice(i, 1);
      }
    }
    await this.dataSource.transaction(async (manager) => {
      // A WITH … SELECT, so the driver answers rows (a bare UPDATE … RETURNING answers [rows, count]).
      const marked: Array<{ seq: string }> = await manager.query(
        `WITH marked AS (UPDATE hub_events SET fanned_out_at = now() WHERE seq = ANY($1::bigint[]) AND fanned_out_at IS NULL RETURNING seq) SELECT seq FROM marked`,
        [done.map((e) => e.seq)],
      );
      const mine = new Set(marked.map((row) => String(row.seq)));
      const rows = deliveries.filter((d) => mine.has(d.event.seq));
      if (rows.length === 0) return;
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const values: unknown[] = [];
        const tuples = chunk.map((d) => {
          values.push(d.subscriptionId, d.event.seq, entityKey(d.event));
          return `($${values.length - 2}::uuid, $${values.length - 1}::bigint, $${values.length})`;
        });
        await manager.query(`INSERT INTO webhook_deliveries (subscription_id, event_seq, entity_key) VALUES ${tuples.join(", ")} ON CONFLICT (subscription_id, event_seq) DO NOTHING`, values);
      }
      // The head of each queue these rows joined becomes claimable (it may be one of them, or already was),
      // under each queue's lock: a delivery of the queue settling at the same moment promotes the next head
      // under the same lock, so whichever goes second sees what the first committed.
      const queues = [...new Map(rows.map((d) => [`${d.subscriptionId}|${entityKey(d.event)}`, { subscription: d.subscriptionId, key: entityKey(d.event) }])).values()];
      await lockQueues(manager, queues);
      await manager.query(
        `UPDATE webhook_deliveries SET ready = true WHERE id IN (
           SELECT DISTINCT ON (subscription_id, entity_key) id FROM webhook_deliveries
            WHERE status IN ('PENDING', 'SENDING') AND (subscription_id, entity_key) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))
            ORDER BY subscription_id, entity_key, event_seq) AND NOT ready`,
        [queues.map((q) => q.subscription), queues.map((q) => q.key)],
      );
    });
    for (const event of done) this.metrics.eventsFannedOut.inc({ type: event.type });
    return done.length;
  }

  /** Claims what is due and starts sending it (without waiting for the answers); answers how many were claimed. */
  async deliverDue(): Promise<number> {
    const free = this.config.concurrency - this.running;
    if (free <= 0) return 0;
    // Only the heads of the queues are candidates (`ready`), at most `perSubscription` per subscription less
    // what this instance has in flight for it, so one slow receiver never holds every slot; never one this
    // instance is still sending; each is claimed only if still due (a concurrent claimer's update makes the
    // re-check fail), and the claim answers what sending needs in the same statement.
    const leaseMs = this.leaseMs();
    const busy = [...this.inFlight];
    const claimed: Claimed[] = await this.dataSource.query(
      `WITH candidates AS (
         SELECT id FROM (
           SELECT d.id, d.next_attempt_at, d.subscription_id, row_number() OVER (PARTITION BY d.subscription_id ORDER BY d.next_attempt_at, d.event_seq) AS nth
             FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
            WHERE d.ready AND ((d.status = 'PENDING' AND d.next_attempt_at <= now()) OR (d.status = 'SENDING' AND d.lease_until < now()))
              AND s.status = 'ACTIVE' AND NOT (d.id = ANY($6::uuid[]))
         ) due LEFT JOIN unnest($1::uuid[], $2::int[]) AS held(subscription_id, n) ON held.subscription_id = due.subscription_id
          WHERE nth <= $3 - coalesce(held.n, 0) ORDER BY next_attempt_at LIMIT $4
       ), claimed AS (
         UPDATE webhook_deliveries d SET status = 'SENDING', lease_until = now() + make_interval(secs => $5::double precision / 1000), attempts = attempts + 1,
                first_attempt_at = coalesce(first_attempt_at, now()), last_attempt_at = now()
          WHERE d.id IN (SELECT id FROM candidates) AND d.ready
            AND ((d.status = 'PENDING' AND d.next_attempt_at <= now()) OR (d.status = 'SENDING' AND d.lease_until < now()))
          RETURNING d.id, d.subscription_id, d.event_seq, d.attempts, d.first_attempt_at)
       SELECT c.id, c.subscription_id, c.attempts, c.first_attempt_at, s.client_system_id, s.url, s.secret_sealed,
              e.seq, e.id AS event_id, e.type, e.entity_type, e.entity_id, e.version, e.region_codes, e.occurred_at
         FROM claimed c JOIN webhook_subscriptions s ON s.id = c.subscription_id JOIN hub_events e ON e.seq = c.event_seq`,
      [busy.map(([id]) => id), busy.map(([, n]) => n), this.config.perSubscription, free, leaseMs, [...this.sendingIds]],
    );
    if (claimed.length === 0) return 0;
    // What one round's sends share: each subscriber's caller, each record's facts, each secret.
    const round: Round = { viewers: new Map(), facts: new Map(), secrets: new Map() };
    for (const delivery of claimed) {
      this.running++;
      this.sendingIds.add(delivery.id);
      this.inFlight.set(delivery.subscription_id, (this.inFlight.get(delivery.subscription_id) ?? 0) + 1);
      const send = this.send(delivery, round)
        .catch((error: Error) => this.logger.error({ errorName: error.name, deliveryId: delivery.id }, "webhook delivery failed unexpectedly"))
        .finally(() => {
          this.running--;
          this.sendingIds.delete(delivery.id);
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

  private leaseMs(): number {
    return this.config.connectTimeoutMs + this.config.responseTimeoutMs + LEASE_MARGIN_MS;
  }

  /** Resolves once the sends started so far have settled (for a stop). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.sends]);
  }

  private async send(delivery: Claimed, round: Round): Promise<void> {
    const event = eventOf({ ...delivery, id: delivery.event_id });
    let prepared: { body: string; headers: Record<string, string> } | null;
    try {
      prepared = await this.prepare(delivery, event, round);
    } catch (error) {
      // The hub's own trouble (the database, a key): retried like a receiver's, dead-lettered past the window.
      const reason = error instanceof EventReadFailed ? "the hub could not read the record; retried" : "the hub could not prepare the delivery; retried";
      if (!(error instanceof EventReadFailed)) this.logger.error({ deliveryId: delivery.id, errorName: (error as Error)?.name }, "webhook delivery could not be prepared");
      return this.failed(delivery, event, null, reason);
    }
    if (!prepared) {
      // The record no longer exists for the subscriber (or its system was disabled): nothing leaves.
      await this.settle(delivery, DeliveryStatus.WITHHELD, { lastError: null, code: null });
      this.metrics.deliveries.inc({ outcome: "withheld" });
      return;
    }
    // Preparing took its time: the lease runs again from now, and is this instance's still (else another
    // instance took the delivery over meanwhile, and sends it itself).
    if (!(await this.renewLease(delivery))) return;
    const outcome = await this.sender.send(delivery.url, prepared.headers, prepared.body);
    this.metrics.attemptDuration.observe(outcome.ms / 1000);
    if (outcome.ok) {
      await this.settle(delivery, DeliveryStatus.DELIVERED, { lastError: null, code: outcome.status });
      this.metrics.deliveries.inc({ outcome: "delivered" });
      this.metrics.latency.observe((Date.now() - new Date(event.occurredAt).getTime()) / 1000);
      return;
    }
    await this.failed(delivery, event, outcome.status, outcome.error ?? "failed");
  }

  /** The signed request, or null when nothing may leave: the record read as the subscriber, signed with its secret. */
  private async prepare(delivery: Claimed, event: HubEvent, round: Round): Promise<{ body: string; headers: Record<string, string> } | null> {
    let viewer = round.viewers.get(delivery.client_system_id);
    if (!viewer) round.viewers.set(delivery.client_system_id, (viewer = this.reader.viewerOfClient(delivery.client_system_id)));
    const caller = await viewer;
    const message = caller ? await this.reader.message(caller, event, round.facts) : null;
    if (!message) return null;
    const body = JSON.stringify(message);
    const webhookId = `msg_${delivery.id}`;
    const now = new Date();
    let secret = round.secrets.get(delivery.subscription_id);
    if (!secret) round.secrets.set(delivery.subscription_id, (secret = this.vault.openLatest(delivery.secret_sealed)));
    const headers = {
      "webhook-id": webhookId,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": new Webhook(await secret).sign(webhookId, now, body),
    };
    return { body, headers };
  }

  private async renewLease(delivery: Claimed): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH renewed AS (UPDATE webhook_deliveries SET lease_until = now() + make_interval(secs => $3::double precision / 1000)
                         WHERE id = $1 AND status = 'SENDING' AND attempts = $2 RETURNING 1) SELECT * FROM renewed`,
      [delivery.id, delivery.attempts, this.leaseMs()],
    );
    return rows.length > 0;
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

  /**
   * Records the end of a delivery and makes the next one of its record's queue claimable, under the queue's
   * lock (see `fanOut`). Only this claim's own attempt is recorded: past its lease another instance may have
   * taken it over.
   */
  private async settle(delivery: Claimed, status: DeliveryStatus, outcome: { lastError: string | null; code: number | null }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockQueues(manager, [{ subscription: delivery.subscription_id, key: `${delivery.entity_type}:${delivery.entity_id}` }]);
      await manager.query(
        `WITH settled AS (
           UPDATE webhook_deliveries SET status = $2, ready = false, lease_until = NULL, last_response_code = $3, last_error = $4,
                  delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() ELSE delivered_at END
            WHERE id = $1 AND status = 'SENDING' AND attempts = $5
            RETURNING subscription_id, entity_key)
         UPDATE webhook_deliveries n SET ready = true
          WHERE n.id = (SELECT d.id FROM webhook_deliveries d JOIN settled s ON d.subscription_id = s.subscription_id AND d.entity_key = s.entity_key
                         WHERE d.status = 'PENDING' AND d.id <> $1 ORDER BY d.event_seq LIMIT 1)`,
        [delivery.id, status, outcome.code, outcome.lastError, delivery.attempts],
      );
    });
  }
}

/** `Type:id`: the record a delivery is about, one queue per record and subscription. */
function entityKey(event: Pick<HubEvent, "entityType" | "entityId">): string {
  return `${event.entityType}:${event.entityId}`;
}


/** Exponential backoff with full jitter in its upper half: about base·2^(n-1), capped, between half of it and all of it. */
export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
