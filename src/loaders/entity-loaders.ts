import DataLoader from "dataloader";
import type { DataSource, EntityTarget, FindOptionsOrder, ObjectLiteral } from "typeorm";
import { entityRows } from "./entity-rows";
import { groupBy } from "./group-by";

/**
 * The two shapes every loader of the hub takes. Contract of both: one SQL statement per batch, results in
 * the order of the keys, no visibility applied (services decide what a caller may see), one instance per
 * request so nothing is cached across callers.
 */

/** The row whose `column` (unique) equals each key, or null. */
export function loadOneBy<E extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<E>, column: keyof E & string): DataLoader<string, E | null> {
  return new DataLoader<string, E | null>(async (keys) => {
    const rows = entityRows(dataSource, entity);
    const key = rows.column(column);
    const found: Array<Record<string, unknown>> = await dataSource.query(`SELECT ${rows.columns} FROM ${rows.table} WHERE ${key.name} = ANY($1::${key.arrayType}[])`, [keys]);
    const byKey = new Map(found.map((raw) => [String(raw[key.databaseName]), raw]));
    return keys.map((k) => {
      const raw = byKey.get(k);
      return raw ? rows.read(raw) : null;
    });
  });
}

/**
 * The rows whose `column` equals each key, in `order`; an empty list for keys with none. `properties`: only
 * these columns (`column` among them), read into partial entities; all of them by default.
 */
export function loadManyBy<E extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  column: keyof E & string,
  order: FindOptionsOrder<E>,
  properties: readonly string[] | null = null,
): DataLoader<string, E[]> {
  return new DataLoader<string, E[]>(async (keys) => {
    const rows = entityRows(dataSource, entity);
    const key = rows.column(column);
    const selected = rows.only(properties);
    const found: Array<Record<string, unknown>> = await dataSource.query(
      `SELECT ${selected.columns} FROM ${rows.table} WHERE ${key.name} = ANY($1::${key.arrayType}[]) ORDER BY ${rows.orderBy(order)}`,
      [keys],
    );
    const groups = groupBy(found.map((raw) => selected.read(raw)), (row) => String(row[column]));
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/**
 * One loader per column selection, made on first use within the request: the parents of one field share a
 * selection, so they still share one batch.
 */
export function perSelection<L>(make: (properties: readonly string[] | null) => L): (properties: readonly string[] | null) => L {
  const made = new Map<string, L>();
  return (properties) => {
    const key = properties?.join(",") ?? "*";
    let loader = made.get(key);
    if (!loader) made.set(key, (loader = make(properties)));
    return loader;
  };
}
