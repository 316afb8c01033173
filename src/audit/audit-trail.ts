import { DataSource, EntityManager } from "typeorm";
import { AuditOutcome } from "../entities/audit-event.entity";
import type { Logger } from "../logging/logger";
import { AuditActor, ENTRY_COLUMNS, entryRecord, insertFromJson } from "./audit-chain";
import { AuditSequencer } from "./audit-sequencer";

export type { AuditActor };

export interface AuditEntry {
  operation: string;
  entityType?: string | null;
  entityId?: string | null;
  fields?: string[];
  outcome: AuditOutcome;
  errorCode?: string | null;
}

const INSERT_QUEUED = insertFromJson("audit_queue", ENTRY_COLUMNS);

type Item = { actor: AuditActor; entry: AuditEntry; at: Date };

/**
 * Writes the audit trail.
 *
 * `append` queues entries inside the caller's transaction, so a change and its audit entry commit or roll
 * back together. A disclosure of personal data goes through `appendDurably`, which resolves only once its
 * entry is committed: the value may leave the hub only after that. Disclosures made in the same turn of the
 * event loop (a page of appraisers, concurrent requests) share one transaction. Other entries that belong to
 * no transaction (denied or rejected attempts) go through `enqueue`: they are written in small batches, and
 * `close()` flushes what is left, so a clean shutdown loses none.
 *
 * Writers only insert into the queue, which takes no lock: the sequencer (`audit-sequencer.ts`) numbers,
 * chains and hashes what they queued into the log within milliseconds, one batch at a time across every hub
 * process, so concurrent writers never wait on each other for the log.
 */
export class AuditTrail {
  private pending: Item[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;
  private durable: Array<Item & { done: (error?: unknown) => void }> = [];
  readonly sequencer: AuditSequencer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { flushIntervalMs: number; batchSize: number; logger?: Logger; now?: () => Date },
  ) {
    this.sequencer = new AuditSequencer(dataSource, { batchSize: SEQUENCE_BATCH, logger: options.logger });
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  /** Queues entries in the caller's transaction; they commit with it. Call `committed()` once it has. */
  async append(manager: EntityManager, actor: AuditActor, entries: AuditEntry[]): Promise<void> {
    const at = this.now();
    await this.insertQueued(manager, entries.map((entry) => ({ actor, entry, at })));
  }

  /** A transaction that appended has committed: its entries are sequenced in the next few milliseconds. */
  committed(): void {
    this.sequencer.nudge();
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
      await this.dataSource.transaction((manager) => this.insertQueued(manager, batch));
    } catch (error) {
      this.options.logger?.error({ entries: batch.length, pgCode: (error as { code?: string }).code }, "audit append failed; the disclosures were withheld");
      for (const item of batch) item.done(error ?? new Error("audit append failed"));
      return;
    }
    this.sequencer.nudge();
    for (const item of batch) item.done();
  }

  /** Queues an entry that belongs to no transaction; it is written within `flushIntervalMs`. */
  enqueue(actor: AuditActor, entry: AuditEntry): void {
    if (this.closed) {
      // After close, write straight through rather than drop the entry.
      void this.writeBatch([{ actor, entry, at: this.now() }]).then(() => this.sequencer.drain().catch(() => undefined));
      return;
    }
    this.pending.push({ actor, entry, at: this.now() });
    if (this.pending.length >= this.options.batchSize) {
      void this.flushPending();
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.flushPending(), this.options.flushIntervalMs);
      this.timer.unref();
    }
  }

  /**
   * Writes every entry enqueued so far and sequences everything committed to the queue: once it resolves, the
   * log holds them. Rejects when the sequencer could not run (the entries stay queued).
   */
  async flush(): Promise<void> {
    await this.flushPending();
    await this.sequencer.drain();
  }

  private flushPending(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(() => (batch.length > 0 ? this.writeBatch(batch) : undefined));
    return this.flushing;
  }

  /** Flushes, stops the timers and sequences what is queued; later entries are written one by one. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flushPending();
    try {
      await this.sequencer.stop();
    } catch {
      // Logged by the sequencer; the entries stay queued and the next start sequences them.
    }
  }

  private async writeBatch(batch: Item[]): Promise<void> {
    try {
      await this.dataSource.transaction((manager) => this.insertQueued(manager, batch));
      this.sequencer.nudge();
    } catch (error) {
      // Keep the entries for the next flush rather than lose them; the log says the trail is behind.
      this.pending.unshift(...batch);
      this.options.logger?.error({ entries: batch.length, errorName: (error as Error)?.name, pgCode: (error as { code?: string }).code }, "audit flush failed; will retry");
      if (!this.closed && !this.timer) {
        this.timer = setTimeout(() => void this.flushPending(), this.options.flushIntervalMs * 4);
        this.timer.unref();
      }
    }
  }

  private async insertQueued(manager: EntityManager, items: Item[]): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map(({ actor, entry, at }) =>
      entryRecord({ ...actor, occurredAt: at, operation: entry.operation, entityType: entry.entityType ?? null, entityId: entry.entityId ?? null, fields: entry.fields ?? [], outcome: entry.outcome, errorCode: entry.errorCode ?? null }),
    );
    await manager.query(INSERT_QUEUED, [JSON.stringify(rows)]);
  }
}

/** Entries per sequencing transaction: large enough for bursts, small enough to keep each one short. */
const SEQUENCE_BATCH = 1000;

/** The actor the hub itself is when a command (seed, import) runs outside any request. */
export function systemActor(operationSource: string): AuditActor {
  return { agencyCode: null, regionCode: null, clientName: operationSource, endUser: null, requestId: null, caseRef: null };
}
