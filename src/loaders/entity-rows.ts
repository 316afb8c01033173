import type { DataSource, EntityMetadata, EntityTarget, FindOptionsOrder, ObjectLiteral } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";

/**
 * An entity's rows read with plain SQL: the columns it selects, listed once, and each row turned into the
 * entity (its prototype, its property names, each value as TypeORM's driver converts it: dates as
 * strings, column transformers applied). What a loader reads in bulk skips TypeORM's query building and
 * its general hydration, which cost more than the query on the hub's hot paths (bench/: issue 20).
 * Entities here have plain columns only (no relations, no embedded objects).
 */
export interface EntityRows<E> {
  /** The quoted table name. */
  readonly table: string;
  /** The selected columns, quoted and comma-separated. */
  readonly columns: string;
  /** The same under a table alias (`"i"."name" AS "name"`), for a query builder's `select`. */
  qualified(alias: string): string;
  /** A property's column: quoted, as rows name it, and the type to cast a key array to for `= ANY($1::type[])`. */
  column(property: string): { name: string; databaseName: string; arrayType: string };
  /** ORDER BY for a TypeORM order of properties. */
  orderBy(order: FindOptionsOrder<E>): string;
  read(raw: Record<string, unknown>): E;
  /** The property names of the selected columns. */
  readonly properties: ReadonlySet<string>;
  /** Some of the columns only (`loaders/column-selection.ts`), read into a partial entity; null: all of them. */
  only(properties: readonly string[] | null): { columns: string; read(raw: Record<string, unknown>): E };
}

const shapes = new WeakMap<EntityMetadata, EntityRows<ObjectLiteral>>();

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const ARRAY_TYPES: Record<string, string> = { uuid: "uuid", int: "int", integer: "int", bigint: "bigint" };

/** Whether `entityRows` can read the entity: plain columns only. */
export function hasPlainRows(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): boolean {
  const metadata = dataSource.getMetadata(entity);
  return metadata.relations.length === 0 && metadata.embeddeds.length === 0;
}

export function entityRows<E extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<E>): EntityRows<E> {
  const metadata = dataSource.getMetadata(entity);
  let shape = shapes.get(metadata);
  if (!shape) {
    if (!hasPlainRows(dataSource, entity)) throw new Error(`${metadata.name} has relations or embedded columns: read it with TypeORM`);
    const selected: ColumnMetadata[] = metadata.columns.filter((c) => c.isSelect);
    const driver = dataSource.driver;
    const prototype = typeof metadata.target === "function" ? (metadata.target.prototype as object) : Object.prototype;
    const byProperty = new Map(metadata.columns.map((c) => [c.propertyName, c]));
    const columnOf = (property: string) => {
      const found = byProperty.get(property);
      if (!found) throw new Error(`${metadata.name} has no column ${property}`);
      return found;
    };
    const reader = (columns: ColumnMetadata[]) => (raw: Record<string, unknown>) => {
      const row = Object.create(prototype) as Record<string, unknown>;
      for (const c of columns) row[c.propertyName] = driver.prepareHydratedValue(raw[c.databaseName], c);
      return row;
    };
    const subsets = new Map<string, { columns: string; read(raw: Record<string, unknown>): ObjectLiteral }>();
    const all = { columns: selected.map((c) => quote(c.databaseName)).join(", "), read: reader(selected) };
    shape = {
      properties: new Set(selected.map((c) => c.propertyName)),
      only: (properties) => {
        if (!properties) return all;
        const key = properties.join(",");
        let subset = subsets.get(key);
        if (!subset) {
          const columns = properties.map(columnOf);
          subset = { columns: columns.map((c) => quote(c.databaseName)).join(", "), read: reader(columns) };
          subsets.set(key, subset);
        }
        return subset;
      },
      table: quote(metadata.tableName),
      columns: all.columns,
      qualified: (alias) => selected.map((c) => `${quote(alias)}.${quote(c.databaseName)} AS ${quote(c.databaseName)}`).join(", "),
      column: (property) => {
        const c = columnOf(property);
        return { name: quote(c.databaseName), databaseName: c.databaseName, arrayType: ARRAY_TYPES[String(c.type)] ?? "text" };
      },
      orderBy: (order) =>
        Object.entries(order as Record<string, string | { direction?: string; nulls?: string }>)
          .map(([property, how]) => {
            // TypeORM's forms: "ASC" | "DESC" (any case), or { direction, nulls: "FIRST" | "LAST" }.
            const { direction, nulls } = typeof how === "string" ? { direction: how, nulls: undefined } : how;
            const nullsClause = nulls ? ` NULLS ${nulls.toUpperCase() === "FIRST" ? "FIRST" : "LAST"}` : "";
            return `${quote(columnOf(property).databaseName)} ${direction?.toUpperCase() === "DESC" ? "DESC" : "ASC"}${nullsClause}`;
          })
          .join(", "),
      read: all.read,
    };
    shapes.set(metadata, shape);
  }
  return shape as EntityRows<E>;
}
