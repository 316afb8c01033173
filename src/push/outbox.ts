import type { EntityManager } from "typeorm";
import { EventDraft, HUB_EVENT_TYPES } from "./event-types";

/**
 * Writes events in the caller's transaction: they commit with the change they report, or not at all. A
 * time-driven event whose `dedupeKey` is already there is skipped, so the scheduler of every instance may try
 * and only one event results. Answers how many were written.
 */
export async function writeEvents(manager: EntityManager, drafts: readonly EventDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const values: unknown[] = [];
  const rows = drafts.map((draft) => {
    values.push(draft.type, HUB_EVENT_TYPES[draft.type], draft.entityId, draft.version ?? null, draft.regionCodes, draft.dedupeKey ?? null);
    const n = values.length;
    return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}::text[], $${n})`;
  });
  const inserted: Array<{ seq: string }> = await manager.query(
    `INSERT INTO hub_events (type, entity_type, entity_id, version, region_codes, dedupe_key) VALUES ${rows.join(", ")}
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING seq`,
    values,
  );
  return inserted.length;
}
