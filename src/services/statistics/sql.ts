import type { LagTolerantReads } from "../../db/read-replicas";

/** Runs SQL with named parameters (`:name`, `:...list`), as every statistics section does. */
export type Sql = <T>(text: string, params: Record<string, unknown>) => Promise<T[]>;

/** Each statement where `reads` sends it: statistics tolerate a replica's lag (and see the caller's own writes). */
export function sqlRunner(reads: LagTolerantReads): Sql {
  return <T>(text: string, params: Record<string, unknown>) =>
    reads.run((dataSource) => {
      const [query, values] = dataSource.driver.escapeQueryWithParameters(text, params);
      return dataSource.query(query, values) as Promise<T[]>;
    });
}

/** Rows of a GROUPING SETS query that belong to the set grouped by `column` alone. */
export function setOf<T extends { set: string }>(rows: T[], column: string): T[] {
  return rows.filter((r) => r.set === column);
}
