import type { DataSource } from "typeorm";
import type { Logger } from "../logging/logger";
import { inBackground } from "./background";
import { createDataSource, DataSourceBounds, describeTarget } from "./data-source";
import { Lsn, parseLsn } from "./lsn";
import { unavailableCause } from "../errors/database-unavailable";

/** One streaming replica of the primary, with what its polls have learnt of it. */
export interface Replica {
  /** `PostgreSQL at host:port/db`, for logs (never the URL: it may carry a password). */
  readonly name: string;
  readonly dataSource: DataSource;
}

/** A replica a read may use now, and the position up to which it has replayed the primary's log. */
export interface UsableReplica {
  replica: Replica;
  replayed: Lsn;
}

interface Tracked extends Replica {
  /** Its replay position at its last poll; undefined before one answered, or when it is not a standby. */
  replayed?: Lsn;
  /** When it last answered a poll. */
  answeredAt: number;
  /** Why its last poll failed (its cause's code); undefined once one answers. */
  unreachable?: string;
  /** Not used before this: a read on it failed. */
  downUntil: number;
  /** What the log last said of it, so that it says so once per change. */
  said?: string;
}

export interface ReplicaSettings {
  maxLagMs: number;
  pollMs: number;
  logger?: Logger;
  now?: () => number;
}

/**
 * Knows which replicas a read may use (`usable`): those that answered a poll lately, were not found failing
 * in the last few seconds, are standbys, have replayed everything this hub's schema needs, and lag the primary
 * by at most `maxLagMs`. Replicas that cannot be reached at start are connected later: the hub never waits
 * for, nor fails because of, a replica.
 *
 * Lag is measured in the primary's own time, not with `pg_last_xact_replay_timestamp()` (which grows while the
 * primary is idle, and stays small on a standby whose connection to the primary is broken): every poll reads
 * the primary's flushed log position and the time it was asked; a replica that has replayed the position the
 * primary had flushed at time t holds everything committed before t, so its lag is at most now − t for the
 * latest such t. Each poll is one statement on a connection marked as background work (`inBackground`), on an
 * unref'd timer, every `pollMs`.
 */
export class ReplicaMonitor {
  private readonly replicas: Tracked[];
  /** The primary's flushed log positions and when they were asked for, oldest first, over the last `maxLagMs`. */
  private readonly flushed: Array<{ at: number; lsn: Lsn }> = [];
  /**
   * The primary's log insert position at this hub's first poll, after its migrations ran: a replica that has
   * not replayed it may lack a table or column the hub reads. (The lag check alone would not do: it compares
   * flushed positions, and under synchronous_commit=off a migration's commit may not be flushed yet.)
   */
  private floor: Lsn | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly polls = new Set<Promise<void>>();
  private stopped = false;
  private readonly now: () => number;

  constructor(
    private readonly primary: DataSource,
    urls: readonly string[],
    bounds: DataSourceBounds,
    private readonly settings: ReplicaSettings,
  ) {
    this.now = settings.now ?? Date.now;
    this.replicas = urls.map((url) => {
      const target = { kind: "postgres" as const, url };
      return { name: describeTarget(target), dataSource: createDataSource(target, { ...bounds, replicaOf: primary }), answeredAt: Number.NEGATIVE_INFINITY, downUntil: 0 };
    });
  }

  /** Starts polling the primary and every replica (connecting them first). */
  start(): void {
    this.every(this.settings.pollMs, () => this.pollPrimary());
    for (const replica of this.replicas) this.every(this.settings.pollMs, () => this.pollReplica(replica));
  }

  /** Stops the polls, waits for those under way, and closes the replicas' connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.polls]);
    await Promise.all(this.replicas.map((replica) => (replica.dataSource.isInitialized ? replica.dataSource.destroy() : undefined)));
  }

  /** The replicas a read may use now, with their replay positions. */
  usable(): UsableReplica[] {
    const now = this.now();
    const usable: UsableReplica[] = [];
    for (const replica of this.replicas) if (this.problem(replica, now) === undefined) usable.push({ replica, replayed: replica.replayed! });
    return usable;
  }

  /**
   * A read on `replica` failed for a reason of the server's (unreachable, restarting, its query cancelled by
   * replay): reads keep off it for a few polls, whatever the polls say meanwhile.
   */
  failed(replica: Replica): void {
    const tracked = this.replicas.find((r) => r === replica);
    if (!tracked) return;
    tracked.downUntil = this.now() + Math.max(2_000, 5 * this.settings.pollMs);
    this.say(tracked, this.problem(tracked, this.now()));
  }

  /** Why `replica` may not be read from now, or undefined when it may. */
  private problem(replica: Tracked, now: number): string | undefined {
    if (!replica.dataSource.isInitialized || replica.unreachable !== undefined) return `unreachable (${replica.unreachable ?? "connecting"})`;
    if (now < replica.downUntil) return "a read on it failed";
    if (now - replica.answeredAt > this.answerWindow) return "not answering its polls";
    if (replica.replayed === undefined) return "not a standby";
    if (this.floor === undefined || replica.replayed < this.floor) return "behind this hub's start";
    // The latest time at which the primary had flushed no more than the replica has replayed.
    let caughtUpAt: number | undefined;
    for (let i = this.flushed.length - 1; i >= 0 && caughtUpAt === undefined; i--) if (this.flushed[i].lsn <= replica.replayed) caughtUpAt = this.flushed[i].at;
    if (caughtUpAt === undefined || now - caughtUpAt > this.settings.maxLagMs) return "lagging";
    return undefined;
  }

  /** A replica that has not answered for this long is not used (it may be frozen behind a partition). */
  private get answerWindow(): number {
    return Math.max(1_000, 5 * this.settings.pollMs);
  }

  private async pollPrimary(): Promise<void> {
    const at = this.now();
    try {
      const [row] = await inBackground(this.primary, (manager) =>
        manager.query(`SELECT pg_current_wal_flush_lsn()::text AS flushed, pg_current_wal_insert_lsn()::text AS inserted`),
      );
      const lsn = parseLsn(row?.flushed);
      if (lsn === undefined) return;
      this.floor ??= parseLsn(row?.inserted);
      this.flushed.push({ at, lsn });
      // Older positions could only show a lag past the bound; one is kept, the newest.
      while (this.flushed.length > 1 && this.flushed[0].at < at - this.settings.maxLagMs - this.settings.pollMs) this.flushed.shift();
    } catch (error) {
      // No new position: the replicas' lag, measured against the last one, grows until they are not used.
      this.settings.logger?.debug({ cause: unavailableCause(error) ?? (error as Error)?.name }, "the primary's log position could not be read");
    }
  }

  private async pollReplica(replica: Tracked): Promise<void> {
    try {
      if (!replica.dataSource.isInitialized) await replica.dataSource.initialize();
      const [row] = await inBackground(replica.dataSource, (manager) =>
        manager.query(`SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()::text END AS replayed`),
      );
      replica.replayed = parseLsn(row?.replayed);
      replica.answeredAt = this.now();
      replica.unreachable = undefined;
    } catch (error) {
      replica.unreachable = unavailableCause(error) ?? (error as Error)?.name ?? "error";
    }
    this.say(replica, this.problem(replica, this.now()));
  }

  /** Logs what became of a replica, once per change: serving reads, or why not. */
  private say(replica: Tracked, problem: string | undefined): void {
    const said = problem ?? "serving";
    if (said === replica.said) return;
    const first = replica.said === undefined;
    replica.said = said;
    if (problem === undefined) this.settings.logger?.info({ replica: replica.name }, "read replica serving reads");
    // Catching up after a start is what every replica does: not worth a warning.
    else if (!(first && problem === "behind this hub's start")) this.settings.logger?.warn({ replica: replica.name, problem }, "read replica not used; its reads go to the primary");
  }

  /** Runs `poll` now and then `ms` after each run ends, until `stop`. */
  private every(ms: number, poll: () => Promise<void>): void {
    const run = () => {
      if (this.stopped) return;
      const running = poll().finally(() => {
        this.polls.delete(running);
        if (this.stopped) return;
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          run();
        }, ms);
        timer.unref();
        this.timers.add(timer);
      });
      this.polls.add(running);
    };
    run();
  }
}
