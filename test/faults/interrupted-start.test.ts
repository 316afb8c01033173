import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { AuditTrail } from "../../src/audit/audit-trail";
import { loadPiiVault } from "../../src/auth/pii-vault";
import { loadConfig } from "../../src/config/config";
import { describeSqlError } from "../../src/db/database-errors";
import { migrate, openDatabase } from "../../src/db/database";
import { silentLogger } from "../../src/logging/logger";
import { seedDemo, syncRegions } from "../../src/seed/seed";
import { HubProcess, runHub, spawnHubProcess, startHubProcess, withHubDatabase } from "../support/hub-process";
import { onServer } from "../support/server-sql";
import { createTestDatabase, TestDatabase, usingServer } from "../support/test-database";

/**
 * Issue 15, finding 3: a first start interrupted during its demo load never completed the demo (the registry
 * committed, then no cases, feedback, trademarks or batches, for good), and a role over its connection limit
 * was reported as `… : 53300`. Real `hub serve` processes on a fresh database: PGlite in a data directory, or a
 * database of its own on the TEST_DATABASE_URL server.
 */

/** What a first start's demo load leaves (the run's template holds the same). */
const DEMO = { agencies: 14, institutions: 9, appraisers: 14, appraisal_cases: 3, case_feedback: 4, supervision_records: 2, collaboration_records: 1, credit_records: 5, credit_incentives: 1, abnormal_patent_batches: 2, custody_trademarks: 5, trademark_alerts: 3 };
/** What an earlier version committed before its demo cases: the registry and the directory, one transaction. */
const REGISTRY_ONLY = { ...DEMO, appraisal_cases: 0, case_feedback: 0, supervision_records: 0, collaboration_records: 0, credit_records: 0, credit_incentives: 0, abnormal_patent_batches: 0, custody_trademarks: 0, trademark_alerts: 0 };

async function counts(query: (sql: string) => Promise<any[]>): Promise<Record<string, number>> {
  const [row] = await query(`SELECT ${Object.keys(DEMO).map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(", ")}, (SELECT count(*)::int FROM audit_events) AS audit_events`);
  return row;
}

/**
 * Waits until a session holds a write lock on the audit queue (`audit-trail.ts`), which a transaction takes at
 * its first audit entry and keeps until it ends. Fails if the hub says it loaded the demo first.
 */
async function untilAuditQueueWritten(url: string, log: () => string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { rows } = await client.query(
        `SELECT 1 FROM pg_locks WHERE locktype = 'relation' AND relation = to_regclass('audit_queue') AND mode = 'RowExclusiveLock' AND granted AND pid <> pg_backend_pid()`,
      );
      if (rows.length > 0) return;
      if (/"msg":"demo data loaded"/.test(log()) || Date.now() > deadline) throw new Error(`the demo load ended before it could be interrupted:\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await client.end();
  }
}

/** Once a hub has exited, waits for the rest of its log (the pipe may still hold the last lines when the exit is seen). */
async function wholeLog(hub: HubProcess): Promise<void> {
  const stderr = hub.child.stderr!;
  if (!stderr.closed) await new Promise((resolve) => stderr.once("close", resolve));
}

describe("a first start interrupted during its demo load", () => {
  let dataDir: string;
  let database: TestDatabase;
  let hub: HubProcess | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-interrupted-"));
    database = await createTestDatabase();
  });
  afterAll(async () => {
    hub?.child.kill("SIGKILL");
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HUB_DATA_DIR: dataDir, LOG_LEVEL: "info", ...(database.url ? { DATABASE_URL: database.url } : {}) });
  const inDatabase = <T>(work: (query: (sql: string) => Promise<any[]>) => Promise<T>) => withHubDatabase(database, dataDir, work);

  it("leaves no demo data when killed or failed in the middle of its load, and the next start loads it whole, also after an earlier version left only the registry", async () => {
    const config = loadConfig(env());
    const inProcess = async (work: (dataSource: DataSource) => Promise<void>) => {
      const db = await openDatabase(config, silentLogger(), database.url ? { kind: "postgres", url: database.url } : { kind: "pglite", dataDir: path.join(dataDir, "pglite") });
      try {
        await work(db.dataSource);
      } finally {
        await db.close();
      }
    };
    const empty = { ...REGISTRY_ONLY, agencies: 0, institutions: 0, appraisers: 0 };

    // 1. A first start on a migrated, empty database, whose demo load the database fails in the middle: a trigger
    //    fails its last part (the trademarks, after the registry, the cases and the batches) as a broken disk would.
    await inProcess(async (dataSource) => {
      await migrate(dataSource);
      await dataSource.query(`CREATE FUNCTION fail_like_a_disk() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not write block (test)' USING ERRCODE = '58030'; END $$`);
      await dataSource.query(`CREATE TRIGGER fail_like_a_disk BEFORE INSERT ON custody_trademarks FOR EACH ROW EXECUTE FUNCTION fail_like_a_disk()`);
    });
    const failing = await startUntilDemoLoad(env());
    expect(failing.log()).toMatch(/"state":"empty","msg":"loading demo data"/);
    expect(await failing.exited).toEqual({ code: 1, signal: null });
    hub = undefined;
    await wholeLog(failing);
    const target = database.url ? `PostgreSQL at ${new URL(database.url).host}${new URL(database.url).pathname}` : `PGlite at ${path.join(dataDir, "pglite")}`;
    expect(failing.log()).not.toMatch(/^\s+at /m);
    expect(failing.log().split("\n").filter((line) => line.startsWith("hub: "))).toEqual([
      `hub: ${target} refused: the server had a system error (input or output); see its log (SQLSTATE 58030: could not write block (test))`,
    ]);
    // The load was one transaction: nothing of it stayed.
    expect(await inDatabase(counts)).toMatchObject({ ...empty, audit_events: 0 });

    if (database.url) {
      // 2. A first start killed (SIGKILL) in the middle of its demo load, as when the machine stops: once the load's
      //    transaction has written the registry's audit entries (it holds a write lock on the audit queue from then
      //    until it ends), not before it began. (A hub on PGlite writes no log line while PGlite works, so only a server's
      //    locks say when it is in the middle; the trigger above interrupts it on both.)
      await inDatabase((query) => query(`DROP TRIGGER fail_like_a_disk ON custody_trademarks`));
      const killed = await startUntilDemoLoad(env());
      await untilAuditQueueWritten(database.url, () => killed.log());
      killed.child.kill("SIGKILL");
      hub = undefined;
      expect(await killed.exited).toEqual({ code: null, signal: "SIGKILL" });
      expect(killed.log()).not.toMatch(/"msg":"demo data loaded"/);
      expect(await inDatabase(counts)).toMatchObject({ ...empty, audit_events: 0 });
    }

    // 3. The state issue 15 found, which an earlier version left: the demo's first transaction (registry and
    //    directory) committed, the process gone before the demo cases. The seed's first step, run as it ran it.
    await inProcess(async (dataSource) => {
      await dataSource.query(`DROP TRIGGER IF EXISTS fail_like_a_disk ON custody_trademarks`);
      await dataSource.query(`DROP FUNCTION fail_like_a_disk()`);
      await syncRegions(dataSource);
      const trail = new AuditTrail(dataSource, { flushIntervalMs: 100, batchSize: 100 });
      await seedDemo(dataSource, trail, await loadPiiVault(config, dataSource, { createKeyFile: true, createDataKeys: true }));
      await trail.close();
    });
    expect(await inDatabase(counts)).toMatchObject(REGISTRY_ONLY);

    // 4. The next start loads the rest of the demo, once, and the audit chain is whole.
    hub = await startHubProcess(env());
    expect(hub.log()).toMatch(/"state":"incomplete","msg":"loading demo data"/);
    expect(hub.log()).toMatch(/"msg":"demo data loaded"/);
    hub.child.kill("SIGTERM");
    expect(await hub.exited).toEqual({ code: 0, signal: null });
    hub = undefined;
    expect(await inDatabase(counts)).toMatchObject(DEMO);
    const verified = await runHub(["audit", "verify"], env());
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/^audit log intact: \d+ entries/) });
  }, 300_000);

  /** `hub serve`, resolved once it says it is loading the demo data; fails if it becomes ready or exits first. */
  async function startUntilDemoLoad(hubEnv: NodeJS.ProcessEnv): Promise<HubProcess> {
    const started = await spawnHubProcess(hubEnv);
    hub = started;
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (started.child.exitCode !== null) await wholeLog(started);
      if (/"msg":"loading demo data"/.test(started.log())) return started;
      if (/"msg":"appraisal-hub listening"/.test(started.log())) throw new Error(`the hub started without loading the demo data (it found a database that holds data):\n${started.log()}`);
      if (started.child.exitCode !== null || Date.now() > deadline) throw new Error(`the hub did not start loading the demo data:\n${started.log()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});

describe("a start that PostgreSQL refuses", () => {
  it("says every SQLSTATE class in words, with the code and the server's message", () => {
    // One code of every class a start can meet; each gets a sentence, never the bare code.
    const sample = ["08006", "08P01", "0A000", "22023", "23505", "25006", "28000", "28P01", "3D000", "40001", "42501", "42P01", "53100", "53300", "54000", "55P03", "57014", "57P03", "58030", "F0000", "P0001", "XX000"];
    for (const code of sample) {
      const said = describeSqlError(Object.assign(new Error(`server says ${code}`), { code }));
      expect(said).toMatch(new RegExp(`^[a-z][^()]{12,}.*\\(SQLSTATE ${code}: server says ${code}\\)$`));
    }
    expect(describeSqlError(Object.assign(new Error("too many connections for role \"hub\""), { code: "53300" }))).toBe(
      'too many connections: the role, the database or the server is at its connection limit; stop other clients, raise the limit (the role\'s CONNECTION LIMIT, max_connections) or lower HUB_DB_POOL_SIZE (SQLSTATE 53300: too many connections for role "hub")',
    );
    // A system error's code is no SQLSTATE, even with five characters.
    expect(describeSqlError(Object.assign(new Error("operation not permitted"), { code: "EPERM" }))).toBeUndefined();
  });

  (usingServer() ? it : it.skip)("says in one line why: a role at its connection limit, a missing database, a role that may not log in, a role that may not create the hub's tables (PostgreSQL only)", async () => {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const roles = { limited: `hub_limit_${suffix}`, noLogin: `hub_nologin_${suffix}`, noDdl: `hub_noddl_${suffix}` };
    const databases = { fresh: `hub_start_${suffix}`, missing: `hub_missing_${suffix}` };
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-refused-"));
    const urlFor = (role: string, database: string) => {
      const url = new URL(serverUrl);
      url.username = role;
      url.password = "";
      url.pathname = `/${database}`;
      return url.toString();
    };
    const serve = (url: string) => runHub(["serve"], { PATH: process.env.PATH, HUB_DATA_DIR: dataDir, LOG_LEVEL: "info", DATABASE_URL: url }, 60_000);
    const where = (database: string) => `${new URL(serverUrl).hostname}:${new URL(serverUrl).port || 5432}/${database}`;
    const defaultDatabase = new URL(serverUrl).pathname.slice(1) || "postgres";
    await onServer(serverUrl, `CREATE ROLE ${roles.limited} LOGIN CONNECTION LIMIT 0`);
    await onServer(serverUrl, `CREATE ROLE ${roles.noLogin} NOLOGIN`);
    await onServer(serverUrl, `CREATE ROLE ${roles.noDdl} LOGIN`);
    // A new database's public schema lets only its owner create tables (PostgreSQL 15 and later; revoked here for earlier ones).
    await onServer(serverUrl, `CREATE DATABASE ${databases.fresh}`);
    await onServer(urlFor(new URL(serverUrl).username || "postgres", databases.fresh), `REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    try {
      const [limited, missing, noLogin, noDdl] = await Promise.all([
        serve(urlFor(roles.limited, defaultDatabase)),
        serve(urlFor(new URL(serverUrl).username || "postgres", databases.missing)),
        serve(urlFor(roles.noLogin, defaultDatabase)),
        serve(urlFor(roles.noDdl, databases.fresh)),
      ]);
      const refusal = (result: { code: number | null; stderr: string }) => {
        expect(result.code).toBe(1);
        // Among the JSON log lines: the one line the operator reads, and no stack trace.
        expect(result.stderr).not.toMatch(/^\s+at /m);
        return result.stderr.split("\n").filter((line) => line.startsWith("hub: "));
      };
      expect(refusal(limited)).toEqual([
        `hub: cannot connect to PostgreSQL at ${where(defaultDatabase)}: too many connections: the role, the database or the server is at its connection limit; stop other clients, raise the limit (the role's CONNECTION LIMIT, max_connections) or lower HUB_DB_POOL_SIZE (SQLSTATE 53300: too many connections for role "${roles.limited}")`,
      ]);
      expect(refusal(missing)).toEqual([
        `hub: cannot connect to PostgreSQL at ${where(databases.missing)}: the database does not exist: create it (createdb) or correct the database name in DATABASE_URL (SQLSTATE 3D000: database "${databases.missing}" does not exist)`,
      ]);
      expect(refusal(noLogin)).toEqual([
        `hub: cannot connect to PostgreSQL at ${where(defaultDatabase)}: the server rejected this role: pg_hba.conf allows it no connection from this host, or the role may not log in (SQLSTATE 28000: role "${roles.noLogin}" is not permitted to log in)`,
      ]);
      expect(refusal(noDdl)).toEqual([
        `hub: PostgreSQL at ${where(databases.fresh)} refused: the role lacks a privilege the hub needs (to connect to the database, or to create and change its tables): grant it, or connect as the database's owner (SQLSTATE 42501: permission denied for schema public)`,
      ]);
    } finally {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${databases.fresh} WITH (FORCE)`);
      for (const role of Object.values(roles)) await onServer(serverUrl, `DROP ROLE IF EXISTS ${role}`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
