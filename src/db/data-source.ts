import path from "node:path";
import fs from "node:fs";
import pg from "pg";
import { DataSource, DataSourceOptions, QueryRunner, Logger as TypeOrmLogger } from "typeorm";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import type { HubConfig } from "../config/config";
import type { Logger } from "../logging/logger";
import { ENTITIES } from "../entities";
import { MIGRATIONS } from "./migrations";
import { PGlitePool } from "./pglite-pool";
import { describeNetworkError, describeSqlError } from "./database-errors";

// `pg` parses DATE into a JS Date at local midnight, which shifts days across time zones. The hub treats
// dates as calendar days: keep them as `YYYY-MM-DD` strings, as the PGlite pool does.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/**
 * Where the database lives: a server URL, a PGlite directory (undefined = in memory, for tests; a new one
 * may start from a `dumpDataDir` tarball, `restoreFrom`), or the
 * embedded database of a running hub (process `pid`), reached through the Unix socket it serves at `path`
 * (`embedded-database-server.ts`): one connection, no server settings.
 */
export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string | undefined; restoreFrom?: string }
  | { kind: "hub-socket"; path: string; pid: number };

export function databaseTarget(config: HubConfig): DatabaseTarget {
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl }
    : { kind: "pglite", dataDir: path.join(config.dataDir, "pglite") };
}

/**
 * Counts the SQL statements a data source runs. Tests read it to prove nested queries are batched; it costs
 * one increment per statement.
 */
export class QueryCounter implements TypeOrmLogger {
  /** Statements of requests and commands. */
  count = 0;
  /** Statements of the hub's background work (the audit sequencer), whose connection says so in `data.background`. */
  background = 0;
  constructor(private readonly hubLog?: Logger) {}
  logQuery(_query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    if (queryRunner?.data?.background) this.background++;
    else this.count++;
  }
  logQueryError(error: string | Error, _query: string): void {
    // The query text and parameters may hold personal data: log only the database's error code.
    const code = typeof error === "object" && error && "code" in error ? String((error as { code: unknown }).code) : "unknown";
    this.hubLog?.debug({ pgCode: code }, "query failed");
  }
  logQuerySlow(time: number): void {
    this.hubLog?.warn({ ms: time }, "slow query");
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.hubLog?.info({ migration: message }, "migration");
  }
  log(): void {}
}

/** node-postgres's message when a query passes `query_timeout`. */
const QUERY_TIMEOUT = "Query read timeout";

/**
 * A server connection that is dropped, not handed back to the pool, when a query on it passes its client-side
 * bound (`query_timeout`, HUB_DB_QUERY_TIMEOUT_MS): behind a frozen network the query may still be running,
 * and its transaction still open, on the server, so the next request would queue behind it or even run
 * inside that transaction. Closing the socket fails what is queued on it at once, the pool discards it, and
 * the server rolls the transaction back when it sees the close.
 */
class BoundedClient extends pg.Client {
  override query(...args: any[]): any {
    const result = (super.query as (...args: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if ((error as Error | undefined)?.message === QUERY_TIMEOUT) this.connection.stream.destroy();
      });
    }
    return result;
  }
}

export interface DataSourceBounds {
  poolSize?: number;
  /** Server-side bound on a statement (`statement_timeout`). */
  statementTimeoutMs?: number;
  /** Bound on waiting for a connection: a free one from the pool, or a new one's start-up. */
  connectTimeoutMs?: number;
  /** Client-side bound on a query's answer; past it the connection is dropped (`BoundedClient`). */
  queryTimeoutMs?: number;
  logger?: Logger;
  /**
   * The primary this data source is a streaming replica of (`db/read-replicas.ts`): its statements count with
   * the primary's (one `QueryCounter`), and it installs no extension and knows no migration (a standby is
   * read-only).
   */
  replicaOf?: DataSource;
}

export function createDataSource(target: DatabaseTarget, options: DataSourceBounds = {}): DataSource {
  const common = {
    type: "postgres" as const,
    entities: ENTITIES,
    migrations: options.replicaOf ? [] : MIGRATIONS,
    migrationsTransactionMode: "each" as const,
    synchronize: false,
    logger: options.replicaOf ? queryCounter(options.replicaOf) : new QueryCounter(options.logger),
    maxQueryExecutionTime: 1000,
  };
  let config: DataSourceOptions;
  if (target.kind === "hub-socket") {
    config = {
      ...common,
      // The hub serializes its socket's clients with its own requests, a transaction at a time: more than
      // one connection here would only queue there, and could wait for itself.
      host: path.dirname(target.path),
      port: 5432,
      username: "postgres",
      database: "postgres",
      poolSize: 1,
      connectTimeoutMS: 5000,
      uuidExtension: "pgcrypto",
      installExtensions: false,
      poolErrorHandler: (error: Error) => options.logger?.warn({ err: error.message }, "connection to the hub's socket lost"),
    };
  } else if (target.kind === "postgres") {
    config = {
      ...common,
      url: target.url,
      poolSize: options.poolSize ?? 10,
      // pg-pool: how long a request may wait for a connection, queued for a free one or opening a new one.
      connectTimeoutMS: options.connectTimeoutMs ?? 5000,
      applicationName: "appraisal-hub",
      // statement_timeout is the server's bound, which a partition keeps from firing (and from being heard);
      // query_timeout the client's, a little longer, so a slow statement is cancelled by the server first.
      extra: {
        statement_timeout: options.statementTimeoutMs ?? 15000,
        query_timeout: options.queryTimeoutMs ?? (options.statementTimeoutMs ?? 15000) + 5000,
        keepAlive: true,
        Client: BoundedClient,
      },
      ...(options.replicaOf ? { installExtensions: false } : {}),
      poolErrorHandler: (error: Error) => options.logger?.warn({ err: error.message }, options.replicaOf ? "read replica connection lost" : "database connection lost"),
    };
  } else {
    if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
    config = {
      ...common,
      // TypeORM builds its pool with `new driver.Pool(options)`: hand it the exclusive PGlite pool.
      driver: { Pool: PGlitePool },
      extra: { pgliteDataDir: target.dataDir, pgliteRestoreFrom: target.restoreFrom },
      // PGlite ships pgcrypto; gen_random_uuid() is built into PostgreSQL ≥ 13 anyway.
      uuidExtension: "pgcrypto",
      installExtensions: false,
    };
  }
  const dataSource = new DataSource(config);
  if (options.replicaOf) sameServerFacts(dataSource, options.replicaOf);
  return dataSource;
}

/**
 * A physical replica runs the primary's PostgreSQL version with the primary's schemas: the facts TypeORM
 * asks a new server for on connecting are taken from the primary instead, so (re)connecting a replica sends
 * no statement of its own, and the statements counted are the reads.
 */
function sameServerFacts(replica: DataSource, primary: DataSource): void {
  const from = primary.driver as PostgresDriver;
  const to = replica.driver as PostgresDriver;
  to.version ??= from.version;
  to.searchSchema ??= from.searchSchema;
}

export function queryCounter(dataSource: DataSource): QueryCounter {
  return dataSource.logger as unknown as QueryCounter;
}

/** Connects, turning driver errors into one line an operator can act on. */
export async function connectDataSource(dataSource: DataSource, target: DatabaseTarget): Promise<DataSource> {
  try {
    return await dataSource.initialize();
  } catch (error) {
    throw new DatabaseUnavailableError(describeConnectError(error, target));
  }
}

export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * Names the database for people, without credentials: `PGlite at /abs/dir`, `PGlite at /abs/dir, through the
 * running hub (pid 123)`, `PostgreSQL at host:port/db`.
 */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `PGlite at ${target.dataDir ?? "memory"}`;
  if (target.kind === "hub-socket") return `PGlite at ${path.dirname(target.path)}, through the running hub (pid ${target.pid})`;
  const where = serverAddress(target.url);
  return where ? `PostgreSQL at ${where}` : "PostgreSQL at an invalid DATABASE_URL";
}

function serverAddress(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get("host") || "localhost";
    return `${host}:${parsed.port || 5432}/${parsed.pathname.replace(/^\//, "")}`;
  } catch {
    return undefined;
  }
}

function describeConnectError(error: unknown, target: DatabaseTarget): string {
  const e = error as { code?: string; message?: string };
  if (target.kind === "pglite") return `cannot open the embedded database under ${target.dataDir ?? "memory"}: ${e.message ?? e}`;
  if (target.kind === "hub-socket") return `cannot reach the running hub's database through ${target.path}: ${e.code ?? e.message ?? e}`;
  const where = serverAddress(target.url);
  if (!where) return "DATABASE_URL is not a valid URL";
  // Every SQLSTATE class in words (`database-errors.ts`), never a bare code.
  const reason = describeSqlError(error) ?? describeNetworkError(error) ?? `connection failed (${e.code ?? e.message ?? String(error)})`;
  return `cannot connect to PostgreSQL at ${where}: ${reason}`;
}

/**
 * A database error met while the hub starts (migrations, reference or demo data) or a command runs, in one
 * line naming the database and saying in words what the server refused; other errors are returned as they are.
 */
export function describeDatabaseError(error: unknown, target: DatabaseTarget): unknown {
  const words = describeSqlError(error);
  if (!words || error instanceof DatabaseUnavailableError) return error;
  return new DatabaseUnavailableError(`${describeTarget(target)} refused: ${words}`);
}
