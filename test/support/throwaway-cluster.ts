import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./hub-process";
import { Client } from "pg";

/**
 * A PostgreSQL cluster of a test's own (`initdb` in a temporary directory, on a free loopback port), for the
 * fault tests that stop, restart or freeze the database: the machine's shared server (127.0.0.1:5432) is never
 * touched. Needs PostgreSQL's server binaries (Debian's `postgresql` package, which `.ci/run` installs); when
 * they are missing, `postgresBinaries()` is undefined and the tests that need a cluster are skipped.
 */
export interface ThrowawayCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, trust authentication. */
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: connections are terminated (57P01), new ones refused until `start`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /**
   * SIGSTOP to the postmaster and every backend: connections stay open and new ones are accepted by the
   * kernel, but nothing answers, as behind a network partition. `thaw` (SIGCONT) undoes it.
   */
  freeze(): void;
  thaw(): void;
  /** Thaws, stops it immediately and removes its directory. */
  destroy(): Promise<void>;
}

export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
  /** Beside them in Debian's packages (postgresql-client, which postgresql needs); undefined when missing. */
  pgBasebackup: string | undefined;
}

/** `initdb` and `pg_ctl` (and `pg_basebackup`) of the newest PostgreSQL under /usr/lib/postgresql, else on PATH; undefined when none. */
export function postgresBinaries(): PostgresBinaries | undefined {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const dirs = [...versions.map((version) => path.join(root, version, "bin")), ...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean)];
  for (const bin of dirs) {
    if (fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl"))) {
      const pgBasebackup = path.join(bin, "pg_basebackup");
      return { initdb: path.join(bin, "initdb"), pgCtl: path.join(bin, "pg_ctl"), pgBasebackup: fs.existsSync(pgBasebackup) ? pgBasebackup : undefined };
    }
  }
  return undefined;
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to `postgres` (else `nobody`). */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    try {
      const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
      if (Number.isInteger(uid) && Number.isInteger(gid)) return { uid, gid };
    } catch {
      // no such user
    }
  }
  throw new Error("running as root, and neither a postgres nor a nobody user exists to own a PostgreSQL cluster");
}

function run(command: string, args: string[], user: { uid: number; gid: number } | undefined, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], ...(user ?? {}), env: { PATH: process.env.PATH, LANG: "C", LC_ALL: "C" } });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} exited ${code}: ${stderr}`));
    });
  });
}

/** The postmaster's pid (first line of postmaster.pid) and its children (backends, checkpointer, …). */
function serverProcesses(dataDir: string): number[] {
  let postmaster: number;
  try {
    postmaster = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return [];
  }
  if (!Number.isInteger(postmaster) || postmaster <= 0) return [];
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === postmaster) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return [postmaster, ...children];
}

/** Makes and starts a cluster; `destroy()` it in `afterAll`. */
export async function startThrowawayCluster(binaries: PostgresBinaries, prefix = "hub-pg-"): Promise<ThrowawayCluster> {
  const user = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const dataDir = path.join(dir, "data");
  await run(binaries.initdb, ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], user, 120_000);
  return serveCluster(binaries, dir, user);
}

/**
 * A hot standby of `primary` (`pg_basebackup -R -X stream` from it, started on another free port), streaming
 * its changes as they commit: a read replica. `initdb -A trust` let replication connections in from
 * loopback, and the default `wal_level` (replica) is what streaming needs. `SELECT pg_wal_replay_pause()`
 * on it holds what it shows, `pg_wal_replay_resume()` lets it catch up.
 */
export async function startStreamingReplica(binaries: PostgresBinaries, primary: ThrowawayCluster, prefix = "hub-pg-replica-"): Promise<ThrowawayCluster> {
  if (!binaries.pgBasebackup) throw new Error("pg_basebackup was not found beside initdb (Debian's postgresql-client package)");
  const user = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const dataDir = path.join(dir, "data");
  await run(binaries.pgBasebackup, ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", dataDir, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"], user, 180_000);
  return serveCluster(binaries, dir, user);
}

/** Starts the cluster in `<dir>/data` on a free loopback port, its socket and log in `dir`. */
async function serveCluster(binaries: PostgresBinaries, dir: string, user: { uid: number; gid: number } | undefined): Promise<ThrowawayCluster> {
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  // Durability across a crash is not what these tests are about: a clean stop writes everything anyway.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50 -c shared_buffers=32MB`;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  // After a start the first connection rebuilds the server's relation cache file, slowly on a loaded machine. A
  // hub under test gives up on connections after 1 s: were every attempt abandoned that soon, the file would
  // never be written and no connection would ever succeed. One patient connection writes it first.
  const start = async () => {
    await run(binaries.pgCtl, ["-D", dataDir, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "-o", options, "start"], user, 90_000);
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 60_000, query_timeout: 60_000 });
    await client.connect();
    try {
      await client.query("SELECT count(*) FROM pg_class");
    } finally {
      await client.end();
    }
  };
  const stop = (mode: "fast" | "immediate") => run(binaries.pgCtl, ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"], user, 90_000);
  let frozen: number[] = [];
  const thaw = () => {
    for (const pid of [...frozen, ...serverProcesses(dataDir)]) {
      try {
        process.kill(pid, "SIGCONT");
      } catch {
        // gone
      }
    }
    frozen = [];
  };
  await start();
  return {
    url,
    port,
    start,
    stop: () => stop("fast"),
    /**
     * Stops the postmaster first (so it starts no backend meanwhile), then its children. A backend that
     * exited between the listing and its signal is not there to freeze (ESRCH): in 1 of some 20 loaded runs
     * one did, the freeze threw with the rest already stopped, and the retried test met a frozen cluster.
     */
    freeze() {
      frozen = serverProcesses(dataDir);
      try {
        for (const pid of frozen) {
          try {
            process.kill(pid, "SIGSTOP");
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
          }
        }
      } catch (error) {
        thaw();
        throw error;
      }
    },
    thaw,
    async destroy() {
      thaw();
      if (fs.existsSync(path.join(dataDir, "postmaster.pid"))) await stop("immediate").catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
