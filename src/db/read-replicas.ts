import type { Redis } from "ioredis";
import type { Counter } from "prom-client";
import type { DataSource } from "typeorm";
import type { HubConfig } from "../config/config";
import { isDatabaseUnavailable } from "../errors/database-unavailable";
import type { Logger } from "../logging/logger";
import type { DataSourceBounds } from "./data-source";
import { parseLsn } from "./lsn";
import { ReplicaMonitor, UsableReplica } from "./replica-monitor";
import { UNREACHABLE, WritePositions } from "./write-positions";

/**
 * Where a request's reads that tolerate lag run (lists, statistics and the files made of them): on a streaming
 * replica when that is safe, else on the primary. Everything else (transactions, commands, authorization,
 * audit, idempotency, a record read before it is changed) uses the primary data source directly.
 */
export interface LagTolerantReads {
  /**
   * Runs `work` with the data source to read from: a replica (`DATABASE_REPLICA_URLS`) that lags the primary
   * by at most `HUB_REPLICA_MAX_LAG_MS` and has replayed this caller's latest write, or the primary. When the
   * replica fails under it (unreachable, restarting, its query cancelled by replay), `work` runs again on the
   * primary: a replica never fails a read. `work` must only read, and may run twice.
   */
  run<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T>;
  /**
   * Called once a transaction of this caller has committed on the primary: its later reads, here and (with
   * Redis) on every instance, go to the primary until a replica has replayed it. Never throws.
   */
  committed(): Promise<void>;
}

/** Every read on `dataSource`: a hub without replicas, the `hub` commands, the pusher's own reads. */
export function primaryReads(dataSource: DataSource): LagTolerantReads {
  return { run: (work) => work(dataSource), committed: async () => {} };
}

/** Why a read went where it did: the `reason` of `hub_lag_tolerant_reads_total`. */
type Routed = { replica: UsableReplica["replica"] } | { reason: "no_replica" | "own_write" | "unknown_caller" };

/** How long a request reuses its caller's position read from Redis (a live subscription's context lives long). */
const REMOTE_POSITION_REUSE_MS = 1_000;

/**
 * The hub's read replicas: which may serve a read now (`ReplicaMonitor`), and where each caller's last write
 * ends (`WritePositions`). `forCaller` gives one request its `LagTolerantReads`.
 */
export class ReadReplicas {
  private turn = 0;

  private constructor(
    private readonly primary: DataSource,
    private readonly monitor: ReplicaMonitor,
    private readonly positions: WritePositions,
    private readonly reads: Counter<"target" | "reason"> | undefined,
  ) {}

  /** The replicas `config` names, of `primary`, with pools bounded as the primary's; `start()` connects them. */
  static of(config: HubConfig, primary: DataSource, options: { redis?: Redis; logger?: Logger; reads?: Counter<"target" | "reason"> } = {}): ReadReplicas {
    const bounds: DataSourceBounds = {
      poolSize: config.db.poolSize,
      statementTimeoutMs: config.db.statementTimeoutMs,
      connectTimeoutMs: config.db.connectTimeoutMs,
      queryTimeoutMs: config.db.queryTimeoutMs,
      logger: options.logger,
    };
    const monitor = new ReplicaMonitor(primary, config.db.replicaUrls, bounds, { maxLagMs: config.db.replicaMaxLagMs, pollMs: config.db.replicaPollMs, logger: options.logger });
    // Past the lag bound, any replica still used has replayed the write; the margin covers the primary's log
    // writer (a commit under synchronous_commit=off is flushed up to wal_writer_delay later, 10 s at most).
    const positions = new WritePositions(config.db.replicaMaxLagMs + 15_000, options.redis, { logger: options.logger });
    return new ReadReplicas(primary, monitor, positions, options.reads);
  }

  start(): void {
    this.monitor.start();
  }

  stop(): Promise<void> {
    return this.monitor.stop();
  }

  /**
   * The reads of one caller: whoever spends the request's budget (a client system, a signed-in person, an
   * anonymous address). Without one, every read goes to the primary: its writes could not be told apart.
   */
  forCaller(caller: string | undefined): LagTolerantReads {
    let remote: { at: number; position: Promise<bigint | undefined> } | undefined;
    const remotePosition = (key: string) => {
      if (!remote || Date.now() - remote.at > REMOTE_POSITION_REUSE_MS) remote = { at: Date.now(), position: this.positions.remote(key) };
      return remote.position;
    };
    const route = async (): Promise<Routed> => {
      let usable = this.monitor.usable();
      if (usable.length === 0) return { reason: "no_replica" };
      if (caller === undefined) return { reason: "unknown_caller" };
      const replayed = (position: bigint | undefined) => (u: UsableReplica) => position === undefined || u.replayed >= position;
      usable = usable.filter(replayed(this.positions.local(caller)));
      // Redis is asked only when a replica would do as far as this instance knows.
      if (usable.length > 0 && this.positions.shared) usable = usable.filter(replayed(await remotePosition(caller)));
      if (usable.length === 0) return { reason: "own_write" };
      return { replica: usable[this.turn++ % usable.length].replica };
    };
    return {
      run: async (work) => {
        const routed = await route();
        if ("reason" in routed) {
          this.reads?.inc({ target: "primary", reason: routed.reason });
          return work(this.primary);
        }
        try {
          const result = await work(routed.replica.dataSource);
          this.reads?.inc({ target: "replica", reason: "replayed" });
          return result;
        } catch (error) {
          if (!replicaFault(error)) throw error;
          this.monitor.failed(routed.replica);
          this.reads?.inc({ target: "primary", reason: "fallback" });
          return work(this.primary);
        }
      },
      committed: async () => {
        if (caller === undefined) return;
        // The insert position, read after the commit, is at or past the end of the commit record whatever
        // synchronous_commit says; the flush or write position may still be short of it (commits not yet
        // flushed are already visible), and any position read before COMMIT is short of it by definition.
        let position = UNREACHABLE;
        try {
          const [row] = await this.primary.query(`SELECT pg_current_wal_insert_lsn()::text AS lsn`);
          position = parseLsn(row?.lsn) ?? UNREACHABLE;
        } catch {
          // The write is in: it is answered, and the caller reads the primary until its position expires.
        }
        await this.positions.record(caller, position);
      },
    };
  }
}

/**
 * Whether a read failed because of the replica, so the primary should answer it instead: the replica cannot be
 * reached or is restarting (as `isDatabaseUnavailable` says of any server), or it cancelled the query to replay
 * the primary's changes (40001, "conflict with recovery"). A statement past `statement_timeout` (57014) is
 * slow, not the replica's fault: it is not run a second time.
 */
function replicaFault(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "40001") return true;
  return code !== "57014" && isDatabaseUnavailable(error);
}
