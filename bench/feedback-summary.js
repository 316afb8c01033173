#!/usr/bin/env node
/**
 * Benchmarks over a million feedback rows: the directory query with feedback summaries, and the bureau
 * dashboard's statistics.
 *
 *   npm run build && BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/feedback-summary.js [feedbackRows]
 *
 * Creates a scratch database on that server, loads the demo data plus 2,000 listed institutions with ten
 * appraisers each (20,000) and `feedbackRows` (default 1,000,000) feedback rows over two years, rebuilds the
 * summaries, and starts the hub on a loopback port. Then:
 *  - sends the query a court's system sends for a directory page for 10 seconds at concurrency 8, and prints
 *    requests/s and latency percentiles;
 *  - loads the whole dashboard as /dashboard does (its six `statistics` section queries, in parallel) as
 *    the Henan province bureau for the province and as the Xinyang bureau for its city, 30 times each, and
 *    prints the latency of the whole dashboard (all six answered).
 * Drops the scratch database at the end (BENCH_KEEP=1 keeps it).
 */
require("reflect-metadata");
const os = require("node:os");
const fs = require("node:fs");
const path = require("node:path");
const { Client } = require("pg");
const { loadConfig } = require("../dist/config/config");
const { openDatabase } = require("../dist/db/database");
const { buildHub, prepareDatabase } = require("../dist/hub");
const { silentLogger } = require("../dist/logging/logger");
const { issueToken } = require("../dist/auth/token");
const { rebuildFeedbackSummaries } = require("../dist/services/feedback-summary");

const QUERY = `{ institutions(first: 20, filter: { listingStatus: LISTED }) { edges { node { name creditCode listingStatus
  feedbackSummary { count averages { professionalism reportQuality } adoptionRate complaintsLast12Months }
  appraisers { name feedbackSummary { count adoptionRate } } } } } }`;

const { DASHBOARD_SECTIONS } = require("./dashboard-queries");

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) throw new Error("set BENCH_DATABASE_URL to a PostgreSQL server (a scratch database is created there)");
  const rows = Number(process.argv[2] ?? 1_000_000);
  const name = `hub_bench_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-bench-"));
  // Loading a million rows takes longer than the hub's 15 s statement timeout allows a request.
  const config = loadConfig({ DATABASE_URL: url.toString(), HUB_DATA_DIR: dataDir, LOG_LEVEL: "silent", HUB_ENV: "test", HUB_DB_STATEMENT_TIMEOUT_MS: "600000" });
  const db = await openDatabase(config, silentLogger());
  let server;
  try {
    await prepareDatabase(config, db, silentLogger());
    const t0 = Date.now();
    await db.dataSource.query(`
      INSERT INTO institutions (name, credit_code, region_code, technical_fields, listing_status, listing_level, listed_since)
      SELECT '基准机构' || lpad(n::text, 4, '0'), 'B' || lpad(n::text, 17, '0'), (ARRAY['411500','411502','410700','410702'])[1 + n % 4],
             '{PATENT,TRADEMARK}', 'LISTED', 'MUNICIPAL', '2023-01-01'
      FROM generate_series(1, 2000) n`);
    await db.dataSource.query(`
      INSERT INTO appraisers (name, id_number_sealed, id_number_hash, id_number_masked, institution_id, region_code, technical_fields)
      SELECT '基准鉴定人' || i.name || k, 'sealed', md5(i.id::text || k) || md5(k::text || i.id::text), '000000********0000', i.id, i.region_code, '{PATENT}'
      FROM institutions i CROSS JOIN generate_series(1, 10) k WHERE i.name LIKE '基准机构%'`);
    const [{ id: agencyId }] = await db.dataSource.query(`SELECT id FROM agencies WHERE code = 'XY-COURT'`);
    await db.dataSource.query(
      `WITH a AS (SELECT id, institution_id, region_code, row_number() OVER (ORDER BY id) AS k FROM appraisers),
            n AS (SELECT count(*) AS total FROM appraisers)
       INSERT INTO case_feedback (kind, posting_agency_id, posting_agency_code, posting_region_code, agency_case_no, appraiser_id, institution_id,
              institution_region_code, rating_timeliness, rating_professionalism, rating_report_quality, rating_conduct, opinion_adopted, posted_at, complaint_status)
       SELECT CASE WHEN g % 20 = 0 THEN 'COMPLAINT' ELSE 'EVALUATION' END, $1, 'XY-COURT', '411500', '(2024)豫15知民初' || g || '号', a.id, a.institution_id,
              a.region_code, 1 + g % 5, 1 + (g / 7) % 5, 1 + (g / 3) % 5, 1 + (g / 11) % 5, g % 4 <> 0, now() - (g % 700) * interval '1 day',
              CASE WHEN g % 20 = 0 THEN 'SUBMITTED' END
       FROM generate_series(1, $2::int) g CROSS JOIN n JOIN a ON a.k = 1 + g % n.total`,
      [agencyId, rows],
    );
    await rebuildFeedbackSummaries(db.dataSource);
    await db.dataSource.query(`ANALYZE`);
    const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM case_feedback`);
    console.log(`loaded ${count} feedback rows, 2,000 extra institutions, 20,000 extra appraisers in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const hub = await buildHub(config, silentLogger(), db);
    server = await new Promise((resolve) => {
      const s = hub.httpServer.listen(0, "127.0.0.1", () => resolve(s));
    });
    const endpoint = `http://127.0.0.1:${server.address().port}/graphql`;
    const token = await issueToken(hub.signingKey, config.jwt, { agencyCode: "XY-COURT", clientName: "default", scopes: [], lifetimeSeconds: 3600 });
    const body = JSON.stringify({ query: QUERY });
    const send = async () => {
      const started = process.hrtime.bigint();
      const res = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
      const json = await res.json();
      if (json.errors) throw new Error(JSON.stringify(json.errors[0]));
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    for (let i = 0; i < 20; i++) await send(); // warm-up
    const latencies = [];
    const until = Date.now() + 10_000;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (Date.now() < until) latencies.push(await send());
    }));
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
    console.log(`directory page with summaries (20 institutions, their appraisers): ${(latencies.length / 10).toFixed(0)} requests/s at concurrency 8; p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`);

    for (const [agencyCode, regionCode] of [["HA-AMR", "410000"], ["XY-AMR", "411500"]]) {
      const dashboardToken = await issueToken(hub.signingKey, config.jwt, { agencyCode, clientName: "default", scopes: [], lifetimeSeconds: 3600 });
      const sendSection = async (query) => {
        const res = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${dashboardToken}` }, body: JSON.stringify({ query, variables: { region: regionCode } }) });
        const json = await res.json();
        if (json.errors) throw new Error(JSON.stringify(json.errors[0]));
        return json.data.statistics;
      };
      const loadDashboard = async () => {
        const started = process.hrtime.bigint();
        await Promise.all(DASHBOARD_SECTIONS.map(sendSection));
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      for (let i = 0; i < 3; i++) await loadDashboard(); // warm-up
      const times = [];
      for (let i = 0; i < 30; i++) times.push(await loadDashboard());
      times.sort((a, b) => a - b);
      const at = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(0);
      const [{ feedback }] = await db.dataSource.query(`SELECT count(*)::int AS feedback FROM case_feedback WHERE institution_region_code LIKE $1 AND posted_at >= now() - interval '1 year'`, [regionCode.replace(/0+$/, "") + "%"]);
      console.log(`full dashboard (6 statistics queries in parallel) as ${agencyCode} for ${regionCode}, last 12 months (${feedback} feedback rows): p50 ${at(50)} ms, p95 ${at(95)} ms, max ${times[times.length - 1].toFixed(0)} ms over 30 loads`);
    }
    await hub.stop();
  } finally {
    if (server) await new Promise((r) => { server.close(() => r()); server.closeAllConnections(); });
    await db.close();
    if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
