import { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { ConflictError, NotFoundError } from "../errors/errors";

/**
 * Optimistic concurrency for edits of existing records.
 *
 * The version is checked in the UPDATE's own WHERE clause (`id = $1 AND version = $2`), so two writers that
 * read the same version cannot both win: the second updates no row and gets `CONFLICT`. The version goes up
 * by one on every successful edit. Returns the record as stored after the edit.
 */
export async function updateVersioned<E extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  target: EntityTarget<E>,
  label: string,
  id: string,
  expectedVersion: number,
  changes: Partial<E>,
  options: { touchUpdatedAt?: boolean } = {},
): Promise<E> {
  const stamp = options.touchUpdatedAt === false ? {} : { updatedAt: () => "now()" };
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => "version + 1", ...stamp } as never)
    .where("id = :id AND version = :expectedVersion", { id, expectedVersion })
    .execute();
  if (!result.affected) {
    const exists = await manager.getRepository(target).exists({ where: { id } as never });
    if (!exists) throw new NotFoundError(label);
    throw staleVersion(label);
  }
  return manager.getRepository(target).findOneByOrFail({ id } as never);
}

/**
 * Checks the version a caller quoted before any other rule is judged, so a caller working from a stale read
 * hears CONFLICT (reload) rather than a verdict about a state it has not seen. The UPDATE's WHERE clause still
 * guards the race between this check and the write.
 */
export function assertVersion(current: { version: number }, expectedVersion: number, label: string): void {
  if (current.version !== expectedVersion) throw staleVersion(label);
}

function staleVersion(label: string): ConflictError {
  return new ConflictError(`${label} was changed by someone else: reload it and try again.`, { field: "expectedVersion" });
}
