import type { DataSource } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { isDatabaseUnavailable } from "../errors/database-unavailable";
import type { Logger } from "../logging/logger";
import { eventOf, type EventMessage, type EventReader, type FactsCache } from "./event-reader";

/** Messages one subscriber may have waiting; past it the oldest are dropped (a page that stopped reading). */
const QUEUE_LIMIT = 500;
const BATCH = 500;
/** How far back, in numbers and in seconds, an event that committed after later-numbered ones is still picked up. */
const LATE_SEQS = 200;
const LATE_SECONDS = 30;

/** Callers that read alike: the same agency, system and scopes. */
function viewerKey(viewer: Viewer): string {
  return `${viewer.agency?.id}|${viewer.client?.id}|${[...viewer.scopes].sort().join(",")}`;
}

interface Subscriber {
  viewer: Viewer;
  types: ReadonlySet<string> | null;
  queue: EventMessage[];
  waiting: ((result: IteratorResult<EventMessage>) => void) | undefined;
  closed: boolean;
}

/**
 * The live feed behind the GraphQL subscription `hubEvents`: while anyone on this instance subscribes, the
 * outbox is read from where it stood when the first one joined (every instance's events, as they commit),
 * and each event goes to each subscriber the way a webhook would: only if the subscriber is among the
 * record's recipients and may read it, carrying what it may read.
 */
export class LiveEvents {
  private readonly subscribers = new Set<Subscriber>();
  private lastSeq: string | undefined;
  /** Events already handled among the last LATE_SEQS numbers. */
  private readonly seen = new Set<string>();
  private running: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private closed = false;
  private databaseDown = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: EventReader,
    private readonly pollMs: number,
    private readonly logger: Logger,
  ) {}

  /** The events `viewer` receives from now on, of `types` (all when null), until the iterator is returned. */
  subscribe(viewer: Viewer, types: readonly string[] | null): AsyncIterableIterator<EventMessage> {
    const subscriber: Subscriber = { viewer, types: types && types.length > 0 ? new Set(types) : null, queue: [], waiting: undefined, closed: false };
    this.subscribers.add(subscriber);
    this.running ??= this.run();
    const end = (): Promise<IteratorResult<EventMessage>> => {
      subscriber.closed = true;
      this.subscribers.delete(subscriber);
      subscriber.waiting?.({ value: undefined, done: true });
      subscriber.waiting = undefined;
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next: () => {
        if (subscriber.closed) return Promise.resolve({ value: undefined, done: true });
        const message = subscriber.queue.shift();
        if (message) return Promise.resolve({ value: message, done: false });
        return new Promise((resolve) => (subscriber.waiting = resolve));
      },
      return: end,
      throw: async (error?: unknown) => {
        await end();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  nudge(): void {
    this.wake?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const subscriber of [...this.subscribers]) {
      subscriber.closed = true;
      subscriber.waiting?.({ value: undefined, done: true });
    }
    this.subscribers.clear();
    this.wake?.();
    await this.running;
  }

  private async run(): Promise<void> {
    try {
      while (!this.closed && this.subscribers.size > 0) {
        try {
          await this.poll();
          this.databaseDown = false;
        } catch (error) {
          if (isDatabaseUnavailable(error)) {
            if (!this.databaseDown) this.logger.warn("live events paused: the database is unavailable");
            this.databaseDown = true;
          } else this.logger.error({ errorName: (error as Error)?.name }, "live events round failed");
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, this.pollMs);
          function done() {
            clearTimeout(timer);
            resolve();
          }
          this.wake = done;
        });
        this.wake = undefined;
      }
    } finally {
      this.running = undefined;
      // Everyone left: the next subscriber starts from the outbox's end as it is then.
      this.lastSeq = undefined;
      this.seen.clear();
    }
  }

  private async poll(): Promise<void> {
    if (this.lastSeq === undefined) {
      const [row] = await this.dataSource.query(`SELECT coalesce(max(seq), 0) AS seq FROM hub_events`);
      this.lastSeq = String(row.seq);
      return;
    }
    // Numbers are taken when a transaction writes its event, not when it commits: one that committed late
    // has a number below events already seen. The last LATE_SEQS numbers are read again while recent.
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT seq, id, type, entity_type, entity_id, version, region_codes, occurred_at FROM hub_events
        WHERE seq > $1 AND (seq > $2 OR occurred_at > now() - make_interval(secs => $3)) ORDER BY seq LIMIT $4`,
      [Math.max(0, Number(this.lastSeq) - LATE_SEQS), this.lastSeq, LATE_SECONDS, BATCH],
    );
    const facts: FactsCache = new Map();
    for (const event of rows.map(eventOf)) {
      if (this.seen.has(event.seq)) continue;
      // Subscribers with the same caller (a dashboard open in several tabs) share one read of the record.
      const reads = new Map<string, Promise<EventMessage | null>>();
      for (const subscriber of this.subscribers) {
        if (subscriber.closed || (subscriber.types && !subscriber.types.has(event.type))) continue;
        const key = viewerKey(subscriber.viewer);
        let read = reads.get(key);
        if (!read) reads.set(key, (read = this.reader.message(subscriber.viewer, event, facts)));
        try {
          const message = await read;
          if (message) this.deliver(subscriber, message);
        } catch (error) {
          // This subscriber misses this event (the record could not be read for it now); the others do not.
          this.logger.warn({ eventId: event.id, errorName: (error as Error)?.name }, "live event not delivered: its record could not be read");
        }
      }
      this.seen.add(event.seq);
      if (Number(event.seq) > Number(this.lastSeq)) this.lastSeq = event.seq;
    }
    const floor = Number(this.lastSeq) - LATE_SEQS;
    for (const seq of this.seen) if (Number(seq) <= floor) this.seen.delete(seq);
  }

  private deliver(subscriber: Subscriber, message: EventMessage): void {
    if (subscriber.waiting) {
      const resolve = subscriber.waiting;
      subscriber.waiting = undefined;
      resolve({ value: message, done: false });
      return;
    }
    subscriber.queue.push(message);
    if (subscriber.queue.length > QUEUE_LIMIT) subscriber.queue.shift();
  }
}
