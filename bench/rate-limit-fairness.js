#!/usr/bin/env node
/**
 * Does a flooding client slow the others? (issue 15: "p99 of a second client stays within 2× of its quiet
 * value while the first floods").
 *
 *   npm run build && node bench/rate-limit-fairness.js            # PGlite in a scratch directory
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_bench node bench/rate-limit-fairness.js
 *
 * Starts the hub on a loopback port with the demo data; XY-PSB's agency gets a budget of 200 points a minute.
 * Measures the p99 of 200 sequential credential look-ups by XY-COURT, quiet, then while XY-PSB floods from
 * a process of its own (`BENCH_FLOOD_CONCURRENCY`, default 20 connections, no back-off). Prints both p99s,
 * their ratio and the flood's status codes; exits 1 when the ratio exceeds 2. Run it on an otherwise idle
 * machine: on two cores the flooding process itself takes one of them.
 */
require("reflect-metadata");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawn } = require("node:child_process");
const { loadConfig } = require("../dist/config/config");
const { openDatabase } = require("../dist/db/database");
const { buildHub, prepareDatabase } = require("../dist/hub");
const { silentLogger } = require("../dist/logging/logger");
const { issueToken } = require("../dist/auth/token");

const ONE = `{ institution(creditCode: "91411500MA9F3K2L21") { name listingStatus technicalFields grade } }`;
const PAGE = `{ institutions(first: 20) { edges { node { name } } } }`;
const FLOOD = path.join(__dirname, "flood.js");

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-bench-rl-"));
  const config = loadConfig({ HUB_ENV: "test", HUB_DATA_DIR: dataDir, LOG_LEVEL: "silent", HUB_RATE_LIMIT_CLIENT_POINTS: "10000000", ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}) });
  const logger = silentLogger();
  const db = await openDatabase(config, logger);
  await prepareDatabase(config, db, logger);
  await db.dataSource.query(`UPDATE agencies SET rate_limit_points = 200 WHERE code = 'XY-PSB'`);
  const hub = await buildHub(config, logger, db);
  await new Promise((resolve) => hub.httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${hub.httpServer.address().port}/graphql`;
  const token = (agency) => issueToken(hub.signingKey, config.jwt, { agencyCode: agency, clientName: "default", scopes: [], lifetimeSeconds: 3600 });
  const court = await token("XY-COURT");

  const p99 = async () => {
    const times = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${court}` }, body: JSON.stringify({ query: ONE }) });
      if (res.status !== 200) throw new Error(`the court got ${res.status}`);
      await res.arrayBuffer();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[Math.ceil(times.length * 0.99) - 1];
  };
  await p99();
  const quiet = await p99();
  const flooder = spawn(process.execPath, [FLOOD, url, await token("XY-PSB"), PAGE, process.env.BENCH_FLOOD_CONCURRENCY ?? "20", "15000"], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  flooder.stdout.setEncoding("utf8").on("data", (chunk) => (output += chunk));
  const done = new Promise((resolve) => flooder.once("close", resolve));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const loud = await p99();
  await done;
  const ratio = loud / quiet;
  console.log(JSON.stringify({ quietP99Ms: +quiet.toFixed(1), floodP99Ms: +loud.toFixed(1), ratio: +ratio.toFixed(2), flood: JSON.parse(output) }));
  hub.httpServer.closeAllConnections();
  await hub.stop();
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(ratio > 2 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
