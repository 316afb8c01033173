import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Push (issue 16). `hub_events` is the outbox: a change others must learn of writes its event in the change's
 * own transaction; a time-driven event carries a `dedupe_key` (record and threshold) so it is raised once
 * whichever instance's scheduler sees it first. `webhook_subscriptions` belong to one client system; the
 * signing secret is sealed like personal data. `webhook_deliveries` are one event for one subscription: its id
 * is the `webhook-id` every attempt repeats; a claim (status SENDING, `lease_until`) that outlives its
 * instance is taken over once the lease ends. `ready` marks the head of each record's queue per subscription
 * (its oldest unsettled delivery): only those are claimed, so deliveries go out in order per record and the
 * claim reads the heads alone, however long the queues behind them.
 */
export class Push1765100000000 implements MigrationInterface {
  name = "Push1765100000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE hub_events (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        type text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        version int,
        region_codes text[] NOT NULL DEFAULT '{}',
        dedupe_key text UNIQUE,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        fanned_out_at timestamptz
      )`);
    await q.query(`CREATE INDEX hub_events_to_fan_out ON hub_events (seq) WHERE fanned_out_at IS NULL`);
    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_system_id uuid NOT NULL REFERENCES client_systems(id),
        url text NOT NULL CHECK (length(url) <= 2048),
        events text[] NOT NULL CHECK (cardinality(events) > 0),
        region_code text,
        secret_sealed text NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED', 'DELETED')),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_subscriptions_client ON webhook_subscriptions (client_system_id) WHERE status <> 'DELETED'`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id),
        event_seq bigint NOT NULL REFERENCES hub_events(seq),
        entity_key text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'DELIVERED', 'DEAD', 'WITHHELD')),
        ready boolean NOT NULL DEFAULT false,
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        first_attempt_at timestamptz,
        last_attempt_at timestamptz,
        last_response_code int,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (subscription_id, event_seq)
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE ready AND status IN ('PENDING', 'SENDING')`);
    await q.query(`CREATE INDEX webhook_deliveries_in_order ON webhook_deliveries (subscription_id, entity_key, event_seq) WHERE status IN ('PENDING', 'SENDING')`);
    await q.query(`CREATE INDEX webhook_deliveries_listing ON webhook_deliveries (subscription_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_seq)`);
    // Which instance runs the scheduler: the holder of an unexpired lease (renewed every round).
    await q.query(`CREATE TABLE push_scheduler_lease (name text PRIMARY KEY, holder text NOT NULL, lease_until timestamptz NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE push_scheduler_lease`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_subscriptions`);
    await q.query(`DROP TABLE hub_events`);
  }
}
