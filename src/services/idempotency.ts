import { EntityManager } from "typeorm";
import { BadUserInputError, ConflictError, ForbiddenError } from "../errors/errors";
import type { Viewer } from "../auth/viewer";
import { IDEMPOTENCY_KEY_RULE, normalizeIdempotencyKey } from "../domain/idempotency-key";
import { canonicalJson, sha256Hex } from "./canonical-json";

export interface IdempotentResult {
  /** The id of the record the first call created. */
  id: string;
  /** True when this call replayed an earlier one and wrote nothing. */
  replayed: boolean;
}

/**
 * Runs a creating mutation at most once per idempotency key and client system.
 *
 * Must be called inside the transaction that creates the record. The key row is inserted first with
 * `ON CONFLICT DO NOTHING`: a concurrent call with the same key waits on the primary key until the first
 * transaction commits, then finds the row. The same key with the same input (same operation, same canonical
 * input) returns the first result and writes nothing; with other input it answers `CONFLICT`. Because the
 * key row commits or rolls back with the record, a failed first attempt leaves no key behind. Keys are
 * compared and stored in NFC form; one that breaks `IDEMPOTENCY_KEY_RULE` answers `BAD_USER_INPUT`.
 */
export async function runIdempotent(
  manager: EntityManager,
  viewer: Viewer,
  operation: string,
  rawKey: string,
  input: unknown,
  create: () => Promise<string>,
): Promise<IdempotentResult> {
  if (!viewer.client) throw new ForbiddenError();
  const key = normalizeIdempotencyKey(rawKey);
  if (key === undefined) throw new BadUserInputError(`idempotencyKey must be ${IDEMPOTENCY_KEY_RULE}.`, "idempotencyKey");
  const requestHash = sha256Hex(canonicalJson({ operation, input }));
  const inserted: Array<{ key: string }> = await manager.query(
    `INSERT INTO idempotency_keys (client_system_id, key, operation, request_hash)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
    [viewer.client.id, key, operation, requestHash],
  );
  if (inserted.length === 1) {
    const id = await create();
    await manager.query(`UPDATE idempotency_keys SET result_id = $3 WHERE client_system_id = $1 AND key = $2`, [viewer.client.id, key, id]);
    return { id, replayed: false };
  }
  const [existing]: Array<{ operation: string; request_hash: string; result_id: string | null }> = await manager.query(
    `SELECT operation, request_hash, result_id FROM idempotency_keys WHERE client_system_id = $1 AND key = $2`,
    [viewer.client.id, key],
  );
  if (!existing || existing.operation !== operation || existing.request_hash !== requestHash || !existing.result_id) {
    throw new ConflictError("This idempotencyKey was already used with a different request.", { field: "idempotencyKey" });
  }
  return { id: existing.result_id, replayed: true };
}

/** `runIdempotent` when a key is given; otherwise runs `create` once (for mutations where the key is optional). */
export async function runOptionallyIdempotent(
  manager: EntityManager,
  viewer: Viewer,
  operation: string,
  key: string | null | undefined,
  input: unknown,
  create: () => Promise<string>,
): Promise<IdempotentResult> {
  if (key === null || key === undefined) return { id: await create(), replayed: false };
  return runIdempotent(manager, viewer, operation, key, input, create);
}
