import { randomBytes } from "node:crypto";
import { Client } from "pg";
import type { DatabaseTarget } from "../../src/db/data-source";

/**
 * The database a test file runs against: PGlite in memory by default, or, when TEST_DATABASE_URL is set, a
 * fresh database created on that server for this file and dropped afterwards.
 */
export async function createTestDatabase(): Promise<{ target: DatabaseTarget; url: string | undefined; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { target: { kind: "pglite", dataDir: undefined }, url: undefined, drop: async () => {} };
  const name = `hub_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString() },
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export const usingServer = (): boolean => !!process.env.TEST_DATABASE_URL;
