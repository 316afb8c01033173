import { randomBytes } from "node:crypto";
import { In, type EntityManager } from "typeorm";
import type { RequestScope } from "../context/request-scope";
import { DeliveryStatus, WebhookDelivery } from "../entities/webhook-delivery.entity";
import { WebhookStatus, WebhookSubscription } from "../entities/webhook-subscription.entity";
import { BadUserInputError, ConflictError, InvalidStateTransitionError, NotFoundError } from "../errors/errors";
import type { SubscribeWebhookInput, UpdateWebhookInput, WebhookDeliveryFilter } from "../inputs/webhook-subscription.input";
import { demand } from "../policy/decision";
import { webhookSubscriber } from "../policy/rules";
import { redeliverDelivery } from "../policy/webhook-subscription.permissions";
import { webhookSubscriptionVisibility } from "../policy/webhook-subscription.visibility";
import { isHubEventType } from "../push/event-types";
import { parseWebhookUrl, WebhookUrlRules } from "../push/webhook-url";
import { lockQueues } from "../push/queue-lock";
import { CommandRunner, Created } from "./command-runner";
import { equals, relationPage, RelationListSpec } from "./list-builder";
import type { Page } from "./pagination";
import * as check from "./validate";

/** Subscriptions one client system may hold: each event is read once per subscription. */
export const MAX_SUBSCRIPTIONS_PER_SYSTEM = 20;
const MAX_EVENT_TYPES = 30;

/** A subscription, and its signing secret: shown in the answer to the subscribing call (and to its retries with the same key), never read back otherwise. */
export interface SubscribedWebhook extends Created<WebhookSubscription> {
  secret: string;
}

/** A delivery as listed: with its event, and its subscription's owner for the field rule. */
export type WebhookDeliveryRow = WebhookDelivery & { subscription: Pick<WebhookSubscription, "agencyId" | "clientSystemId"> };

/** Deliveries with their event and their subscription's owner and status, as listed and as redelivered. */
const DELIVERY_ROWS = `SELECT d.*, e.type AS event_type, e.id AS event_id, e.entity_type, e.entity_id, s.agency_id, s.client_system_id, s.status AS subscription_status
                         FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id JOIN hub_events e ON e.seq = d.event_seq`;

const DELIVERY_LIST: RelationListSpec<WebhookDeliveryRow, WebhookDeliveryFilter> = {
  alias: "d",
  filters: {
    subscriptionId: (id, d) => (check.isUuid(id) ? { clause: `${d}.subscription_id = :subscription`, params: { subscription: id } } : { clause: "1 = 0", params: {} }),
    status: equals("status", "status"),
    eventType: equals("event_type", "eventType"),
  },
  order: {
    direction: "DESC",
    keys: [
      { column: "d.created_at", part: "timestamp", value: (row) => new Date(row.createdAt).toISOString() },
      { column: "d.id", part: "uuid", value: (row) => row.id },
    ],
  },
  row: (raw) =>
    Object.assign(new WebhookDelivery(), {
      id: raw.id,
      subscriptionId: raw.subscription_id,
      eventSeq: raw.event_seq,
      entityKey: raw.entity_key,
      status: raw.status,
      attempts: raw.attempts,
      nextAttemptAt: raw.next_attempt_at,
      leaseUntil: raw.lease_until,
      firstAttemptAt: raw.first_attempt_at,
      lastAttemptAt: raw.last_attempt_at,
      lastResponseCode: raw.last_response_code,
      lastError: raw.last_error,
      deliveredAt: raw.delivered_at,
      createdAt: raw.created_at,
      eventType: raw.event_type,
      eventId: raw.event_id,
      entityType: raw.entity_type,
      entityId: raw.entity_id,
      subscription: { agencyId: raw.agency_id, clientSystemId: raw.client_system_id },
    }),
};

/**
 * Webhook subscriptions of the calling client system, and their deliveries. A subscription belongs to the
 * system that made it: for any other caller it does not exist. What a subscription receives is decided per
 * event when it is delivered (`push/`), never here.
 */
export class WebhookSubscriptionService {
  private readonly commands: CommandRunner;

  constructor(
    private readonly scope: RequestScope,
    private readonly urlRules: WebhookUrlRules,
  ) {
    this.commands = new CommandRunner(scope);
  }

  private get viewer() {
    return this.scope.viewer;
  }

  /** The calling system's webhooks, oldest first (deleted ones are gone). */
  mine(): Promise<WebhookSubscription[]> {
    this.mayManage();
    const own = webhookSubscriptionVisibility.sql(this.viewer, "s");
    return this.scope.dataSource
      .getRepository(WebhookSubscription)
      .createQueryBuilder("s")
      .where(own.clause, own.params)
      .andWhere("s.status IN (:...live)", { live: [WebhookStatus.ACTIVE, WebhookStatus.PAUSED] })
      .orderBy("s.created_at", "ASC")
      .addOrderBy("s.id", "ASC")
      .getMany();
  }

  async subscribe(input: SubscribeWebhookInput): Promise<SubscribedWebhook> {
    this.mayManage();
    const url = parseWebhookUrl(input.url, "input.url", this.urlRules);
    const events = this.eventTypes(input.events, "input.events");
    const regionCode = input.regionCode ? check.regionCode(input.regionCode, "input.regionCode") : null;
    const agencyId = this.viewer.agency!.id;
    const clientSystemId = this.viewer.client!.id;
    const created = await this.commands.create({
      operation: "subscribeWebhook",
      entity: WebhookSubscription,
      entityType: "WebhookSubscription",
      idempotencyKey: input.idempotencyKey,
      keyRequired: true,
      fingerprint: { url, events, regionCode },
      write: async (manager) => {
        const held = await manager.getRepository(WebhookSubscription).countBy({ clientSystemId, status: In([WebhookStatus.ACTIVE, WebhookStatus.PAUSED]) });
        if (held >= MAX_SUBSCRIPTIONS_PER_SYSTEM) throw new ConflictError(`A client system holds at most ${MAX_SUBSCRIPTIONS_PER_SYSTEM} webhooks: delete one first.`, { field: "input" });
        const secret = `whsec_${randomBytes(32).toString("base64")}`;
        const saved = await manager.getRepository(WebhookSubscription).save(manager.create(WebhookSubscription, { agencyId, clientSystemId, url, events, regionCode, secretSealed: this.scope.vault.seal(secret) }));
        return { id: saved.id, fields: ["url", "events", "regionCode"] };
      },
    });
    return { ...created, secret: await this.scope.vault.openLatest(created.record.secretSealed) };
  }

  update(id: string, expectedVersion: number, input: UpdateWebhookInput): Promise<WebhookSubscription> {
    this.mayManage();
    const changes: Partial<WebhookSubscription> = {};
    if (input.url !== undefined && input.url !== null) changes.url = parseWebhookUrl(input.url, "input.url", this.urlRules);
    if (input.events !== undefined && input.events !== null) changes.events = this.eventTypes(input.events, "input.events");
    if (input.regionCode !== undefined && input.regionCode !== null) changes.regionCode = input.regionCode.trim() === "" ? null : check.regionCode(input.regionCode, "input.regionCode");
    if (input.status) {
      if (input.status === WebhookStatus.DELETED) throw new BadUserInputError("Delete a webhook with deleteWebhook.", "input.status");
      changes.status = input.status;
    }
    if (Object.keys(changes).length === 0) throw new BadUserInputError("Nothing to change.", "input");
    return this.commands.change({
      ...this.forWrite(id, expectedVersion),
      operation: "updateWebhook",
      apply: async () => ({ changes, fields: Object.keys(changes) }),
    });
  }

  delete(id: string, expectedVersion: number): Promise<WebhookSubscription> {
    this.mayManage();
    return this.commands.change({
      ...this.forWrite(id, expectedVersion),
      operation: "deleteWebhook",
      apply: async (subscription, manager) => {
        // Nothing more is sent: what was still queued is withheld (never listed, never claimed).
        await manager.query(`UPDATE webhook_deliveries SET status = 'WITHHELD', ready = false, lease_until = NULL WHERE subscription_id = $1 AND status IN ('PENDING', 'SENDING')`, [subscription.id]);
        return { changes: { status: WebhookStatus.DELETED }, fields: ["status"] };
      },
    });
  }

  /** The calling system's deliveries, newest first; withheld ones (the record no longer exists for it) are never listed. */
  deliveries(filter: WebhookDeliveryFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<WebhookDeliveryRow>> {
    this.mayManage();
    const own = webhookSubscriptionVisibility.sql(this.viewer, "s");
    const relation = {
      clause: `${DELIVERY_ROWS} WHERE ${own.clause} AND s.status <> 'DELETED' AND d.status <> 'WITHHELD'`,
      params: own.params,
    };
    return relationPage(this.scope.reads, DELIVERY_LIST, relation, filter, { first, after });
  }

  /**
   * Sends a delivery again, with its `webhook-id`, as a new retry window: a dead-lettered one once the
   * receiver is fixed, or a delivered one a receiver lost. One still pending or being sent answers
   * INVALID_STATE_TRANSITION.
   */
  redeliver(deliveryId: string): Promise<WebhookDeliveryRow> {
    // Who may is decided on the delivery's subscription (`webhookDelivery.redeliver`): its own system, or the operator.
    return this.commands.perform({
      operation: "redeliverWebhook",
      entityType: "WebhookDelivery",
      work: async (manager: EntityManager) => {
        const delivery = await this.ownDelivery(manager, deliveryId);
        if (delivery.status !== DeliveryStatus.DEAD && delivery.status !== DeliveryStatus.DELIVERED) {
          throw new InvalidStateTransitionError("The delivery", delivery.status, DeliveryStatus.PENDING);
        }
        await lockQueues(manager, [{ subscription: delivery.subscriptionId, key: delivery.entityKey }]);
        await manager.query(
          `UPDATE webhook_deliveries d SET status = 'PENDING', attempts = 0, next_attempt_at = now(), first_attempt_at = NULL, lease_until = NULL,
                  ready = NOT EXISTS (SELECT 1 FROM webhook_deliveries q WHERE q.subscription_id = d.subscription_id AND q.entity_key = d.entity_key AND q.status IN ('PENDING', 'SENDING'))
            WHERE d.id = $1 AND d.status = $2`,
          [delivery.id, delivery.status],
        );
        return { commit: { id: delivery.id, fields: ["status"] }, answer: await this.ownDelivery(manager, deliveryId) };
      },
    });
  }

  private async ownDelivery(manager: EntityManager, deliveryId: string): Promise<WebhookDeliveryRow> {
    if (!check.isUuid(deliveryId)) throw new NotFoundError("Webhook delivery");
    const rows: Array<Record<string, any>> = await manager.query(
      `${DELIVERY_ROWS} WHERE d.id = $1`,
      [deliveryId],
    );
    const row = rows[0];
    const delivery = row && DELIVERY_LIST.row(row);
    if (!delivery || row.subscription_status === WebhookStatus.DELETED || delivery.status === DeliveryStatus.WITHHELD || !redeliverDelivery(this.viewer, delivery.subscription)) {
      throw new NotFoundError("Webhook delivery");
    }
    return delivery;
  }

  private mayManage(): void {
    demand(webhookSubscriber, "Webhooks belong to an agency's client system holding clients:manage.", this.viewer);
  }

  /** A subscription as an edit loads it: the caller's own, not deleted (NOT_FOUND otherwise). */
  private forWrite(id: string, expectedVersion: number) {
    return {
      entity: WebhookSubscription,
      entityType: "WebhookSubscription",
      label: "Webhook",
      id,
      expectedVersion,
      visible: (current: WebhookSubscription) => current.status !== WebhookStatus.DELETED && webhookSubscriptionVisibility.test(this.viewer, current),
    };
  }

  private eventTypes(values: readonly string[], field: string): string[] {
    const types = [...new Set(values.map((value) => value.trim()))];
    if (types.length === 0) throw new BadUserInputError("Name at least one event type.", field);
    if (types.length > MAX_EVENT_TYPES) throw new BadUserInputError(`At most ${MAX_EVENT_TYPES} event types.`, field);
    const unknown = types.filter((type) => !isHubEventType(type));
    if (unknown.length > 0) throw new BadUserInputError(`Unknown event type ${unknown[0].slice(0, 80)}: the README's "Push" section lists them.`, field);
    return types.sort();
  }
}
