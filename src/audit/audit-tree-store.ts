import type { EntityManager } from "typeorm";
import { collectNodes, Hash, lookupFrom, NodeLookup } from "./merkle";

/**
 * Reads and writes the stored complete subtrees of the audit log's Merkle tree (`audit_tree_nodes`). Hashes
 * cross the wire as hex, which reads the same from PostgreSQL and PGlite.
 */
type Queryable = Pick<EntityManager, "query">;

export interface StoredNode {
  level: number;
  index: number;
  hash: Hash;
}

/** An INSERT of tree nodes from the three array parameters `treeNodeParameters` makes, numbered from `$${first}`. */
export function insertTreeNodes(first: number): string {
  return `INSERT INTO audit_tree_nodes (level, idx, hash)
    SELECT n.level, n.idx, decode(n.hash, 'hex') FROM unnest($${first}::smallint[], $${first + 1}::bigint[], $${first + 2}::text[]) AS n(level, idx, hash)`;
}

export function treeNodeParameters(nodes: StoredNode[]): [number[], string[], string[]] {
  return [nodes.map((n) => n.level), nodes.map((n) => String(n.index)), nodes.map((n) => n.hash.toString("hex"))];
}

/** Stores nodes in one statement (the migration that made the tree of the trail before it). */
export async function storeTreeNodes(db: Queryable, nodes: StoredNode[]): Promise<void> {
  if (nodes.length > 0) await db.query(insertTreeNodes(1), treeNodeParameters(nodes));
}

/** Reads the given nodes, in one statement. */
export async function readTreeNodes(db: Queryable, wanted: Array<{ level: number; index: number }>): Promise<StoredNode[]> {
  if (wanted.length === 0) return [];
  const rows: Array<{ level: number; idx: string; hash: string }> = await db.query(
    `SELECT n.level, n.idx::text AS idx, encode(n.hash, 'hex') AS hash
       FROM unnest($1::smallint[], $2::bigint[]) AS w(level, idx) JOIN audit_tree_nodes n ON n.level = w.level AND n.idx = w.idx`,
    [wanted.map((w) => w.level), wanted.map((w) => String(w.index))],
  );
  return rows.map((row) => ({ level: Number(row.level), index: Number(row.idx), hash: Buffer.from(row.hash, "hex") }));
}

/**
 * Runs a tree computation (a root, a proof) over the stored nodes: a dry run names the nodes it reads, one
 * query reads them, and the real run computes.
 */
export async function overStoredNodes<T>(db: Queryable, compute: (node: NodeLookup) => T): Promise<T> {
  return compute(lookupFrom(await readTreeNodes(db, collectNodes(compute))));
}
