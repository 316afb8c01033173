import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import type net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { embeddedSocketPath, serveEmbeddedDatabase } from "../src/db/embedded-database-server";
import { PGlitePool } from "../src/db/pglite-pool";
import { silentLogger } from "../src/logging/logger";
import { createTestDatabase, usingServer } from "./support/test-database";
import { creditCodeFor } from "./support/directory";
import { runHub, startHubProcess } from "./support/hub-process";
import { documentIdOf } from "../src/domain/trusted-document";

/**
 * The `hub` commands run while `hub serve` runs, as an operator does: on PGlite the hub holds the embedded
 * database and serves it to them on a Unix socket in its directory; on a PostgreSQL server (TEST_DATABASE_URL)
 * they connect to the server as before. Either way each says which database it used, the registry is checked,
 * and the hub keeps answering while they run, several at once.
 */

let dataDir: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let child: ChildProcess | undefined;
let polling = false;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-beside-"));
  database = await createTestDatabase();
});
afterAll(async () => {
  polling = false;
  child?.kill("SIGKILL");
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HUB_DATA_DIR: dataDir, LOG_LEVEL: "warn", ...(database.url ? { DATABASE_URL: database.url } : {}), ...extra };
}

const hub = (args: string[]) => runHub(args, env());

async function graphql(url: string, query: string, token?: string): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query }) });
  return { status: response.status, body: await response.json() };
}

it("runs migrate, audit verify, export, import and token beside a running hub, which keeps answering and exits 0 on SIGTERM", async () => {
  // On an empty data directory, as an operator's first `hub serve`: it makes the database, migrates it and
  // loads the demo data (the only test of that start) before it serves.
  const started = await startHubProcess(env());
  child = started.child;
  const { url, exited } = started;

  const pgliteDir = path.join(dataDir, "pglite");
  const databaseLine = database.url
    ? `hub: database: PostgreSQL at ${new URL(database.url).hostname}:${new URL(database.url).port || 5432}${new URL(database.url).pathname}\n`
    : `hub: database: PGlite at ${pgliteDir}, through the running hub (pid ${child.pid})\n`;
  if (!usingServer()) expect(fs.existsSync(embeddedSocketPath(pgliteDir))).toBe(true);

  // The public directory, asked for over and over while the commands run: every answer must be complete.
  let answered = 0;
  const failures: string[] = [];
  polling = true;
  const poller = (async () => {
    while (polling) {
      const res = await graphql(url, "{ institutions(first: 5) { totalCount edges { node { name } } } }").catch((error: Error) => ({ status: 0, body: { error: error.message } }));
      if (res.status === 200 && !res.body.errors && res.body.data.institutions.totalCount >= 3) answered += 1;
      else failures.push(JSON.stringify(res));
    }
  })();

  const creditCode = creditCodeFor("411502", 4242);
  const file = path.join(dataDir, "institutions.csv");
  fs.writeFileSync(file, `名称,统一社会信用代码,行政区划代码,技术领域\n旁路导入鉴定所,${creditCode},411502,专利\n`);
  // The commands that write nothing run at once; the import, after its dry run.
  const [migrate, audit, exported, dryRun, nope, court, bureau] = await Promise.all([
    hub(["migrate"]),
    hub(["audit", "verify"]),
    hub(["export", "institutions", "--agency", "XY-COURT"]),
    hub(["import", "institutions", file, "--agency", "XY-AMR", "--dry-run"]),
    hub(["token", "--agency", "NOPE"]),
    hub(["token", "--agency", "XY-COURT"]),
    hub(["token", "--agency", "XY-AMR"]),
  ]);
  const imported = await hub(["import", "institutions", file, "--agency", "XY-AMR"]);

  expect(migrate).toEqual({ code: 0, stdout: "no pending migrations\n", stderr: databaseLine });

  expect(audit.code).toBe(0);
  expect(audit.stdout).toMatch(/^audit log intact: \d+ entries/);
  expect(audit.stderr).toBe(databaseLine);

  expect(exported.code).toBe(0);
  expect(exported.stdout.startsWith("\ufeff名称,统一社会信用代码")).toBe(true);
  expect(exported.stderr).toBe(databaseLine);

  expect(dryRun).toEqual({ code: 0, stdout: "institutions: 1 rows read (utf-8); 1 would be created, 0 would be updated, 0 unchanged, 0 rejected (dry run: nothing written)\n", stderr: databaseLine });
  expect(imported).toEqual({ code: 0, stdout: "institutions: 1 rows read (utf-8); 1 were created, 0 were updated, 0 unchanged, 0 rejected\n", stderr: databaseLine });

  expect(nope).toEqual({ code: 1, stdout: "", stderr: `${databaseLine}hub: no client system default of agency NOPE in the registry\n` });

  expect(court.code).toBe(0);
  expect(court.stderr).toBe(databaseLine);
  const me = await graphql(url, "{ me { agency { code } } }", court.stdout.trim());
  expect(me).toMatchObject({ status: 200, body: { data: { me: { agency: { code: "XY-COURT" } } } } });

  // What the command wrote through the socket, the hub reads at once.
  expect(bureau.code).toBe(0);
  const institution = await graphql(url, `{ institution(creditCode: "${creditCode}") { name regionCode } }`, bureau.stdout.trim());
  expect(institution.body.data).toEqual({ institution: { name: "旁路导入鉴定所", regionCode: "411502" } });

  // A manifest registered from the command line: the running hub runs it by id at once.
  const document = "query CliManifest { me { agency { code } } }";
  const documentId = documentIdOf(document);
  const manifestFile = path.join(dataDir, "persisted-documents.json");
  fs.writeFileSync(manifestFile, JSON.stringify({ [documentId]: document }));
  const registered = await hub(["manifest", "register", "--agency", "XY-COURT", "--client", "default", manifestFile]);
  expect(registered).toEqual({ code: 0, stdout: "manifest of XY-COURT/default: version 1, 1 documents (1 added, 0 removed)\n", stderr: databaseLine });
  const listed = await hub(["manifest", "list", "--agency", "XY-COURT"]);
  expect(listed.stdout).toContain("XY-COURT/default\t1\t1\n");
  const byId = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${court.stdout.trim()}` }, body: JSON.stringify({ documentId }) });
  expect(await byId.json()).toMatchObject({ data: { me: { agency: { code: "XY-COURT" } } } });

  polling = false;
  await poller;
  expect(failures).toEqual([]);
  expect(answered).toBeGreaterThan(0);

  child.kill("SIGTERM");
  expect(await exited).toEqual({ code: 0, signal: null });
  child = undefined;
  expect(fs.existsSync(embeddedSocketPath(pgliteDir))).toBe(false);
  expect(fs.existsSync(path.join(pgliteDir, "hub.pid"))).toBe(false);
}, 420_000);

describe("the embedded database's socket", () => {
  let dir: string;
  let served: Awaited<ReturnType<typeof serveEmbeddedDatabase>>;
  const pool = () => new PGlitePool({ pgliteDataDir: dir });
  /** A statement through the process's own pool, as the hub's requests run. */
  const inProcess = (sql: string): Promise<any> =>
    new Promise((resolve, reject) =>
      pool().connect((error, client, release) => {
        if (error) return reject(error);
        client!.query(sql).then(
          (result) => {
            release!();
            resolve(result);
          },
          (failure) => {
            release!();
            reject(failure);
          },
        );
      }),
    );
  const connect = async () => {
    const client = new Client({ host: dir, user: "postgres", database: "postgres" });
    client.on("error", () => {});
    await client.connect();
    return client;
  };
  const settle = () => new Promise((r) => setTimeout(r, 150));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-socket-"));
    await inProcess("CREATE TABLE t (id int PRIMARY KEY)");
    served = await serveEmbeddedDatabase(dir, silentLogger(), { idleInTransactionMs: 1000 });
  });
  afterAll(async () => {
    await served?.stop();
    await PGlitePool.close(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the hub's statements out of a client's open transaction", async () => {
    const client = await connect();
    await client.query("BEGIN");
    await client.query("INSERT INTO t VALUES (1)");
    let hubDone = false;
    const hubWrite = inProcess("INSERT INTO t VALUES (2)").then(() => (hubDone = true));
    await settle();
    expect(hubDone).toBe(false);
    await client.query("ROLLBACK");
    await hubWrite;
    expect((await inProcess("SELECT id FROM t ORDER BY id")).rows).toEqual([{ id: 2 }]);
    await client.end();
  });

  it("keeps a client's statements out of the hub's open transaction", async () => {
    const client = await connect();
    let count: Promise<any> | undefined;
    await new Promise<void>((resolve) =>
      pool().connect(async (_error, own, release) => {
        await own!.query("BEGIN");
        await own!.query("INSERT INTO t VALUES (3)");
        count = client.query("SELECT count(*)::int AS n FROM t");
        await settle();
        await own!.query("ROLLBACK");
        release!();
        resolve();
      }),
    );
    expect((await count!).rows).toEqual([{ n: 1 }]);
    await client.end();
  });

  it("serves several clients at once, each statement whole", async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    await Promise.all([a.query("INSERT INTO t VALUES ($1)", [10]), b.query("INSERT INTO t VALUES ($1)", [11]), inProcess("INSERT INTO t VALUES (12)")]);
    await expect(a.query("SELECT nope")).rejects.toThrow(/column "nope" does not exist/);
    expect((await b.query("SELECT array_agg(id ORDER BY id) AS ids FROM t")).rows).toEqual([{ ids: [2, 10, 11, 12] }]);
    await Promise.all([a.end(), b.end()]);
  });

  it("rolls back a client that disconnects, or idles, inside a transaction", async () => {
    const gone = await connect();
    await gone.query("BEGIN");
    await gone.query("INSERT INTO t VALUES (20)");
    (gone as unknown as { connection: { stream: net.Socket } }).connection.stream.destroy();
    const idle = await connect();
    await idle.query("BEGIN");
    await idle.query("INSERT INTO t VALUES (21)");
    const started = Date.now();
    expect((await inProcess("SELECT array_agg(id ORDER BY id) AS ids FROM t")).rows).toEqual([{ ids: [2, 10, 11, 12] }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await expect(idle.query("SELECT 1")).rejects.toThrow();
  });
});
