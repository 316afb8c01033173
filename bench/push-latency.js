#!/usr/bin/env node
/**
 * Does delivering webhooks slow the API? (issue 16: "the API's latency unchanged while 1,000 events are being
 * delivered to a slow receiver").
 *
 *   npm run build && node bench/push-latency.js            # PGlite in a scratch directory
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_bench node bench/push-latency.js
 *
 * Starts the hub (push workers on) with the demo data; XY-AMR subscribes a receiver on loopback that takes
 * `BENCH_RECEIVER_MS` (default 200) to answer each delivery. 1,000 events about institutions in XY-AMR's
 * jurisdiction are queued while the subscription is paused. Then, for `BENCH_SECONDS` (default 10) each, a
 * court's reads run at 4 concurrent connections: first with the 1,000 deliveries waiting (paused), then while
 * they are delivered (active). Prints the p50 and p99 of both phases, their ratio, and how many deliveries
 * were made meanwhile; exits 1 when the p99 while delivering exceeds 1.5x the quiet one plus 2 ms, or when
 * too few were delivered to have loaded anything.
 */
require("reflect-metadata");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const http = require("node:http");
const { loadConfig } = require("../dist/config/config");
const { openDatabase } = require("../dist/db/database");
const { buildHub, prepareDatabase } = require("../dist/hub");
const { silentLogger } = require("../dist/logging/logger");
const { issueToken } = require("../dist/auth/token");

const EVENTS = 1000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RECEIVER_MS = Number(process.env.BENCH_RECEIVER_MS ?? 200);
const READ = `{ institution(creditCode: "91411500MA9F3K2L21") { name listingStatus technicalFields grade } }`;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-bench-push-"));
  const config = loadConfig({
    HUB_ENV: "test",
    HUB_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    HUB_RATE_LIMIT_CLIENT_POINTS: "1000000000",
    HUB_PUSH_POLL_MS: "100",
    HUB_SCHEDULER_INTERVAL_MS: "3600000",
    ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
  });
  const logger = silentLogger();
  const db = await openDatabase(config, logger);
  await prepareDatabase(config, db, logger);
  const hub = await buildHub(config, logger, db);
  await new Promise((resolve) => hub.httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${hub.httpServer.address().port}/graphql`;
  const token = (agency, scopes = []) => issueToken(hub.signingKey, config.jwt, { agencyCode: agency, clientName: "default", scopes, lifetimeSeconds: 3600 });
  const court = await token("XY-COURT");
  const bureau = await token("XY-AMR", ["clients:manage"]);
  const post = async (auth, query, variables) => {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${auth}` }, body: JSON.stringify({ query, variables }) });
    const body = await res.json();
    if (res.status !== 200 || body.errors) throw new Error(`${res.status} ${JSON.stringify(body.errors)}`);
    return body.data;
  };

  let delivered = 0;
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => setTimeout(() => (delivered++, res.writeHead(204).end()), RECEIVER_MS));
  });
  await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hook = `http://127.0.0.1:${receiver.address().port}/hooks`;

  const { subscribeWebhook } = await post(bureau, `mutation($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { subscription { id version } } }`, {
    input: { idempotencyKey: "bench-push", url: hook, events: ["institution.listing_status_changed"] },
  });
  const paused = await post(bureau, `mutation($id: ID!, $v: Int!) { updateWebhook(id: $id, expectedVersion: $v, input: { status: PAUSED }) { version } }`, { id: subscribeWebhook.subscription.id, v: subscribeWebhook.subscription.version });
  // 1,000 events about the institutions of 信阳 (XY-AMR's jurisdiction), as committed changes would write them.
  await db.dataSource.query(
    `INSERT INTO hub_events (type, entity_type, entity_id, version, region_codes)
     SELECT 'institution.listing_status_changed', 'Institution', i.id, i.version, ARRAY[i.region_code]
       FROM generate_series(1, $1) n JOIN LATERAL (SELECT * FROM institutions WHERE region_code LIKE '4115%' ORDER BY id OFFSET (n % 5) LIMIT 1) i ON true`,
    [EVENTS],
  );
  hub.pusher.nudge();
  const queued = async () => Number((await db.dataSource.query(`SELECT count(*) AS n FROM webhook_deliveries WHERE status = 'PENDING'`))[0].n);
  for (let i = 0; i < 600 && (await queued()) < EVENTS; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  const waiting = await queued();
  if (waiting < EVENTS) throw new Error(`only ${waiting} deliveries were queued`);

  const measure = async () => {
    const times = [];
    const end = Date.now() + SECONDS * 1000;
    const worker = async () => {
      while (Date.now() < end) {
        const started = performance.now();
        await post(court, READ);
        times.push(performance.now() - started);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    times.sort((a, b) => a - b);
    const at = (q) => +times[Math.ceil(times.length * q) - 1].toFixed(1);
    return { requests: times.length, p50Ms: at(0.5), p99Ms: at(0.99) };
  };
  await measure(); // warm-up
  const quiet = await measure();
  await post(bureau, `mutation($id: ID!, $v: Int!) { updateWebhook(id: $id, expectedVersion: $v, input: { status: ACTIVE }) { version } }`, { id: subscribeWebhook.subscription.id, v: paused.updateWebhook.version });
  const before = delivered;
  const delivering = await measure();
  const during = delivered - before;
  const ratio = delivering.p99Ms / quiet.p99Ms;
  const pass = delivering.p99Ms <= quiet.p99Ms * 1.5 + 2 && during >= 50;
  console.log(JSON.stringify({ events: EVENTS, receiverMs: RECEIVER_MS, quiet, delivering, p99Ratio: +ratio.toFixed(2), deliveredDuringMeasurement: during, pass }));
  receiver.closeAllConnections();
  receiver.close();
  hub.httpServer.closeAllConnections();
  await hub.stop();
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(pass ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
