import type { EntityManager } from "typeorm";

/**
 * Webhook deliveries queue per subscription and record; the head of each queue is the only one claimable
 * (`ready`). Whoever changes which row is the head (fan-out adding rows, a delivery settling, a redelivery)
 * does so under the queue's lock, so that two such changes at once each see what the other committed. The
 * locks are transaction-scoped and taken in one order, so that no two takers deadlock.
 */
export async function lockQueues(manager: EntityManager, queues: Array<{ subscription: string; key: string }>): Promise<void> {
  const names = [...new Set(queues.map((q) => `webhook-queue:${q.subscription}:${q.key}`))].sort();
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended(name, 0)) FROM unnest($1::text[]) AS name ORDER BY name`, [names]);
}
