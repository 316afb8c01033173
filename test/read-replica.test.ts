import { Client } from "pg";
import { parseLsn } from "../src/db/lsn";
import { graphql } from "./gql";
import { freePort } from "./support/hub-process";
import { PgRelay } from "./support/pg-relay";
import { redisAvailable, startRedis } from "./support/redis";
import { startTestHub, TestHub } from "./support/test-hub";
import { postgresBinaries, startStreamingReplica, startThrowawayCluster, ThrowawayCluster } from "./support/throwaway-cluster";

/**
 * Lists and statistics read from a PostgreSQL streaming replica (`DATABASE_REPLICA_URLS`), a caller's reads
 * after its own writes read them, and a replica that fails or stops costs no read: on a primary and a hot
 * standby of this file's own (`initdb`, then `pg_basebackup -R -X stream` on another port). The replica is
 * reached through a wire-protocol relay that counts the statements sent to it (the replica's polls aside), so
 * "served by the replica" is what reached it; pausing its replay (`pg_wal_replay_pause()`) and writing on the
 * primary with SQL, behind the hub's back, shows the same from the answers: a read served by the replica
 * does not see that write.
 */
const binaries = postgresBinaries();
if (!binaries?.pgBasebackup) {
  // eslint-disable-next-line no-console
  console.warn("test/read-replica.test.ts skipped: PostgreSQL's initdb, pg_ctl and pg_basebackup were not found (install Debian's postgresql package, as .ci/run does)");
}
const describeWithReplica = binaries?.pgBasebackup ? describe : describe.skip;
const withRedis = redisAvailable();

/** The replica's own polls (`db/replica-monitor.ts`), which the relay neither counts nor breaks. */
const REPLICA_POLL = "pg_last_wal_replay_lsn";

const INSTITUTIONS = graphql(`query ReplicaInstitutions { institutions(first: 100, filter: { regionCode: "411500" }) { edges { node { id name version } } } }`);
const INSTITUTION = graphql(`query ReplicaInstitution($id: ID!) { institution(id: $id) { name version } }`);
const STATISTICS = graphql(`query ReplicaStatistics { statistics(regionCode: "411500") { directory { institutionsByStatus { total } } } }`);
const RENAME = graphql(`mutation ReplicaRename($id: ID!, $v: Int!, $name: String!) { updateInstitution(id: $id, expectedVersion: $v, input: { name: $name }) { name version } }`);
const CREDIT_EXPORT = graphql(`query ReplicaCreditExport { creditExport(first: 10) { watermark rows { id } } }`);

let primary: ThrowawayCluster | undefined;
let replica: ThrowawayCluster | undefined;
let relay: PgRelay | undefined;
let redis: { url: string; stop(): void } | undefined;
let hub: TestHub;
/** The institution the tests rename, and the callers: the bureau that may edit it, the province bureau that only reads it. */
let institutionId: string;
const WRITER = "XY-AMR";
const READER = "HA-AMR";

/** One statement on a cluster, outside the hub. */
async function sql<T = Record<string, unknown>>(cluster: ThrowawayCluster, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: cluster.url, connectionTimeoutMillis: 15_000, query_timeout: 15_000 });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Retries `check` every 100 ms until it holds; past `ms`, fails naming what was awaited. */
async function until(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The institution's name in `as`'s list, and whether the replica answered the list (statements reached it). */
async function listed(as: string, via: TestHub = hub): Promise<{ name: string | undefined; fromReplica: boolean }> {
  const before = relay!.statements;
  const data = await via.data(INSTITUTIONS, { as });
  const name = data.institutions!.edges.find((edge) => edge.node.id === institutionId)?.node.name;
  return { name, fromReplica: relay!.statements > before };
}

/** Renames the institution on the primary with SQL, as nobody the hub knows. */
const renameBehindTheHub = (name: string) => sql(primary!, `UPDATE institutions SET name = $1 WHERE id = $2`, [name, institutionId]);

async function pauseReplay(): Promise<void> {
  await sql(replica!, `SELECT pg_wal_replay_pause()`);
  await until("the replica's replay to pause", 15_000, async () => (await sql<{ state: string }>(replica!, `SELECT pg_get_wal_replay_pause_state() AS state`))[0].state === "paused");
}

/** Resumes replay and waits until the replica has replayed everything the primary has flushed now. */
async function resumeReplay(): Promise<void> {
  await sql(replica!, `SELECT pg_wal_replay_resume()`);
  const [{ lsn }] = await sql<{ lsn: string }>(primary!, `SELECT pg_current_wal_insert_lsn()::text AS lsn`);
  const target = parseLsn(lsn)!;
  await until("the replica to catch up", 30_000, async () => (parseLsn((await sql<{ lsn: string }>(replica!, `SELECT pg_last_wal_replay_lsn()::text AS lsn`))[0].lsn) ?? 0n) >= target);
}

/** The count of `hub_lag_tolerant_reads_total` with these labels, from `/metrics`. */
async function readsCounted(via: TestHub, target: string, reason: string): Promise<number> {
  const text = await (await fetch(`${via.url}/metrics`)).text();
  const match = new RegExp(`^hub_lag_tolerant_reads_total\\{target="${target}",reason="${reason}"\\} (\\d+)$`, "m").exec(text);
  return match ? Number(match[1]) : 0;
}

/** A hub on the primary, reading from the replica through the relay. */
function hubOnThePrimary(replicaUrl: string, env: Record<string, string> = {}): Promise<TestHub> {
  const url = primary!.url;
  return startTestHub({
    env: {
      DATABASE_URL: url,
      DATABASE_REPLICA_URLS: replicaUrl,
      // Far above what a paused replica falls behind in a test: lag is not what these tests are about.
      HUB_REPLICA_MAX_LAG_MS: "120000",
      HUB_REPLICA_POLL_MS: "100",
      HUB_DB_CONNECT_TIMEOUT_MS: "2000",
      ...(redis ? { REDIS_URL: redis.url } : {}),
      ...env,
    },
    // The test's own cluster: the hub prepares it (migrations, demo data) on its first start; nothing to drop.
    database: { target: { kind: "postgres", url }, url, drop: async () => {} },
  });
}

describeWithReplica("read replicas", () => {
  let replicaUrl: string;

  beforeAll(async () => {
    primary = await startThrowawayCluster(binaries!, "hub-primary-");
    replica = await startStreamingReplica(binaries!, primary);
    relay = new PgRelay({ host: "127.0.0.1", port: replica.port }, REPLICA_POLL);
    replicaUrl = await relay.start(replica.url);
    if (withRedis) redis = await startRedis();
    hub = await hubOnThePrimary(replicaUrl);
    const bureau = await hub.data(INSTITUTIONS, { as: WRITER });
    institutionId = bureau.institutions!.edges[0].node.id;
    // The demo load reaches the replica, then the hub's polls find it has (it uses no replica behind its start).
    await until("a list served by the replica", 60_000, async () => (await listed(READER)).fromReplica);
  }, 600_000);

  afterAll(async () => {
    await hub?.stop();
    await relay?.stop();
    redis?.stop();
    await replica?.destroy();
    await primary?.destroy();
  }, 120_000);

  afterEach(async () => {
    // Whatever a test left paused or stopped, the next one starts from a streaming replica.
    relay!.breaking = false;
    await replica!.start().catch(() => {});
    await sql(replica!, `SELECT pg_wal_replay_resume()`).catch(() => {});
  }, 120_000);

  it("serves lists and statistics from the replica: a change the replica has not replayed is not in them until it has", async () => {
    await pauseReplay();
    await renameBehindTheHub("直写一");
    const before = await listed(READER);
    expect(before.fromReplica).toBe(true);
    expect(before.name).not.toBe("直写一");
    // A record looked up by id (what a change reads first) is read on the primary.
    expect((await hub.data(INSTITUTION, { as: READER, variables: { id: institutionId } })).institution!.name).toBe("直写一");
    const statements = relay!.statements;
    await hub.data(STATISTICS, { as: READER });
    expect(relay!.statements).toBeGreaterThan(statements);

    await resumeReplay();
    await until("the list to show the change", 15_000, async () => (await listed(READER)).name === "直写一");
  }, 120_000);

  it("shows a caller its own write at once (from the primary) while another caller's list, from the replica, does not have it yet", async () => {
    await pauseReplay();
    const { version } = (await hub.data(INSTITUTION, { as: WRITER, variables: { id: institutionId } })).institution!;
    await hub.data(RENAME, { as: WRITER, variables: { id: institutionId, v: version!, name: "自写二" } });
    const ownWrites = await readsCounted(hub, "primary", "own_write");

    expect(await listed(WRITER)).toEqual({ name: "自写二", fromReplica: false });
    expect(await readsCounted(hub, "primary", "own_write")).toBeGreaterThan(ownWrites);
    const other = await listed(READER);
    expect(other).toEqual({ name: expect.any(String), fromReplica: true });
    expect(other.name).not.toBe("自写二");
  }, 120_000);

  it("sends the writer's reads back to the replica once the replica has replayed its write", async () => {
    await pauseReplay();
    const { version } = (await hub.data(INSTITUTION, { as: WRITER, variables: { id: institutionId } })).institution!;
    await hub.data(RENAME, { as: WRITER, variables: { id: institutionId, v: version!, name: "自写三" } });
    expect(await listed(WRITER)).toEqual({ name: "自写三", fromReplica: false });

    await resumeReplay();
    await until("the writer's list served by the replica", 15_000, async () => (await listed(WRITER)).fromReplica);
    // From the replica indeed: what it has not replayed, the writer's list does not show.
    await pauseReplay();
    await renameBehindTheHub("直写四");
    expect(await listed(WRITER)).toEqual({ name: "自写三", fromReplica: true });
  }, 120_000);

  (withRedis ? it : it.skip)("keeps a caller's reads after its write on the primary on another instance too, through Redis", async () => {
    const other = await hubOnThePrimary(replicaUrl);
    try {
      await until("the other instance's list served by the replica", 30_000, async () => (await listed(READER, other)).fromReplica);
      await pauseReplay();
      const { version } = (await hub.data(INSTITUTION, { as: WRITER, variables: { id: institutionId } })).institution!;
      await hub.data(RENAME, { as: WRITER, variables: { id: institutionId, v: version!, name: "自写五" } });
      // Written through the first instance, read through the second: from the primary, with the write.
      expect(await listed(WRITER, other)).toEqual({ name: "自写五", fromReplica: false });
      expect((await listed(READER, other)).fromReplica).toBe(true);
    } finally {
      await other.stop();
    }
  }, 180_000);

  it("stops reading from a replica once it lags the primary by more than HUB_REPLICA_MAX_LAG_MS", async () => {
    const strict = await hubOnThePrimary(replicaUrl, { HUB_REPLICA_MAX_LAG_MS: "3000" });
    try {
      await until("the strict instance's list served by the replica", 30_000, async () => (await listed(READER, strict)).fromReplica);
      await pauseReplay();
      await renameBehindTheHub("直写九");
      // Behind by a moment: still close enough.
      expect((await listed(READER, strict)).fromReplica).toBe(true);
      const behindSince = Date.now();
      await until("the strict instance's list served by the primary", 15_000, async () => !(await listed(READER, strict)).fromReplica);
      expect(Date.now() - behindSince).toBeGreaterThan(1_500);
      expect(await listed(READER, strict)).toEqual({ name: "直写九", fromReplica: false });
    } finally {
      await strict.stop();
    }
  }, 180_000);

  it("answers a read whose replica connection is lost under it from the primary, and keeps off that replica for a while", async () => {
    await pauseReplay();
    await renameBehindTheHub("直写六");
    const fallbacks = await readsCounted(hub, "primary", "fallback");
    relay!.breaking = true;
    // The replica still answers its polls: only the read's connection is lost, and the primary answers it.
    expect(await listed(READER)).toEqual({ name: "直写六", fromReplica: false });
    expect(await readsCounted(hub, "primary", "fallback")).toBe(fallbacks + 1);
    relay!.breaking = false;
    expect(await listed(READER)).toEqual({ name: "直写六", fromReplica: false });
    expect(await readsCounted(hub, "primary", "fallback")).toBe(fallbacks + 1);
    await until("reads on the replica again", 15_000, async () => (await listed(READER)).fromReplica);
  }, 120_000);

  it("reads from the primary while the replica is stopped, and from the replica again once it is back", async () => {
    await pauseReplay();
    await renameBehindTheHub("直写七");
    await replica!.stop();
    for (let i = 0; i < 5; i++) expect(await listed(READER)).toEqual({ name: "直写七", fromReplica: false });
    expect((await hub.data(STATISTICS, { as: READER })).statistics!.directory!.institutionsByStatus.total).toBeGreaterThan(0);

    await replica!.start();
    await until("reads on the replica again", 30_000, async () => (await listed(READER)).fromReplica);
  }, 180_000);

  it("starts, and reads from the primary, with a replica that cannot be reached at all", async () => {
    const alone = await hubOnThePrimary(`postgres://postgres@127.0.0.1:${await freePort()}/postgres`);
    try {
      expect((await alone.data(INSTITUTIONS, { as: READER })).institutions!.edges.length).toBeGreaterThan(0);
      expect(await readsCounted(alone, "primary", "no_replica")).toBe(1);
    } finally {
      await alone.stop();
    }
  }, 120_000);

  it("reads the credit exchange on the primary: its watermark closes a window against the primary's own transactions", async () => {
    const statements = relay!.statements;
    await hub.data(CREDIT_EXPORT, { as: WRITER });
    expect(relay!.statements).toBe(statements);
  }, 60_000);
});
