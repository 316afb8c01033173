import type { DataSource } from "typeorm";
import type { HubConfig } from "../config/config";
import type { Logger } from "../logging/logger";
import { connectDataSource, createDataSource, databaseTarget, DatabaseTarget } from "./data-source";
import { lockEmbeddedDatabase } from "./data-dir-lock";

export interface OpenDatabase {
  dataSource: DataSource;
  target: DatabaseTarget;
  close(): Promise<void>;
}

/** Opens the configured database (taking the embedded database's lock when it is PGlite). */
export async function openDatabase(config: HubConfig, logger?: Logger, target: DatabaseTarget = databaseTarget(config)): Promise<OpenDatabase> {
  const unlock = target.kind === "pglite" && target.dataDir ? lockEmbeddedDatabase(target.dataDir) : () => {};
  try {
    const dataSource = await connectDataSource(
      createDataSource(target, { poolSize: config.db.poolSize, statementTimeoutMs: config.db.statementTimeoutMs, logger }),
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
