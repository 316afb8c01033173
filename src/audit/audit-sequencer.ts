import type { DataSource, EntityManager } from "typeorm";
import { inBackground } from "../db/background";
import { isBoundToOneTransaction } from "../db/one-transaction";
import type { Logger } from "../logging/logger";
import { auditHash, ChainedContent, ENTRY_COLUMNS, entryFromRecord, EntryRecord, entryRecord, GENESIS_HASH, insertFromJson } from "./audit-chain";
import { insertTreeNodes, readTreeNodes, StoredNode, treeNodeParameters } from "./audit-tree-store";
import { auditLeafHash, lookupFrom, MerkleFrontier } from "./merkle";

/** The columns of `audit_events`, for the batch insert from one JSON parameter. */
const EVENT_COLUMNS = [["seq", "bigint"], ...ENTRY_COLUMNS, ["prev_hash", "text"], ["hash", "text"]] as const;

/** The queued entries, oldest first, each with the log's head as this one statement sees it. */
const READ_BATCH = `
  SELECT ${ENTRY_COLUMNS.map(([name]) => `q.${name}`).join(", ")}, q.id::text AS queue_id, h.seq::text AS head_seq, h.hash AS head_hash
    FROM (SELECT * FROM audit_queue ORDER BY id LIMIT $1) q
    LEFT JOIN (SELECT e.seq, e.hash FROM audit_events e ORDER BY e.seq DESC LIMIT 1) h ON true
   ORDER BY q.id`;

/**
 * One statement, so all of it or none: takes the entries off the queue, appends them to the log and stores the
 * tree nodes they complete. If another sequencer extended the log from the same head meanwhile, the primary key
 * on `seq` refuses it (23505) and nothing happens; if the queue lost an entry of the batch, it raises.
 */
const WRITE_BATCH = `
  WITH taken AS (DELETE FROM audit_queue WHERE id = ANY($1::bigint[]) RETURNING id),
       events AS (${insertFromJson("audit_events", EVENT_COLUMNS, 2)} RETURNING seq),
       nodes AS (${insertTreeNodes(3)} RETURNING idx)
  SELECT CASE WHEN (SELECT count(*) FROM taken) <> cardinality($1::bigint[]) THEN audit_sequencer_refuse('the audit queue changed under the sequencer') END AS refused,
         (SELECT count(*) FROM events)::int AS appended, (SELECT count(*) FROM nodes)::int AS nodes`;

/** Refusals of a batch at one and the same head before it counts as an error rather than a lost race. */
const MAX_REFUSALS_AT_ONE_HEAD = 5;

/** A queued entry, with the log's head as the reading statement saw it. */
type QueuedRow = EntryRecord & { queue_id: string; head_seq: string | null; head_hash: string | null };

/**
 * Moves audit entries from the queue their writers committed them to into the log (in the manner of
 * Certificate Transparency and Trillian's sequencer): it numbers the queued entries in the order they were
 * queued, chains their hashes, and stores the Merkle tree's nodes they complete. Writers never wait for it:
 * they only insert into the queue.
 *
 * A batch is two statements and no lock: one reads the queue with the log's head, one writes (see
 * `WRITE_BATCH`). Sequencers of several processes may race for a head; the log's primary key lets exactly one
 * extend it, the others fail without writing and try again from the new head, so one sequencer at a time
 * extends the log and it never forks.
 *
 * A process sequences when nudged (one of its own transactions queued entries) and on `drain()` (at start, a
 * read of the trail, a flush, before a tree head is published, at stop), and keeps going until the queue is
 * empty: every run takes the whole queue, so entries a process queued and did not live to sequence go with the
 * next run anywhere. Nothing is lost when it fails: the entries stay queued for the next run.
 */
export class AuditSequencer {
  private running: Promise<void> | undefined;
  private again = false;
  private nudged = false;
  /** The tree's right edge after the last batch this process wrote, with the head it ends at. */
  private frontier: { edge: MerkleFrontier; headHash: string } | undefined;

  private readonly bound: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { batchSize: number; logger?: Logger },
  ) {
    this.bound = isBoundToOneTransaction(dataSource);
  }

  /** Sequences what an instance that stopped uncleanly, or a command, left queued. */
  start(): void {
    if (!this.bound) this.drain().catch(() => undefined);
  }

  /** Sequences what is queued. */
  stop(): Promise<void> {
    return this.drain();
  }

  /** An entry was committed to the queue: sequence soon, together with whatever else commits in this turn. */
  nudge(): void {
    // Over one transaction (the demo load), work beside its caller's would run inside whatever the caller
    // does at that moment: its entries are sequenced when it flushes or closes the trail.
    if (this.nudged || this.bound) return;
    this.nudged = true;
    setImmediate(() => {
      this.nudged = false;
      this.drain().catch(() => undefined);
    });
  }

  /** Sequences every entry committed to the queue before the call; resolves once they are in the log. */
  drain(): Promise<void> {
    if (this.running) {
      // The run in progress may already have looked at the queue: it goes round once more.
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<void> {
    try {
      do {
        this.again = false;
        while ((await this.sequenceBatch()) === this.options.batchSize);
      } while (this.again);
    } catch (error) {
      this.options.logger?.error({ errorName: (error as Error)?.name, pgCode: (error as { code?: string }).code }, "audit sequencing failed; the entries stay queued");
      throw error;
    }
  }

  /**
   * Appends up to `batchSize` queued entries to the log. Answers how many. A batch that lost the race for the
   * head is tried again from the new one, for as long as the other sequencer makes progress (it may take every
   * entry, and then this answers 0); a refusal that repeats at the same head is an error.
   */
  private async sequenceBatch(): Promise<number> {
    let refusedAt: string | undefined;
    let refusals = 0;
    for (;;) {
      let head: string | undefined;
      try {
        return await this.inBackground((db) => this.appendBatch(db, (seen) => (head = seen)));
      } catch (error) {
        // Another sequencer extended the log from the same head first (the key refused this batch), or took
        // entries of it (the batch refused itself): read again from the new head.
        const code = (error as { code?: string }).code;
        refusals = head === refusedAt ? refusals + 1 : 1;
        refusedAt = head;
        if ((code !== "23505" && code !== "40001") || refusals >= MAX_REFUSALS_AT_ONE_HEAD) throw error;
        this.frontier = undefined;
      }
    }
  }

  private async appendBatch(db: Pick<EntityManager, "query">, readHead: (seq: string) => void): Promise<number> {
    const queued: QueuedRow[] = await db.query(READ_BATCH, [this.options.batchSize]);
    if (queued.length === 0) return 0;
    readHead(queued[0].head_seq ?? "0");
    const size = queued[0].head_seq ? Number(queued[0].head_seq) : 0;
    const headHash = queued[0].head_hash ?? GENESIS_HASH;
    const frontier = await this.frontierAt(db, size, headHash);
    let prevHash = headHash;
    const events: Array<ChainedContent & { hash: string }> = [];
    const nodes: StoredNode[] = [];
    queued.forEach((row, i) => {
      const content: ChainedContent = { ...entryFromRecord(row), seq: String(size + i + 1), prevHash };
      const hash = auditHash(content);
      events.push({ ...content, hash });
      nodes.push(...frontier.append(auditLeafHash(hash)));
      prevHash = hash;
    });
    await db.query(WRITE_BATCH, [
      queued.map((row) => row.queue_id),
      JSON.stringify(events.map(eventRecord)),
      ...treeNodeParameters(nodes),
    ]);
    this.frontier = { edge: frontier, headHash: prevHash };
    return queued.length;
  }

  /** The right edge of the tree of `size` leaves: the one kept from the last batch, or read when another process sequenced since. */
  private async frontierAt(db: Pick<EntityManager, "query">, size: number, headHash: string): Promise<MerkleFrontier> {
    const kept = this.frontier;
    if (kept && kept.edge.treeSize === size && kept.headHash === headHash) return kept.edge.clone();
    return MerkleFrontier.of(size, lookupFrom(await readTreeNodes(db, MerkleFrontier.nodesOf(size))));
  }

  /** Runs on a connection of the hub's background work (`db/background.ts`), or in the one transaction the data source is bound to. */
  private async inBackground<T>(work: (db: Pick<EntityManager, "query">) => Promise<T>): Promise<T> {
    if (this.bound) {
      // A data source bound to one transaction (`db/one-transaction.ts`, the demo load) opens no other
      // connection: the entries its work queued are sequenced inside that transaction, and commit with it, in
      // a savepoint, so that a batch that loses a race (two trails over it) rolls back alone instead of
      // aborting the transaction.
      return this.dataSource.transaction((manager) => work(manager));
    }
    return inBackground(this.dataSource, work);
  }
}

function eventRecord(e: ChainedContent & { hash: string }) {
  return { seq: e.seq, ...entryRecord(e), prev_hash: e.prevHash, hash: e.hash };
}
