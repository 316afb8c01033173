import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { Clause } from "../policy/decision";
import type { LagTolerantReads } from "../db/read-replicas";
import { CursorPart, decodeCursor, Page, pageSize, toPage } from "./pagination";
import { entityRows } from "../loaders/entity-rows";

/** One filter of a list: the clause a given value adds (its parameters named after the filter), or null for none. */
export type FilterTable<F> = { [K in keyof F]-?: (value: NonNullable<F[K]>, alias: string) => Clause | null };

/** One part of a list's keyset order: a column, the kind of its cursor part, and how to read it off a row. */
export interface SortKey<E> {
  column: string;
  part: CursorPart;
  value(row: E): string | number;
}

/**
 * What a list is, declared once per aggregate (in the spirit of Vendure's `ListQueryBuilder`): the table, the
 * filters a caller may combine, and the keyset order (all keys in one direction, the last one unique, e.g.
 * the id). The builder adds the row visibility the policy gives, the cursor and the page size.
 */
export interface ListSpec<E extends ObjectLiteral, F> {
  entity: EntityTarget<E>;
  alias: string;
  /** Tables the visibility or the filters read, LEFT JOINed by `on`. */
  joins?: Array<{ entity: new () => ObjectLiteral; alias: string; on: string }>;
  filters: FilterTable<F>;
  order: { direction: "ASC" | "DESC"; keys: [...SortKey<E>[], SortKey<E>] };
}

/**
 * One page of a list: the rows the caller may see (`visibility`) matching `filter`, after the cursor, in the
 * list's order, read where `reads` sends it (a list tolerates a replica's lag; the audit log's does not). `totalCount` is a function, so the count query runs only when the answer selects the field
 * (GraphQL's default resolver calls it).
 */
export async function listPage<E extends ObjectLiteral, F extends object>(
  reads: Pick<LagTolerantReads, "run">,
  spec: ListSpec<E, F>,
  visibility: Clause,
  filter: F,
  page: { first?: number | null; after?: string | null },
): Promise<Page<E>> {
  const build = (dataSource: DataSource) => {
    const query = dataSource.getRepository(spec.entity).createQueryBuilder(spec.alias);
    for (const join of spec.joins ?? []) query.leftJoin(join.entity, join.alias, join.on);
    query.where(visibility.clause, visibility.params);
    return { query, ...narrow(query, spec, filter, page) };
  };
  return reads.run(async (dataSource) => {
    const { query, size } = build(dataSource);
    // Raw rows read into entities directly (`loaders/entity-rows.ts`): a page of a list is a hot path.
    const shape = entityRows(dataSource, spec.entity);
    query.select(shape.qualified(spec.alias));
    const rows = (await query.limit(size + 1).getRawMany()).map((raw) => shape.read(raw));
    return toPage(rows, size, (row) => spec.order.keys.map((key) => key.value(row)), () => reads.run((counting) => build(counting).counted.getCount()));
  });
}

/**
 * A list over rows that no table holds as such (a derived relation, e.g. stored alerts plus computed ones):
 * `relation` is the SQL of the rows the caller may see, each row read into an `E` by `row`. Filters and
 * order work as in `listPage`, on the relation's columns under the spec's alias.
 */
export interface RelationListSpec<E extends ObjectLiteral, F> extends Omit<ListSpec<E, F>, "entity" | "joins"> {
  row(raw: Record<string, any>): E;
}

export async function relationPage<E extends ObjectLiteral, F extends object>(
  reads: Pick<LagTolerantReads, "run">,
  spec: RelationListSpec<E, F>,
  relation: Clause,
  filter: F,
  page: { first?: number | null; after?: string | null },
): Promise<Page<E>> {
  const build = (dataSource: DataSource) => {
    const query = dataSource.createQueryBuilder().select(`${spec.alias}.*`).from(`(${relation.clause})`, spec.alias).setParameters(relation.params);
    return { query, ...narrow(query, spec, filter, page) };
  };
  return reads.run(async (dataSource) => {
    const { query, size } = build(dataSource);
    const rows = (await query.limit(size + 1).getRawMany()).map((raw) => spec.row(raw));
    const count = () => reads.run(async (counting) => Number((await build(counting).counted.select("count(*)::int", "n").getRawOne<{ n: number }>())?.n ?? 0));
    return toPage(rows, size, (row) => spec.order.keys.map((key) => key.value(row)), count);
  });
}

/** Adds the filters, then (on the page query, not on the returned count query) the cursor and the order. */
function narrow<E extends ObjectLiteral, F extends object, Q extends ObjectLiteral>(
  query: SelectQueryBuilder<Q>,
  spec: Pick<ListSpec<E, F>, "alias" | "filters" | "order">,
  filter: F,
  page: { first?: number | null; after?: string | null },
): { size: number; counted: SelectQueryBuilder<Q> } {
  const size = pageSize(page.first);
  const keys = spec.order.keys;
  const cursor = decodeCursor(page.after, keys.map((key) => key.part));
  for (const clause of filterClauses(spec, filter)) query.andWhere(clause.clause, clause.params);
  const counted = query.clone();
  if (cursor) {
    const after = keys.map((_key, i) => `:after_${i}`).join(", ");
    const params = Object.fromEntries(keys.map((key, i) => [`after_${i}`, key.part === "timestamp" ? new Date(String(cursor[i])) : String(cursor[i])]));
    query.andWhere(`(${keys.map((key) => key.column).join(", ")}) ${spec.order.direction === "ASC" ? ">" : "<"} (${after})`, params);
  }
  for (const [i, key] of keys.entries()) orderBy(query, i, key.column, spec.order.direction);
  return { size, counted };
}

/** The clauses `filter` adds under the list's filter table (for lists and for aggregates over the same rows). */
export function filterClauses<F extends object>(spec: { alias: string; filters: FilterTable<F> }, filter: F): Clause[] {
  const filters = spec.filters as Record<string, (value: unknown, alias: string) => Clause | null>;
  const clauses: Clause[] = [];
  for (const [name, value] of Object.entries(filter)) {
    if (value === null || value === undefined) continue;
    // A filter the list does not declare would be silently ignored: refuse it (the input type and the table disagree).
    if (!(name in filters)) throw new Error(`the list of ${String(spec.alias)} has no filter ${name}`);
    const clause = filters[name](value, spec.alias);
    if (clause) clauses.push(clause);
  }
  return clauses;
}

function orderBy<Q extends ObjectLiteral>(query: SelectQueryBuilder<Q>, index: number, column: string, direction: "ASC" | "DESC"): void {
  if (index === 0) query.orderBy(column, direction);
  else query.addOrderBy(column, direction);
}

/** Filters that recur: a column equal to the value, under the filter's own parameter name. */
export const equals =
  <V>(column: string, name: string, normalize: (value: V) => unknown = (value) => value) =>
  (value: V, alias: string): Clause => ({ clause: `${alias}.${column} = :${name}`, params: { [name]: normalize(value) } });
