import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import type { Logger } from "../logging/logger";
import { auditHash, ChainedContent, GENESIS_HASH } from "./audit-chain";
import { readTreeNodes, StoredNode, storeTreeNodes } from "./audit-tree-store";
import { auditLeafHash, lookupFrom, MerkleFrontier } from "./merkle";

/** Arbitrary but fixed key of the advisory lock that lets one sequencer at a time, across every hub process, extend the log. */
const SEQUENCER_LOCK_KEY = 7_420_310_002;

/** The columns of `audit_events` and their types, for the batch insert from one JSON parameter. */
const EVENT_COLUMNS = [
  ["seq", "bigint"], ["occurred_at", "timestamptz"], ["agency_code", "text"], ["region_code", "text"], ["client_name", "text"], ["end_user", "text"],
  ["request_id", "text"], ["case_ref", "text"], ["operation", "text"], ["entity_type", "text"], ["entity_id", "text"], ["fields", "text[]"],
  ["outcome", "text"], ["error_code", "text"], ["prev_hash", "text"], ["hash", "text"],
] as const;
const INSERT_EVENTS = `INSERT INTO audit_events (${EVENT_COLUMNS.map(([name]) => name).join(", ")})
  SELECT ${EVENT_COLUMNS.map(([name]) => name).join(", ")} FROM jsonb_to_recordset($1::jsonb) AS r(${EVENT_COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ")})`;

interface QueuedRow {
  occurred_at: Date | string;
  agency_code: string | null;
  region_code: string | null;
  client_name: string | null;
  end_user: string | null;
  request_id: string | null;
  case_ref: string | null;
  operation: string;
  entity_type: string | null;
  entity_id: string | null;
  fields: string[];
  outcome: string;
  error_code: string | null;
}

/**
 * Moves audit entries from the queue their writers committed them to into the log (in the manner of
 * Certificate Transparency and Trillian's sequencer): one batch at a time, under one advisory lock that only
 * sequencers take, it numbers the queued entries in the order they were queued, chains their hashes, and
 * stores the Merkle tree's nodes they complete. Writers never wait for it: they only insert into the queue.
 *
 * It runs when nudged (a command of this process committed), every `pollIntervalMs` (entries other processes
 * queued) and on `drain()` (a read of the trail, a flush, a stop), and keeps going until the queue is empty.
 * Nothing is lost when it fails: the entries stay queued, and the next run, here or in another process, takes
 * them.
 */
export class AuditSequencer {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private nudged = false;
  /** The tree's right edge after the last batch this process committed: saves reading it when no other process sequenced since. */
  private frontier: MerkleFrontier | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { batchSize: number; pollIntervalMs: number; logger?: Logger },
  ) {}

  /** Polls for entries other processes queued. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.options.pollIntervalMs);
    this.timer.unref();
    // What an instance that stopped uncleanly, or a command, left queued.
    void this.poll();
  }

  /** Stops polling and sequences what is queued. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.drain();
  }

  /** An entry was committed to the queue: sequence soon, together with whatever else commits in this turn. */
  nudge(): void {
    if (this.nudged) return;
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

  private async poll(): Promise<void> {
    if (this.running) return;
    try {
      const [{ queued }] = await this.inBackground((manager) => manager.query(`SELECT EXISTS (SELECT 1 FROM audit_queue) AS queued`), { transaction: false });
      if (queued) await this.drain();
    } catch {
      // Logged by `run`, or the database is away: the next poll tries again.
    }
  }

  /** One transaction: takes up to `batchSize` queued entries and appends them to the log. Answers how many. */
  private async sequenceBatch(): Promise<number> {
    let extended: MerkleFrontier | undefined;
    const count = await this.inBackground(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock($1)`, [SEQUENCER_LOCK_KEY]);
      const queued: QueuedRow[] = await manager.query(
        `WITH taken AS (DELETE FROM audit_queue WHERE id IN (SELECT id FROM audit_queue ORDER BY id LIMIT $1) RETURNING *)
         SELECT occurred_at, agency_code, region_code, client_name, end_user, request_id, case_ref, operation, entity_type, entity_id, fields, outcome, error_code
           FROM taken ORDER BY id`,
        [this.options.batchSize],
      );
      if (queued.length === 0) return 0;
      const [head]: Array<{ seq: string; hash: string }> = await manager.query(`SELECT e.seq::text AS seq, e.hash FROM audit_events e ORDER BY e.seq DESC LIMIT 1`);
      const size = head ? Number(head.seq) : 0;
      const frontier = await this.frontierAt(manager, size);
      let prevHash = head ? head.hash : GENESIS_HASH;
      const events: Array<ChainedContent & { hash: string }> = [];
      const nodes: StoredNode[] = [];
      queued.forEach((row, i) => {
        const content: ChainedContent = {
          seq: String(size + i + 1),
          occurredAt: new Date(row.occurred_at),
          agencyCode: row.agency_code,
          regionCode: row.region_code,
          clientName: row.client_name,
          endUser: row.end_user,
          requestId: row.request_id,
          caseRef: row.case_ref,
          operation: row.operation,
          entityType: row.entity_type,
          entityId: row.entity_id,
          fields: row.fields ?? [],
          outcome: row.outcome,
          errorCode: row.error_code,
          prevHash,
        };
        const hash = auditHash(content);
        events.push({ ...content, hash });
        nodes.push(...frontier.append(auditLeafHash(hash)));
        prevHash = hash;
      });
      await manager.query(INSERT_EVENTS, [JSON.stringify(events.map(eventRecord))]);
      await storeTreeNodes(manager, nodes);
      extended = frontier;
      return queued.length;
    }, { transaction: true });
    if (extended) this.frontier = extended;
    return count;
  }

  /**
   * Runs on a connection marked as the hub's background work (`QueryRunner.data`), so that the statements of a
   * request (`QueryCounter.count`) are told apart from the sequencer's, which serve every request at once.
   */
  private async inBackground<T>(work: (manager: EntityManager) => Promise<T>, options: { transaction: boolean }): Promise<T> {
    let runner: QueryRunner;
    try {
      runner = this.dataSource.createQueryRunner();
    } catch {
      // A data source bound to one transaction (`db/one-transaction.ts`, the demo load) opens no other
      // connection: the entries its work queued are sequenced inside that transaction, and commit with it.
      return options.transaction ? this.dataSource.transaction(work) : work(this.dataSource.manager);
    }
    runner.data = { background: "audit-sequencer" };
    try {
      return options.transaction ? await runner.manager.transaction(work) : await work(runner.manager);
    } finally {
      await runner.release();
    }
  }

  /** The right edge of the tree of `size` leaves: the one kept from the last batch, or read when another process sequenced since. */
  private async frontierAt(manager: EntityManager, size: number): Promise<MerkleFrontier> {
    if (this.frontier && this.frontier.treeSize === size) return this.frontier.clone();
    return MerkleFrontier.of(size, lookupFrom(await readTreeNodes(manager, MerkleFrontier.nodesOf(size))));
  }
}

function eventRecord(e: ChainedContent & { hash: string }) {
  return {
    seq: e.seq,
    occurred_at: e.occurredAt.toISOString(),
    agency_code: e.agencyCode,
    region_code: e.regionCode,
    client_name: e.clientName,
    end_user: e.endUser,
    request_id: e.requestId,
    case_ref: e.caseRef,
    operation: e.operation,
    entity_type: e.entityType,
    entity_id: e.entityId,
    fields: e.fields,
    outcome: e.outcome,
    error_code: e.errorCode,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}
