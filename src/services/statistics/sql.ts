import type { DataSource } from "typeorm";

/** Runs SQL with named parameters (`:name`, `:...list`), as every statistics section does. */
export type Sql = <T>(text: string, params: Record<string, unknown>) => Promise<T[]>;

export function sqlRunner(dataSource: DataSource): Sql {
  return <T>(text: string, params: Record<string, unknown>) => {
    const [query, values] = dataSource.driver.escapeQueryWithParameters(text, params);
    return dataSource.query(query, values) as Promise<T[]>;
  };
}

/** Rows of a GROUPING SETS query that belong to the set grouped by `column` alone. */
export function setOf<T extends { set: string }>(rows: T[], column: string): T[] {
  return rows.filter((r) => r.set === column);
}
