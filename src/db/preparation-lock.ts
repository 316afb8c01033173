import pg from "pg";
import type { DatabaseTarget } from "./data-source";

/**
 * Arbitrary but fixed key of the session-level advisory lock under which a hub prepares a PostgreSQL
 * database (migrations, reference data, demo data). Distinct from the audit chain's and the data keys' locks.
 */
const PREPARATION_LOCK_KEY = 7_420_310_100;

/** How often a waiting hub asks for the lock again (it never blocks in the server, where statement_timeout would cancel the wait). */
const POLL_MS = 250;

/**
 * Runs `work` while this process holds the database's preparation lock, so any number of hub processes
 * starting at once on one PostgreSQL database prepare it one after the other: the first migrates and loads
 * the demo data, the next find nothing left to do. Issue 15 saw two instances on an empty database crash one
 * of them (`duplicate key … "pg_type_typname_nsp_index"` from concurrent CREATE TABLE, `"agencies_code_key"`
 * from concurrent demo loads).
 *
 * The lock is session-level, held on a connection of its own outside the hub's pool (the migrations and the
 * demo load run on the pool, each in its own transactions), and released in `finally`; if this process dies,
 * its connection closes and the server releases the lock. `onWait` is called once when another process holds
 * it. PGlite needs none: one process opens an embedded database at a time (`data-dir-lock.ts`), and the
 * commands that reach it through a running hub's socket share that hub's one connection.
 */
export async function withPreparationLock<T>(target: DatabaseTarget, work: () => Promise<T>, onWait?: () => void): Promise<T> {
  if (target.kind !== "postgres") return work();
  const client = new pg.Client({ connectionString: target.url, application_name: "appraisal-hub (preparing)", connectionTimeoutMillis: 5000 });
  // A connection lost while work runs must not crash the process (`pg` emits `error`); the lock is then gone
  // with it, and the work's own statements fail on their connections if the server went away.
  client.on("error", () => {});
  await client.connect();
  try {
    let waited = false;
    for (;;) {
      const [{ locked }] = (await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [PREPARATION_LOCK_KEY])).rows;
      if (locked) break;
      if (!waited) onWait?.();
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PREPARATION_LOCK_KEY]).catch(() => {});
    }
  } finally {
    // Closing the session releases the lock even when the unlock above could not be sent.
    await client.end().catch(() => {});
  }
}
