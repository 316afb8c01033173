import type { GraphqlResponse, TestHub } from "./test-hub";

/**
 * Helpers of the hostile suites (`test/hostile/`): what a request wrote, counted, and what an answer must
 * never say.
 */

/** An audit entry as a refusal (or a write) leaves it: which mutation, with which outcome and code. */
export interface AuditTrace {
  operation: string;
  outcome: string;
  errorCode: string | null;
}

/** Row counts of some tables and the audit trail's head, taken before a request. */
export interface Ledger {
  rows: Record<string, number>;
  seq: string;
}

/** What changed since `before`: each table's row count difference, and the audit entries appended since. */
export interface Changes {
  rows: Record<string, number>;
  audit: AuditTrace[];
}

const TABLE = /^[a-z_]+$/;

/** Counts `tables` and notes the audit trail's head (after flushing the entries of refusals still queued). */
export async function ledger(hub: TestHub, tables: readonly string[]): Promise<Ledger> {
  await hub.hub.deps.trail.flush();
  const rows: Record<string, number> = {};
  for (const table of tables) {
    if (!TABLE.test(table)) throw new Error(`not a table name: ${table}`);
    rows[table] = ((await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>)[0].n;
  }
  const [{ seq }] = (await hub.db.dataSource.query(`SELECT coalesce(max(seq), 0)::text AS seq FROM audit_events`)) as Array<{ seq: string }>;
  return { rows, seq };
}

/** The changes since `before`, in the same tables: row differences and the audit entries written since. */
export async function changesSince(hub: TestHub, before: Ledger): Promise<Changes> {
  const after = await ledger(hub, Object.keys(before.rows));
  const rows = Object.fromEntries(Object.entries(after.rows).map(([table, n]) => [table, n - before.rows[table]]));
  const audit = (await hub.db.dataSource.query(
    `SELECT operation, outcome, error_code AS "errorCode" FROM audit_events WHERE seq > $1::bigint ORDER BY seq`,
    [before.seq],
  )) as AuditTrace[];
  return { rows, audit };
}

/** No table changed. */
export const unchanged = (tables: readonly string[]): Record<string, number> => Object.fromEntries(tables.map((table) => [table, 0]));

/** The audit entry a refused mutation leaves (request-plugin.ts): DENIED for FORBIDDEN/UNAUTHENTICATED, else REJECTED. */
export const refusal = (operation: string, errorCode: string): AuditTrace => ({
  operation,
  outcome: errorCode === "FORBIDDEN" || errorCode === "UNAUTHENTICATED" ? "DENIED" : "REJECTED",
  errorCode,
});

/** What the answers of a hub must never contain: SQL, a stack, a file path, a table name, a field suggestion. */
const NEVER: Array<[string, RegExp]> = [
  ["SQL", /\b(?:SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+"?\w+"?\s+SET|DELETE\s+FROM|WHERE\s+\S+\s*=|RETURNING\s|ON CONFLICT)\b/i],
  ["a database error", /duplicate key|violates|constraint|relation "|column "|syntax error at or near|invalid input syntax|QueryFailedError|\b(?:22P02|23505|23503|22001|22021|42P01|42703)\b/i],
  ["a stack trace", /\n\s+at\s|\bat\s+\S+\s+\(|\.(?:js|ts):\d+/],
  ["a file path", /node_modules|\/work\/|\/dist\/|\/src\/|file:\/\//],
  ["a field suggestion", /Did you mean/i],
];

/**
 * The problems in an answer's errors (messages and extensions): SQL, database errors, stacks, paths, field
 * suggestions, any of `tables` as a word, and any of `secrets` (personal data, values sent). Empty when clean.
 */
export function leaks(body: GraphqlResponse["body"] | unknown, options: { tables?: readonly string[]; secrets?: readonly string[] } = {}): string[] {
  const errors = (body as GraphqlResponse["body"] | undefined)?.errors ?? [];
  const problems: string[] = [];
  for (const error of errors) {
    const text = `${error.message}\n${JSON.stringify(error.extensions ?? {})}`;
    for (const [what, pattern] of NEVER) if (pattern.test(text)) problems.push(`${what} in ${JSON.stringify(text)}`);
    for (const table of options.tables ?? []) if (new RegExp(`(?<![A-Za-z_])${table}(?![A-Za-z_])`).test(text)) problems.push(`table ${table} in ${JSON.stringify(text)}`);
    for (const secret of options.secrets ?? []) if (secret && text.includes(secret)) problems.push(`${JSON.stringify(secret)} in ${JSON.stringify(text)}`);
  }
  return problems;
}

/**
 * The hub's table names, which no message may name; those that are also names in the GraphQL schema
 * (`institutions`, `appraisers`: a message may name the field) are left out.
 */
export async function tableNames(hub: TestHub): Promise<string[]> {
  const rows = (await hub.db.dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  )) as Array<{ name: string }>;
  const schemaNames = new Set<string>();
  for (const type of Object.values(hub.hub.schema.schema.getTypeMap())) {
    if ("getFields" in type) for (const field of Object.values(type.getFields())) schemaNames.add(field.name);
  }
  return rows.map((row) => row.name).filter((name) => !schemaNames.has(name)).sort();
}

/** The codes of an answer's errors, in order. */
export const codes = (body: GraphqlResponse["body"]): string[] => (body.errors ?? []).map((error) => String(error.extensions?.code));
