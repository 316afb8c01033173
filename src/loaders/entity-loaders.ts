import DataLoader from "dataloader";
import { DataSource, EntityTarget, FindOptionsOrder, FindOptionsWhere, In, ObjectLiteral } from "typeorm";
import { groupBy } from "./group-by";

/**
 * The two shapes every loader of the hub takes. Contract of both: one SQL statement per batch, results in
 * the order of the keys, no visibility applied (services decide what a caller may see), one instance per
 * request so nothing is cached across callers.
 */

/** The row whose `column` (unique) equals each key, or null. */
export function loadOneBy<E extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<E>, column: keyof E & string): DataLoader<string, E | null> {
  return new DataLoader<string, E | null>(async (keys) => {
    const rows = await dataSource.getRepository(entity).findBy({ [column]: In([...keys]) } as FindOptionsWhere<E>);
    const byKey = new Map(rows.map((row) => [String(row[column]), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** The rows whose `column` equals each key, in `order`; an empty list for keys with none. */
export function loadManyBy<E extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  column: keyof E & string,
  order: FindOptionsOrder<E>,
): DataLoader<string, E[]> {
  return new DataLoader<string, E[]>(async (keys) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [column]: In([...keys]) } as FindOptionsWhere<E>, order });
    const groups = groupBy(rows, (row) => String(row[column]));
    return keys.map((key) => groups.get(key) ?? []);
  });
}
