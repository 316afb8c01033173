import { DataSource, EntityManager } from "typeorm";
import { AuditEvent, AuditOutcome } from "../entities/audit-event.entity";
import type { Logger } from "../logging/logger";
import { AuditActor, auditHash, ChainedContent, GENESIS_HASH } from "./audit-chain";

export type { AuditActor };

export interface AuditEntry {
  operation: string;
  entityType?: string | null;
  entityId?: string | null;
  fields?: string[];
  outcome: AuditOutcome;
  errorCode?: string | null;
}

/** Arbitrary but fixed key of the advisory lock that serialises appends across every hub process. */
const CHAIN_LOCK_KEY = 7_420_310_001;

/**
 * Appends to the hash-chained audit trail.
 *
 * `append` writes inside the caller's transaction, so a change and its audit entry commit or roll back
 * together. A disclosure of personal data goes through `appendDurably`, which resolves only once its entry
 * is committed: the value may leave the hub only after that. Disclosures made in the same turn of the event
 * loop (a page of appraisers, concurrent requests) share one transaction. Other entries that belong to no
 * transaction (denied or rejected attempts) go through `enqueue`: they are written in small batches, and
 * `close()` flushes what is left, so a clean shutdown loses none.
 *
 * Every append takes one transaction-scoped advisory lock, reads the chain head and inserts after it, so
 * concurrent requests, and several hub processes on one database, extend one chain and never fork it.
 */
export class AuditTrail {
  private pending: Array<{ actor: AuditActor; entry: AuditEntry; at: Date }> = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;
  private durable: Array<{ actor: AuditActor; entry: AuditEntry; at: Date; done: (error?: unknown) => void }> = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { flushIntervalMs: number; batchSize: number; logger?: Logger; now?: () => Date },
  ) {}

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  /** Appends entries in the caller's transaction; they commit with it. */
  async append(manager: EntityManager, actor: AuditActor, entries: AuditEntry[]): Promise<void> {
    const at = this.now();
    await this.insertChained(manager, entries.map((entry) => ({ actor, entry, at })));
  }

  /**
   * Writes an entry in its own transaction, batched with the others asked for in the same turn of the event
   * loop, and resolves once it is committed. Rejects when it could not be written: the caller must then not
   * disclose what the entry was to record.
   */
  appendDurably(actor: AuditActor, entry: AuditEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.durable.length === 0) setImmediate(() => void this.writeDurable());
      this.durable.push({ actor, entry, at: this.now(), done: (error) => (error === undefined ? resolve() : reject(error)) });
    });
  }

  private async writeDurable(): Promise<void> {
    const batch = this.durable;
    this.durable = [];
    try {
      await this.dataSource.transaction((manager) => this.insertChained(manager, batch));
    } catch (error) {
      this.options.logger?.error({ entries: batch.length, pgCode: (error as { code?: string }).code }, "audit append failed; the disclosures were withheld");
      for (const item of batch) item.done(error ?? new Error("audit append failed"));
      return;
    }
    for (const item of batch) item.done();
  }

  /** Queues an entry that belongs to no transaction; it is written within `flushIntervalMs`. */
  enqueue(actor: AuditActor, entry: AuditEntry): void {
    if (this.closed) {
      // After close, write straight through rather than drop the entry.
      void this.writeBatch([{ actor, entry, at: this.now() }]);
      return;
    }
    this.pending.push({ actor, entry, at: this.now() });
    if (this.pending.length >= this.options.batchSize) {
      void this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.flushIntervalMs);
      this.timer.unref();
    }
  }

  /** Writes every queued entry. Resolves when they are committed. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(() => (batch.length > 0 ? this.writeBatch(batch) : undefined));
    return this.flushing;
  }

  /** Flushes and stops the timer; later entries are written one by one. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private async writeBatch(batch: Array<{ actor: AuditActor; entry: AuditEntry; at: Date }>): Promise<void> {
    try {
      await this.dataSource.transaction((manager) => this.insertChained(manager, batch));
    } catch (error) {
      // Keep the entries for the next flush rather than lose them; the log says the trail is behind.
      this.pending.unshift(...batch);
      this.options.logger?.error({ entries: batch.length, errorName: (error as Error)?.name, pgCode: (error as { code?: string }).code }, "audit flush failed; will retry");
      if (!this.closed && !this.timer) {
        this.timer = setTimeout(() => void this.flush(), this.options.flushIntervalMs * 4);
        this.timer.unref();
      }
    }
  }

  private async insertChained(manager: EntityManager, items: Array<{ actor: AuditActor; entry: AuditEntry; at: Date }>): Promise<void> {
    if (items.length === 0) return;
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [CHAIN_LOCK_KEY]);
    const head: Array<{ head_seq: string; hash: string }> = await manager.query(`SELECT e.seq::text AS head_seq, e.hash FROM audit_events e ORDER BY e.seq DESC LIMIT 1`);
    let seq = head.length > 0 ? BigInt(head[0].head_seq) : 0n;
    let prevHash = head.length > 0 ? head[0].hash : GENESIS_HASH;
    const rows: Array<ChainedContent & { hash: string }> = [];
    for (const { actor, entry, at } of items) {
      seq += 1n;
      const content: ChainedContent = {
        ...actor,
        seq: seq.toString(),
        occurredAt: at,
        operation: entry.operation,
        entityType: entry.entityType ?? null,
        entityId: entry.entityId ?? null,
        fields: entry.fields ?? [],
        outcome: entry.outcome,
        errorCode: entry.errorCode ?? null,
        prevHash,
      };
      const hash = auditHash(content);
      rows.push({ ...content, hash });
      prevHash = hash;
    }
    await manager.createQueryBuilder().insert().into(AuditEvent).values(rows as never).execute();
  }
}

/** The actor the hub itself is when a command (seed, import) runs outside any request. */
export function systemActor(operationSource: string): AuditActor {
  return { agencyCode: null, regionCode: null, clientName: operationSource, endUser: null, requestId: null, caseRef: null };
}
