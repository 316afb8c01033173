import path from "node:path";
import fs from "node:fs";
import pg from "pg";
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from "typeorm";
import type { HubConfig } from "../config/config";
import type { Logger } from "../logging/logger";
import { ENTITIES } from "../entities";
import { MIGRATIONS } from "./migrations";
import { PGlitePool } from "./pglite-pool";

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
  count = 0;
  constructor(private readonly hubLog?: Logger) {}
  logQuery(): void {
    this.count++;
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

export function createDataSource(target: DatabaseTarget, options: { poolSize?: number; statementTimeoutMs?: number; logger?: Logger } = {}): DataSource {
  const common = {
    type: "postgres" as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: "each" as const,
    synchronize: false,
    logger: new QueryCounter(options.logger),
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
      connectTimeoutMS: 5000,
      applicationName: "appraisal-hub",
      extra: { statement_timeout: options.statementTimeoutMs ?? 15000 },
      poolErrorHandler: (error: Error) => options.logger?.warn({ err: error.message }, "database connection lost"),
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
  return new DataSource(config);
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
  const reasons: Record<string, string> = {
    ECONNREFUSED: "connection refused (is PostgreSQL running?)",
    ENOTFOUND: "host not found",
    ETIMEDOUT: "connection timed out",
    "28P01": "password authentication failed",
    "28000": "authentication rejected",
    "3D000": "database does not exist",
  };
  const reason = (e.code && reasons[e.code]) ?? (e.message?.includes("timeout") ? "connection timed out" : e.code ?? "connection failed");
  return `cannot connect to PostgreSQL at ${where}: ${reason}`;
}
