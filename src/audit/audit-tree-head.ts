import { CompactSign, compactVerify, importJWK, JWK, KeyLike } from "jose";
import type { DataSource } from "typeorm";
import { TOKEN_ALGORITHM, SigningKey } from "../auth/signing-key";
import { inBackground } from "../db/background";
import type { Logger } from "../logging/logger";
import { overStoredNodes } from "./audit-tree-store";
import { treeRoot } from "./merkle";

/** Arbitrary but fixed key of the advisory lock that lets one instance at a time publish a tree head. */
const PUBLISHER_LOCK_KEY = 7_420_310_003;

/** The JWS `typ` of a signed tree head, so that it can never pass for a token of the same key. */
export const TREE_HEAD_TYPE = "audit-tree-head+jws";

/**
 * A signed tree head: the hub's commitment that its audit log held `treeSize` entries whose Merkle tree has
 * root `rootHash`. `signature` is a compact JWS, signed with the hub's token key (published at
 * `/.well-known/jwks.json`), whose payload is `{"treeSize","rootHash","publishedAt"}`; whoever keeps a head can
 * later demand a consistency proof from it, so the log cannot be rewritten behind it.
 */
export interface SignedTreeHead {
  treeSize: string;
  rootHash: string;
  publishedAt: Date;
  keyId: string;
  signature: string;
}

/** A data source or a transaction's manager. */
type Queryable = { query(sql: string, parameters?: unknown[]): Promise<any> };

interface HeadRow {
  tree_size: string;
  root_hash: string;
  published_at: Date | string;
  key_id: string;
  signature: string;
}

// Ordered by `h.tree_size`, the bigint: the bare name would sort the text alias.
const HEAD_COLUMNS = `h.tree_size::text AS tree_size, h.root_hash, h.published_at, h.key_id, h.signature`;

function toHead(row: HeadRow): SignedTreeHead {
  return { treeSize: row.tree_size, rootHash: row.root_hash, publishedAt: new Date(row.published_at), keyId: row.key_id, signature: row.signature };
}

function payloadOf(head: { treeSize: string; rootHash: string; publishedAt: Date }): string {
  return JSON.stringify({ treeSize: head.treeSize, rootHash: head.rootHash, publishedAt: head.publishedAt.toISOString() });
}

export async function signTreeHead(key: SigningKey, head: { treeSize: string; rootHash: string; publishedAt: Date }): Promise<SignedTreeHead> {
  const signature = await new CompactSign(new TextEncoder().encode(payloadOf(head)))
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid, typ: TREE_HEAD_TYPE })
    .sign(key.privateKey);
  return { ...head, keyId: key.kid, signature };
}

/** Whether `head` is signed by one of `keys` (public JWKs, as `/.well-known/jwks.json` serves them) and its signature covers exactly its fields. */
export async function verifyTreeHeadSignature(head: SignedTreeHead, keys: JWK[]): Promise<boolean> {
  const jwk = keys.find((key) => key.kid === head.keyId);
  if (!jwk) return false;
  try {
    const { payload, protectedHeader } = await compactVerify(head.signature, await publicKeyOf(jwk));
    return protectedHeader.typ === TREE_HEAD_TYPE && protectedHeader.kid === head.keyId && new TextDecoder().decode(payload) === payloadOf(head);
  } catch {
    return false;
  }
}

/** Imported once per key: `hub audit verify` checks every head, and a year holds half a million of them. */
const importedKeys = new WeakMap<JWK, Promise<KeyLike | Uint8Array>>();
function publicKeyOf(jwk: JWK): Promise<KeyLike | Uint8Array> {
  let key = importedKeys.get(jwk);
  if (!key) importedKeys.set(jwk, (key = importJWK({ ...jwk, alg: TOKEN_ALGORITHM }, TOKEN_ALGORITHM)));
  return key;
}

export async function latestTreeHead(db: Queryable): Promise<SignedTreeHead | null> {
  const [row]: HeadRow[] = await db.query(`SELECT ${HEAD_COLUMNS} FROM audit_tree_heads h ORDER BY h.tree_size DESC LIMIT 1`);
  return row ? toHead(row) : null;
}

export async function treeHeadOfSize(db: Queryable, treeSize: string): Promise<SignedTreeHead | null> {
  const [row]: HeadRow[] = await db.query(`SELECT ${HEAD_COLUMNS} FROM audit_tree_heads h WHERE h.tree_size = $1::bigint`, [treeSize]);
  return row ? toHead(row) : null;
}

/** The heads of more than `after` and at most `until` entries, smallest first (`hub audit verify` reads them as it walks the log). */
export async function treeHeadsBetween(db: Queryable, after: number, until: number, limit?: number): Promise<SignedTreeHead[]> {
  const rows: HeadRow[] = await db.query(
    `SELECT ${HEAD_COLUMNS} FROM audit_tree_heads h WHERE h.tree_size > $1::bigint AND h.tree_size <= $2::bigint ORDER BY h.tree_size${limit ? ` LIMIT ${Math.floor(limit)}` : ""}`,
    [String(after), String(until)],
  );
  return rows.map(toHead);
}

/**
 * Publishes a signed tree head every `intervalMs` when the log grew since the last one (Certificate
 * Transparency's STH), after sequencing what is queued. Any instance may; one advisory lock and the last head's
 * time keep them from publishing more often than the interval between them.
 */
export class TreeHeadPublisher {
  private timer: NodeJS.Timeout | undefined;
  /** When the newest head this instance knows of was published: between those, a tick costs no statement. */
  private lastPublishedAt: number | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly key: SigningKey,
    private readonly options: {
      intervalMs: number;
      /** Sequences what is queued, so that a head also covers entries an instance left queued when it stopped. */
      sequence?: () => Promise<void>;
      logger?: Logger;
      now?: () => Date;
    },
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.publish({ onlyIfDue: true }).catch((error) => this.options.logger?.error({ errorName: (error as Error)?.name, pgCode: (error as { code?: string }).code }, "publishing an audit tree head failed; will retry"));
    }, Math.max(250, Math.floor(this.options.intervalMs / 4)));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Signs and stores a head for the log as sequenced now, unless it has not grown (or, `onlyIfDue`, the last
   * head is younger than the interval). Answers the head published, or null.
   */
  async publish(options: { onlyIfDue?: boolean } = {}): Promise<SignedTreeHead | null> {
    const now = this.options.now ? this.options.now() : new Date();
    const due = (last: number | undefined) => !options.onlyIfDue || last === undefined || now.getTime() - last >= this.options.intervalMs;
    if (!due(this.lastPublishedAt)) return null;
    await this.options.sequence?.();
    const { head, lastAt } = await inBackground(
      this.dataSource,
      async (manager) => {
        const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [PUBLISHER_LOCK_KEY]);
        // Another instance is publishing: its head will do.
        if (!locked) return { head: null, lastAt: now.getTime() };
        const last = await latestTreeHead(manager);
        const lastAt = last?.publishedAt.getTime();
        const [{ size }] = await manager.query(`SELECT coalesce(max(e.seq), 0)::text AS size FROM audit_events e`);
        if (size === "0" || (last && BigInt(last.treeSize) >= BigInt(size)) || !due(lastAt)) return { head: null, lastAt };
        // Nodes of the first `size` leaves never change once stored, so this root is the root of that tree whatever is sequenced meanwhile.
        const root = await overStoredNodes(manager, (node) => treeRoot(Number(size), node));
        const signed = await signTreeHead(this.key, { treeSize: size, rootHash: root.toString("hex"), publishedAt: now });
        await manager.query(`INSERT INTO audit_tree_heads (tree_size, root_hash, published_at, key_id, signature) VALUES ($1::bigint, $2, $3, $4, $5)`, [
          signed.treeSize,
          signed.rootHash,
          signed.publishedAt,
          signed.keyId,
          signed.signature,
        ]);
        return { head: signed, lastAt: now.getTime() };
      },
      { transaction: true },
    );
    // Due again an interval after the newest head (another instance's, when it published one meanwhile); a log
    // that has not grown is looked at again an interval from now, not at every tick.
    this.lastPublishedAt = !head && lastAt !== undefined && !due(lastAt) ? lastAt : now.getTime();
    return head;
  }
}
