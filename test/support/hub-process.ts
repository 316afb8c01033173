import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { PGlitePool } from "../../src/db/pglite-pool";
import { copyTemplateKeys, createTestDatabase, TestDatabase } from "./test-database";

/** The compiled `hub` command (npm test builds it first). */
export const CLI = path.join(__dirname, "..", "..", "bin", "hub.js");

export interface HubResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `hub <args>` in a child process with exactly `env`, without blocking the test's event loop: several
 * commands can run at once, and a hub can be queried meanwhile.
 */
export function runHub(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<HubResult> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    proc.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    proc.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => proc.kill("SIGKILL"), timeoutMs);
    proc.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A data directory and database as `hub serve` leaves them after its first start on an empty one (migrated,
 * reference and demo data, development keys), copied from the run's template (`global-setup.js`) in a
 * fraction of the time that start takes: on PGlite restored into `<dataDir>/pglite`, on a PostgreSQL server
 * (TEST_DATABASE_URL) a copy of the template database there.
 */
export async function preparedHubData(prefix: string): Promise<{ dataDir: string; database: TestDatabase }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  copyTemplateKeys(dataDir);
  const database = await createTestDatabase({ seeded: true });
  if (database.target.kind === "pglite") {
    const pgliteDir = path.join(dataDir, "pglite");
    await PGlitePool.open(pgliteDir, database.target.restoreFrom);
    await PGlitePool.close(pgliteDir);
  }
  return { dataDir, database };
}

/**
 * Runs `work` with a `query` on the database of a hub that is not running, in plain SQL as an administrator
 * would: `<dataDir>/pglite`, or the server's `database` (TEST_DATABASE_URL).
 */
export async function withHubDatabase<T>(database: TestDatabase, dataDir: string, work: (query: (sql: string) => Promise<any[]>) => Promise<T>): Promise<T> {
  if (database.url) {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return await work(async (sql) => (await client.query(sql)).rows);
    } finally {
      await client.end();
    }
  }
  const pgliteDir = path.join(dataDir, "pglite");
  try {
    const db = await PGlitePool.open(pgliteDir);
    return await work(async (sql) => (await db.query(sql)).rows);
  } finally {
    await PGlitePool.close(pgliteDir);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface HubProcess {
  child: ChildProcess;
  url: string;
  /** What the hub wrote on stderr (its JSON log) so far. */
  log(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `hub serve` in a child process on a free loopback port, as an operator runs it (optionally under a wrapper
 * such as `unshare`), resolved once `/readyz` answers 200.
 */
export async function startHubProcess(env: NodeJS.ProcessEnv, options: { wrapper?: string[]; timeoutMs?: number } = {}): Promise<HubProcess> {
  const hub = await spawnHubProcess(env, options);
  await untilReady(hub, options.timeoutMs);
  return hub;
}

/** `hub serve` in a child process on a free loopback port, resolved once it is spawned (to watch its start). */
export async function spawnHubProcess(env: NodeJS.ProcessEnv, options: { wrapper?: string[] } = {}): Promise<HubProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const [command, ...args] = [...(options.wrapper ?? []), process.execPath, CLI, "serve"];
  const child = spawn(command, args, { env: { ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr!.on("data", (chunk) => (log += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { child, url, log: () => log, exited };
}

/** Resolves once the hub's `/readyz` answers 200; fails when it exits first or `timeoutMs` passes. */
export async function untilReady(hub: HubProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await fetch(`${hub.url}/readyz`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status === 200, () => false);
    if (ready) return;
    if (Date.now() > deadline || hub.child.exitCode !== null || hub.child.signalCode !== null) throw new Error(`the hub did not become ready:\n${hub.log()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
