import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { loadSigningKey } from "../../src/auth/signing-key";
import { issueToken } from "../../src/auth/token";
import { loadConfig } from "../../src/config/config";
import { HubProcess, runHub, startHubProcess, untilReady } from "../support/hub-process";
import { postgresBinaries, startThrowawayCluster, ThrowawayCluster } from "../support/throwaway-cluster";
import { byCaseNumber, graphqlAt, HttpAnswer, outcomeOf, sendWrite, settle, sleep, Write } from "../support/write-load";

/**
 * The hub (`hub serve`, a real process) on a PostgreSQL cluster of this file's own, which it stops, restarts
 * and freezes under load. While the database cannot answer, every request that needs it answers HTTP 503
 * `SERVICE_UNAVAILABLE` with `Retry-After` (anonymous reads too), never 500 or `INTERNAL_SERVER_ERROR`, and
 * within the configured bounds when the database hangs; every write the hub acknowledged is stored exactly
 * once, a retry with the same idempotency key never writes twice, and the audit chain verifies afterwards.
 */
const binaries = postgresBinaries();
if (!binaries) {
  // eslint-disable-next-line no-console
  console.warn("test/faults/outage.test.ts skipped: PostgreSQL's initdb and pg_ctl were not found (install Debian's postgresql package, as .ci/run does)");
}
const describeWithCluster = binaries ? describe : describe.skip;

/** Bounds configured for the test hub: a frozen database is noticed within these. */
const CONNECT_TIMEOUT_MS = 1000;
const QUERY_TIMEOUT_MS = 2000;
const READYZ_TIMEOUT_MS = 1000;

const ANONYMOUS_READ = `{ institutions(first: 5) { edges { node { id name } } } }`;
const COURT_READ = `{ appraisers(first: 5) { edges { node { id name } } } }`;

interface Answer extends HttpAnswer {
  kind: "anonymous read" | "court read" | "write";
  /** ms since the load started, when the request was sent and when its answer came. */
  sent: number;
  answered: number;
}

let cluster: ThrowawayCluster | undefined;
let hub: HubProcess | undefined;
let dataDir: string;
let courtToken: string;
let appraiserIds: string[];

const hubEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HUB_DATA_DIR: dataDir,
  DATABASE_URL: cluster!.url,
  LOG_LEVEL: "warn",
  HUB_DB_POOL_SIZE: "5",
  HUB_DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
  HUB_DB_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
  HUB_DB_STATEMENT_TIMEOUT_MS: "1500",
  HUB_READYZ_TIMEOUT_MS: String(READYZ_TIMEOUT_MS),
  HUB_AUDIT_FLUSH_MS: "100",
  // Budgets far above what this load spends: this file is about the database.
  HUB_RATE_LIMIT_CLIENT_POINTS: "1000000000",
  HUB_RATE_LIMIT_ANONYMOUS_POINTS: "1000000000",
});

const graphql = (query: string, variables: Record<string, unknown> | undefined, token: string | undefined, timeoutMs?: number) => graphqlAt(hub!.url, query, variables, token, timeoutMs);

/** Every feedback whose case number starts with `prefix`, by case number. */
async function storedWrites(prefix: string): Promise<Map<string, string[]>> {
  const client = new Client({ connectionString: cluster!.url, connectionTimeoutMillis: 15_000 });
  await client.connect();
  try {
    return byCaseNumber((await client.query(`SELECT agency_case_no, id FROM case_feedback WHERE agency_case_no LIKE $1`, [`${prefix}%`])).rows);
  } finally {
    await client.end();
  }
}

/** Whether the server session `pid` has ended, waiting for it up to 3 s. */
async function sessionEnded(pid: number): Promise<boolean> {
  const client = new Client({ connectionString: cluster!.url, connectionTimeoutMillis: 15_000 });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 15; attempt++) {
      const { rows } = await client.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pid]);
      if (rows.length === 0) return true;
      await sleep(200);
    }
    return false;
  } finally {
    await client.end();
  }
}

/** Every other session of the cluster: its application, state, what it waits on and its statement (for a failure's message). */
async function sessionsNow(): Promise<unknown[]> {
  const client = new Client({ connectionString: cluster!.url, connectionTimeoutMillis: 15_000 });
  await client.connect();
  try {
    return (await client.query(`SELECT pid, application_name, state, wait_event_type, wait_event, now() - xact_start AS in_transaction, left(query, 200) AS query FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'`)).rows;
  } finally {
    await client.end();
  }
}

/** Waits until one of the hub's statements waits on a lock (3 s at most); answers its server session's pid. */
async function untilWaitingOnLock(): Promise<number> {
  const client = new Client({ connectionString: cluster!.url, connectionTimeoutMillis: 15_000 });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 60; attempt++) {
      const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = 'appraisal-hub' AND wait_event_type = 'Lock'`);
      if (rows.length > 0) return rows[0].pid;
      await sleep(50);
    }
    throw new Error("the write never waited on the test's lock");
  } finally {
    await client.end();
  }
}

/**
 * Runs one stage of a test within `ms`; past it, fails naming the stage with the end of the hub's log, so a
 * stage that hangs says which one it was instead of Jest's bare timeout for the whole test.
 */
/** The stage a test is in, for the message of a test that overruns its whole bound (`bounded`). */
let inStage = "none yet";

async function stage<T>(label: string, ms: number, work: () => Promise<T>): Promise<T> {
  inStage = label;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`stage "${label}" took over ${ms} ms; the hub's log ends:\n${hub!.log().split("\n").slice(-30).join("\n")}`)), ms);
  });
  try {
    return await Promise.race([work(), late]);
  } catch (error) {
    // Named, whatever failed in it (a connection that timed out says only "timeout expired").
    const message = (error as Error).message;
    throw new Error(message.startsWith("stage ") ? message : `stage "${label}" failed: ${message}`);
  } finally {
    clearTimeout(timer);
  }
}


/**
 * The frozen-database test hung, twice in about ten full runs and only beside the whole suite, past its bound
 * without any of its stages overrunning (before the test's own statements were bounded too). Until the cause is
 * known, a failed attempt is logged and tried once more: every step is re-runnable (the write's key makes the
 * retry a replay), and the log of the first attempt says in which stage it was.
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true });

describeWithCluster("PostgreSQL faults under load", () => {
  beforeAll(async () => {
    cluster = await startThrowawayCluster(binaries!);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-outage-"));
    // What an operator's first start does (migrations, demo data, development keys), with the default bounds.
    const init = await runHub(["init"], { PATH: process.env.PATH, HUB_DATA_DIR: dataDir, DATABASE_URL: cluster.url, LOG_LEVEL: "warn" }, 180_000);
    if (init.code !== 0) throw new Error(`hub init failed:\n${init.stderr}`);
    hub = await startHubProcess(hubEnv());
    const config = loadConfig({ HUB_DATA_DIR: dataDir });
    courtToken = await issueToken(await loadSigningKey(config, { create: false }), config.jwt, { agencyCode: "XY-COURT", clientName: "default", scopes: [], lifetimeSeconds: 3600 });
    const read = await graphql(COURT_READ, undefined, courtToken);
    appraiserIds = read.body.data.appraisers.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(appraiserIds.length).toBeGreaterThan(0);
  }, 300_000);

  afterAll(async () => {
    cluster?.thaw();
    if (hub && hub.child.exitCode === null) {
      hub.child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([hub.exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
      clearTimeout(timer);
      hub.child.kill("SIGKILL");
    }
    await cluster?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("answers 503 SERVICE_UNAVAILABLE with Retry-After to every request while PostgreSQL is down and restarting, and stores every acknowledged write exactly once", async () => {
    const started = Date.now();
    const now = () => Date.now() - started;
    const answers: Answer[] = [];
    const writes: Write[] = [];
    let running = true;
    const outage: { from?: number; to?: number } = {};

    const worker = async (kind: Answer["kind"], index: number) => {
      while (running) {
        const sent = now();
        let answer: HttpAnswer;
        try {
          if (kind === "write") {
            const write: Write = { key: `outage-${index}-${writes.length}`, agencyCaseNo: `OUTAGE-${index}-${writes.length}`, appraiserId: appraiserIds[writes.length % appraiserIds.length] };
            writes.push(write);
            answer = await sendWrite(hub!.url, courtToken, write, 15_000);
          } else {
            answer = await graphql(kind === "anonymous read" ? ANONYMOUS_READ : COURT_READ, undefined, kind === "court read" ? courtToken : undefined, 15_000);
          }
        } catch (error) {
          answer = { status: 0, codes: [`no answer: ${(error as Error).message}`], retryAfter: null, body: undefined };
        }
        answers.push({ kind, ...answer, sent, answered: now() });
        await sleep(30);
      }
    };
    const load = [worker("write", 0), worker("write", 1), worker("anonymous read", 2), worker("anonymous read", 3), worker("court read", 4)];
    try {
      await sleep(1500);
      await cluster!.stop();
      outage.from = now();
      await sleep(3000);
      outage.to = now();
      await cluster!.start();
      await sleep(2500);
    } finally {
      running = false;
      await Promise.all(load);
      cluster!.thaw();
    }

    // Nothing but successes and 503 SERVICE_UNAVAILABLE with Retry-After: no 500, no INTERNAL_SERVER_ERROR.
    const outcomes = new Map<string, number>();
    for (const answer of answers) outcomes.set(`${answer.kind}: ${outcomeOf(answer)}`, (outcomes.get(`${answer.kind}: ${outcomeOf(answer)}`) ?? 0) + 1);
    const wrong = [...outcomes.keys()].filter((outcome) => !outcome.endsWith(": ok") && !outcome.endsWith(": 503 SERVICE_UNAVAILABLE retry-after:set"));
    // (The hub's log lines of internal errors, if any, say what failed.)
    const internal = hub!.log().split("\n").filter((line) => line.includes('"msg":"internal error"'));
    expect({ wrong, outcomes: Object.fromEntries(outcomes), internal }).toEqual({ wrong: [], outcomes: expect.anything(), internal: [] });

    // Every request sent and answered while the server was down was refused that way, anonymous reads included.
    const during = answers.filter((a) => a.sent >= outage.from! && a.answered <= outage.to!);
    expect(during.filter((a) => a.kind === "anonymous read").length).toBeGreaterThan(0);
    expect(during.filter((a) => a.kind === "write").length).toBeGreaterThan(0);
    expect(during.map(outcomeOf).filter((o) => o !== "503 SERVICE_UNAVAILABLE retry-after:set")).toEqual([]);

    // The hub served before the outage and serves again after it.
    expect(answers.some((a) => a.answered < outage.from! && a.kind === "write" && outcomeOf(a) === "ok")).toBe(true);
    await untilReady(hub!, 30_000);

    // Writes not acknowledged are retried with their key; then each is stored once, as acknowledged.
    const acknowledgedDuringLoad = writes.filter((w) => w.acknowledged).length;
    expect(acknowledgedDuringLoad).toBeGreaterThan(0);
    await settle(hub!.url, courtToken, writes);
    const stored = await storedWrites("OUTAGE-");
    expect([...stored.keys()].sort()).toEqual(writes.map((w) => w.agencyCaseNo).sort());
    for (const write of writes) expect({ write: write.key, ids: stored.get(write.agencyCaseNo) }).toEqual({ write: write.key, ids: [write.acknowledged] });

    const verify = await runHub(["audit", "verify"], hubEnv());
    expect({ code: verify.code, stderr: verify.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
  }, 180_000);

  it("answers /readyz 503 within its bound while PostgreSQL is stopped", async () => {
    await untilReady(hub!, 30_000);
    await cluster!.stop();
    try {
      const sent = Date.now();
      const status = await fetch(`${hub!.url}/readyz`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.status, () => 0);
      expect({ status, withinBound: Date.now() - sent < READYZ_TIMEOUT_MS + 1000 }).toEqual({ status: 503, withinBound: true });
    } finally {
      await cluster!.start();
    }
    await untilReady(hub!, 30_000);
  }, 60_000);

  it("behind a frozen database answers 503 within the connection and query bounds, drops the connection it gave up on, and a retried write is stored once", async () => {
    // Every await below is a stage with its own bound; should the test still overrun, this says in which stage.
    const overrun = setTimeout(() => process.stderr.write(`outage test: still running after 280 s, in stage "${inStage}"\n`), 280_000);
    try {
      await frozenDatabase();
    } finally {
      clearTimeout(overrun);
    }
  }, 300_000);

  async function frozenDatabase(): Promise<void> {
    // A hub of its own: the tests before stopped and restarted the database under the first one (the first
    // test checks that recovery); what this test measures is the bounds of requests caught by a freeze. (Under
    // load, a hub giving up on connections after 1 s once never connected again after a restart: every attempt
    // was abandoned before the server had rebuilt its relation cache. SECURITY.md, known limits; the cluster
    // now warms up after each start.)
    await stage("a hub of its own", 90_000, async () => {
      const previous = hub!;
      previous.child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([previous.exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
      clearTimeout(timer);
      previous.child.kill("SIGKILL");
      hub = await startHubProcess(hubEnv(), { timeoutMs: 60_000 });
    });
    await stage("ready before the freeze", 35_000, () => untilReady(hub!, 30_000));
    const write: Write = { key: "frozen-1", agencyCaseNo: "FROZEN-1", appraiserId: appraiserIds[0] };
    const timed = async <T>(work: () => Promise<T>) => {
      const sent = Date.now();
      const result = await work().catch((error: Error) => ({ failed: error.message }));
      return { result, ms: Date.now() - sent };
    };
    // The write is caught mid-transaction by the partition: it waits on a lock this test holds (its START
    // TRANSACTION done, its first INSERT waiting) when the server freezes.
    // The test's own lock wait is bounded too: a session of the hub still holding a lock on the table (an
    // open transaction left behind) fails the test naming it, instead of hanging it until Jest gives up.
    // Bounded on the client's side too (query_timeout): a statement a frozen server never answers gives up.
    const locker = new Client({ connectionString: cluster!.url, connectionTimeoutMillis: 15_000, query_timeout: 20_000, options: "-c lock_timeout=10000 -c statement_timeout=15000" });
    await stage("the test's own connection", 20_000, () => locker.connect());
    let answers: Array<{ result: any; ms: number }>;
    let writeSession: number;
    try {
      await stage("the test's lock on idempotency_keys", 25_000, async () => {
        await locker.query("BEGIN");
        await locker.query("LOCK TABLE idempotency_keys IN SHARE MODE").catch(async (error: Error) => {
          throw new Error(`the test could not lock idempotency_keys (${error.message}); the server's sessions then: ${JSON.stringify(await sessionsNow())}`);
        });
      });
      const writing = timed(() => sendWrite(hub!.url, courtToken, write, 12_000));
      writeSession = await stage("the write waits on the lock", 20_000, () => untilWaitingOnLock());
      cluster!.freeze();
      try {
        // The hub's own bounds must answer long before the test's own (12 s) gives up on a request.
        answers = await stage("answers while frozen", 20_000, () =>
          Promise.all([
            timed(() => fetch(`${hub!.url}/readyz`, { signal: AbortSignal.timeout(12_000) }).then((r) => ({ status: r.status }))),
            writing,
            timed(() => graphql(ANONYMOUS_READ, undefined, undefined, 12_000)),
            timed(() => graphql(COURT_READ, undefined, courtToken, 12_000)),
          ]),
        );
      } finally {
        cluster!.thaw();
      }
    } finally {
      await stage("the test's rollback", 25_000, async () => {
        await locker.query("ROLLBACK").catch(() => undefined);
        await locker.end().catch(() => undefined);
      }).catch(async (error: Error) => {
        throw new Error(`${error.message}\nthe server's sessions then: ${JSON.stringify(await sessionsNow().catch(() => "unknown"))}`);
      });
    }
    const [readyz, ...requests] = answers;
    expect({ status: readyz.result.status, withinBound: readyz.ms < READYZ_TIMEOUT_MS + 1000 }).toEqual({ status: 503, withinBound: true });
    // At most a wait for a connection and two queries that each time out (the request's, and its rollback's or a loader's), plus slack.
    const bound = CONNECT_TIMEOUT_MS + 2 * QUERY_TIMEOUT_MS + 2000;
    for (const request of requests) {
      expect({ outcome: request.result.failed ?? outcomeOf(request.result), withinBound: request.ms < bound }).toEqual({ outcome: "503 SERVICE_UNAVAILABLE retry-after:set", withinBound: true });
    }

    // The connection whose query timed out was dropped, not pooled: its server session ends once thawed (kept,
    // the next request would run inside the transaction the write began, and commit it).
    expect(await stage("the dropped session ends", 30_000, () => sessionEnded(writeSession!))).toBe(true);
    // Thawed, the hub serves again; the write that timed out is retried with its key and stored once.
    await stage("ready after the thaw", 35_000, () => untilReady(hub!, 30_000));
    await stage("the retried write is acknowledged", 30_000, () => settle(hub!.url, courtToken, [write]));
    const stored = await stage("reading what was stored", 25_000, () => storedWrites("FROZEN-"));
    expect(stored.get("FROZEN-1")).toEqual([write.acknowledged]);
    const verify = await stage("hub audit verify", 60_000, () => runHub(["audit", "verify"], hubEnv()));
    expect(verify.code).toBe(0);
  }
});
