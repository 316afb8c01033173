import type { JWK } from "jose";
import type { DataSource } from "typeorm";
import { ChainBreak, ChainedContent, ENTRY_COLUMNS, entryFromRecord, EntryRecord, findChainBreak } from "./audit-chain";
import { SignedTreeHead, treeHeadsBetween, verifyTreeHeadSignature } from "./audit-tree-head";
import { auditLeafHash, Hash, MerkleFrontier } from "./merkle";

export interface LogBreak {
  seq: string;
  reason: ChainBreak["reason"] | "TREE_NODE_CHANGED" | "TREE_HEAD_MISMATCH" | "TREE_HEAD_SIGNATURE_INVALID";
  detail: string;
}

export interface LogVerification {
  ok: boolean;
  /** Entries checked before the first break (all of them when ok). */
  checked: number;
  headSeq: string | null;
  headHash: string | null;
  /** Signed tree heads whose root was recomputed from the entries (and signature checked, with `keys`). */
  treeHeadsChecked: number;
  /** Whether the heads' signatures were checked (the hub's public keys were at hand). */
  signaturesChecked: boolean;
  /** Entries committed but not sequenced yet (the sequencer takes them within milliseconds while a hub runs). */
  queued: number;
  firstBreak: LogBreak | null;
}

const BATCH = 2000;

type EntryRow = ChainedContent & { hash: string };

/**
 * Verifies the whole audit log from the database alone, in one pass in seq order: every entry's content against
 * its hash and its link to the one before (the chain), every stored node of the Merkle tree against the
 * entries (so that proofs served from them are the tree's), and every signed tree head's root against the
 * tree recomputed at its size (a head beyond the log's end means entries were cut off), with its signature when
 * the hub's public `keys` are given.
 */
export async function verifyAuditLog(dataSource: DataSource, keys?: JWK[]): Promise<LogVerification> {
  const [{ queued }] = await dataSource.query(`SELECT count(*)::int AS queued FROM audit_queue`);
  const frontier = MerkleFrontier.empty();
  let previous: { seq: string; hash: string } | undefined;
  let checked = 0;
  let headsChecked = 0;
  let nodesComputed = 0;
  const result = (firstBreak: LogBreak | null): LogVerification => ({
    ok: firstBreak === null,
    checked,
    headSeq: firstBreak ? null : (previous?.seq ?? null),
    headHash: firstBreak ? null : (previous?.hash ?? null),
    treeHeadsChecked: headsChecked,
    signaturesChecked: keys !== undefined,
    queued,
    firstBreak,
  });
  for (;;) {
    const rows = await readEntries(dataSource, previous?.seq ?? "0");
    if (rows.length === 0) break;
    const broken = findChainBreak(rows, previous);
    if (broken) {
      checked += rows.findIndex((row) => row.seq === broken.seq);
      return result(broken);
    }
    const start = frontier.treeSize;
    const computed = new Map<string, Hash>();
    // The heads this stretch of entries reaches, read with it: a log signed every minute has many.
    const heads = await treeHeadsBetween(dataSource, start, start + rows.length);
    const headsReached: Array<{ head: SignedTreeHead; root: string }> = [];
    for (const row of rows) {
      for (const node of frontier.append(auditLeafHash(row.hash))) computed.set(`${node.level}:${node.index}`, node.hash);
      while (heads.length > 0 && Number(heads[0].treeSize) === frontier.treeSize) headsReached.push({ head: heads.shift()!, root: frontier.root().toString("hex") });
    }
    // The stored nodes first: a rewritten leaf is reported where it is, not at the first head above it.
    const changed = await firstChangedNode(dataSource, start, frontier.treeSize, computed);
    if (changed) return result({ seq: String(changed.index * 2 ** changed.level + 1), reason: "TREE_NODE_CHANGED", detail: `stored tree node ${changed.level}:${changed.index} does not match the entries` });
    for (const { head, root } of headsReached) {
      if (head.rootHash !== root) return result({ seq: head.treeSize, reason: "TREE_HEAD_MISMATCH", detail: `the tree head of size ${head.treeSize} does not match the entries` });
      if (keys && !(await verifyTreeHeadSignature(head, keys))) return result({ seq: head.treeSize, reason: "TREE_HEAD_SIGNATURE_INVALID", detail: `the tree head of size ${head.treeSize} is not signed by the hub's keys` });
      headsChecked += 1;
    }
    nodesComputed += computed.size;
    checked += rows.length;
    const last = rows[rows.length - 1];
    previous = { seq: last.seq, hash: last.hash };
  }
  const [beyond] = await treeHeadsBetween(dataSource, frontier.treeSize, Number.MAX_SAFE_INTEGER, 1);
  if (beyond) {
    return result({ seq: String(frontier.treeSize + 1), reason: "ENTRIES_MISSING", detail: `a signed tree head covers ${beyond.treeSize} entries; the log holds ${frontier.treeSize}` });
  }
  const [{ nodes }] = await dataSource.query(`SELECT count(*)::int AS nodes FROM audit_tree_nodes`);
  if (nodes !== nodesComputed) return result({ seq: String(frontier.treeSize + 1), reason: "TREE_NODE_CHANGED", detail: `the tree holds ${nodes} nodes; the entries make ${nodesComputed}` });
  return result(null);
}

async function readEntries(dataSource: DataSource, after: string): Promise<EntryRow[]> {
  const rows: Array<EntryRecord & { seq: string; prev_hash: string; hash: string }> = await dataSource.query(
    `SELECT e.seq::text AS seq, ${ENTRY_COLUMNS.map(([name]) => `e.${name}`).join(", ")}, e.prev_hash, e.hash
       FROM audit_events e WHERE e.seq > $1::bigint ORDER BY e.seq LIMIT ${BATCH}`,
    [after],
  );
  return rows.map((r) => ({ ...entryFromRecord(r), seq: r.seq, prevHash: r.prev_hash, hash: r.hash }));
}

/**
 * Compares the stored nodes that leaves [start, end) complete with those computed from the entries: per level,
 * the subtrees whose last leaf falls in the range.
 */
async function firstChangedNode(dataSource: DataSource, start: number, end: number, computed: Map<string, Hash>): Promise<{ level: number; index: number } | undefined> {
  const levels: number[] = [];
  const lows: string[] = [];
  const highs: string[] = [];
  for (let level = 0; 2 ** level <= end; level++) {
    const width = 2 ** level;
    const low = Math.floor(start / width);
    const high = Math.floor(end / width) - 1;
    if (high >= low) {
      levels.push(level);
      lows.push(String(low));
      highs.push(String(high));
    }
  }
  const stored: Array<{ level: number; idx: string; hash: string }> = await dataSource.query(
    `SELECT n.level, n.idx::text AS idx, encode(n.hash, 'hex') AS hash
       FROM unnest($1::smallint[], $2::bigint[], $3::bigint[]) AS r(level, low, high) JOIN audit_tree_nodes n ON n.level = r.level AND n.idx BETWEEN r.low AND r.high`,
    [levels, lows, highs],
  );
  const seen = new Set<string>();
  for (const node of stored) {
    const key = `${node.level}:${node.idx}`;
    seen.add(key);
    if (computed.get(key)?.toString("hex") !== node.hash) return { level: Number(node.level), index: Number(node.idx) };
  }
  for (const key of computed.keys()) {
    if (!seen.has(key)) {
      const [level, index] = key.split(":").map(Number);
      return { level, index };
    }
  }
  return undefined;
}
