import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { onServer } from "./server-sql";
import type { DatabaseTarget } from "../../src/db/data-source";

export interface TestDatabase {
  target: DatabaseTarget;
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * The database a test file runs against: PGlite in memory by default, or, when TEST_DATABASE_URL is set, a
 * fresh database created on that server for this file and dropped afterwards. `seeded` starts it as a copy
 * of the run's template (`global-setup.js`: migrated, with the demo data), which is what a hub prepares on
 * an empty database, in a fraction of the time.
 */
export async function createTestDatabase(options: { seeded?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const restoreFrom = options.seeded ? templateEnv("HUB_TEST_TEMPLATE_DUMP") : undefined;
    return { target: { kind: "pglite", dataDir: undefined, restoreFrom }, url: undefined, drop: async () => {} };
  }
  const name = `hub_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const template = options.seeded ? ` TEMPLATE ${templateEnv("HUB_TEST_TEMPLATE_DATABASE")}` : "";
  await onServer(serverUrl, `CREATE DATABASE ${name}${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString() },
    url: url.toString(),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** Gives `dataDir` the template's keys: the demo data's personal data is sealed with its PII key. */
export function copyTemplateKeys(dataDir: string): void {
  fs.cpSync(path.join(templateEnv("HUB_TEST_TEMPLATE_DIR"), "keys"), path.join(dataDir, "keys"), { recursive: true });
}

function templateEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset: run the tests through jest, whose globalSetup prepares the template`);
  return value;
}

export const usingServer = (): boolean => !!process.env.TEST_DATABASE_URL;
