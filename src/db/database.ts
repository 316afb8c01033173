import fs from "node:fs";
import path from "node:path";
import type { DataSource } from "typeorm";
import type { HubConfig } from "../config/config";
import type { Logger } from "../logging/logger";
import { connectDataSource, createDataSource, databaseTarget, DatabaseTarget, DatabaseUnavailableError } from "./data-source";
import { embeddedDatabaseHolder, lockEmbeddedDatabase } from "./data-dir-lock";
import { embeddedSocketPath } from "./embedded-database-server";

export interface OpenDatabase {
  dataSource: DataSource;
  target: DatabaseTarget;
  close(): Promise<void>;
}

/** Opens the configured database (taking the embedded database's lock when it is PGlite). */
export async function openDatabase(config: HubConfig, logger?: Logger, target: DatabaseTarget = databaseTarget(config)): Promise<OpenDatabase> {
  const unlock = target.kind === "pglite" && target.dataDir ? lockEmbeddedDatabase(target.dataDir) : () => {};
  try {
    // A socket file left by a hub that crashed would send commands to nobody until this process serves its own.
    if (target.kind === "pglite" && target.dataDir) fs.rmSync(embeddedSocketPath(target.dataDir), { force: true });
    const dataSource = await connectDataSource(
      createDataSource(target, {
        poolSize: config.db.poolSize,
        statementTimeoutMs: config.db.statementTimeoutMs,
        connectTimeoutMs: config.db.connectTimeoutMs,
        queryTimeoutMs: config.db.queryTimeoutMs,
        logger,
      }),
      target,
    );
    return {
      dataSource,
      target,
      async close() {
        if (dataSource.isInitialized) await dataSource.destroy();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Runs pending migrations, each in its own transaction; returns their names. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const ran = await dataSource.runMigrations({ transaction: "each" });
  return ran.map((migration) => migration.name);
}

/**
 * What the named migrations changed in existing data, as they reported it (`migration_reports`), oldest first:
 * for the operator who ran them. Empty when none of them changed data.
 */
export async function migrationReport(dataSource: DataSource, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows: Array<{ line: string }> = await dataSource.query(`SELECT line FROM migration_reports WHERE migration = ANY($1) ORDER BY id`, [names]);
  return rows.map((row) => row.line);
}

/** The configured embedded database does not exist, and the command may not create it. */
export class NoHubDatabaseError extends Error {
  constructor(pgliteDir: string) {
    super(`no hub database at ${pgliteDir}; run \`hub init\` or \`hub serve\` first (or set HUB_DATA_DIR to the hub's data directory, or DATABASE_URL)`);
    this.name = "NoHubDatabaseError";
  }
}

/** Whether `dir` holds a PostgreSQL data directory (PGlite's on disk). */
export function embeddedDatabaseExists(dir: string): boolean {
  return fs.existsSync(path.join(dir, "PG_VERSION"));
}

/**
 * The database a command other than `hub serve` uses, checked before anything is opened or written:
 * `DATABASE_URL`'s server as is; the embedded database under `HUB_DATA_DIR` through the running hub's socket
 * when a live hub holds it (waiting up to `waitMs` for a starting hub to open it), or directly otherwise. A
 * missing embedded database is a `NoHubDatabaseError` unless `create` (only `hub init` passes it), so a
 * command run from the wrong directory makes nothing there.
 */
export async function locateDatabase(
  config: HubConfig,
  options: { create?: boolean; waitMs?: number; onWait?: (pid: number) => void } = {},
): Promise<DatabaseTarget> {
  const target = databaseTarget(config);
  if (target.kind !== "pglite" || !target.dataDir) return target;
  const dir = target.dataDir;
  const socketPath = embeddedSocketPath(dir);
  const deadline = Date.now() + (options.waitMs ?? 120_000);
  let warned = false;
  for (;;) {
    const pid = embeddedDatabaseHolder(dir);
    if (pid === undefined) break;
    if (fs.existsSync(socketPath)) return { kind: "hub-socket", path: socketPath, pid };
    // The hub serves its database once migrations and demo data are in; until then, wait for it.
    if (Date.now() >= deadline) throw new DatabaseUnavailableError(`hub process ${pid} holds the embedded database under ${dir} but does not serve it on ${socketPath}; stop it first, or use DATABASE_URL`);
    if (!warned) options.onWait?.(pid);
    warned = true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!options.create && !embeddedDatabaseExists(dir)) throw new NoHubDatabaseError(dir);
  return target;
}
