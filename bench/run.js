#!/usr/bin/env node
/**
 * `npm run bench`: the hub side by side with the hand-written floor on one data set (issue 20), written to
 * BENCHMARKS.md with an SVG chart.
 *
 *   npm run bench                      2,000 institutions, ~20,000 appraisers, 1,000,000 feedback rows; 3 repeats
 *   npm run bench -- --quick           200 institutions, 50,000 feedback rows, 1 short repeat (CI): fails when
 *                                      SQL per request or the directory page's acceptance regress
 *   options: --contenders hub,floor    --workloads a,b    --keep (keep the database)    --out FILE
 *
 * BENCH_DATABASE_URL names the PostgreSQL server (default: the machine's, postgres@127.0.0.1:5432); a scratch
 * database is created there and dropped at the end. Traffic stays on loopback; every run is bounded in time.
 * Contenders alternate within each repeat, each warms up before it is measured, and the medians of the
 * repeats are reported. SQL per request is counted in a separate pass through a protocol relay
 * (`lib/sql-counter.js`), so the throughput runs talk to the database directly.
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const autocannon = require("autocannon");
const { Client } = require("pg");
const { generate } = require("./lib/dataset");
const { workloads: makeWorkloads } = require("./lib/workloads");
const { CONTENDERS, startContender, cpuSeconds, rssMb } = require("./lib/contenders");
const { SqlCounter } = require("./lib/sql-counter");
const { DASHBOARD_SECTIONS } = require("./dashboard-queries");
const { writeReport, checkQuick } = require("./lib/report");

const ROOT = path.join(__dirname, "..");
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const QUICK = argv.includes("--quick");
// `--profile` (bench/profile.js): one measured run per contender under --cpu-prof, no comparison or counting pass.
const PROFILE = argv.includes("--profile");
const PLAN = QUICK ? { size: "quick", repeats: 1, warmupSeconds: 1, seconds: 3, connections: 20, countRequests: 20, dashboardRounds: 5 } : { size: "full", repeats: 3, warmupSeconds: 3, seconds: 10, connections: 20, countRequests: 50, dashboardRounds: 10 };
if (option("seconds")) PLAN.seconds = Number(option("seconds"));
if (PROFILE) PLAN.repeats = 1;
const contenderNames = option("contenders", QUICK ? "hub,floor" : Object.keys(CONTENDERS).join(",")).split(",");
const workloadKeys = option("workloads", "a,b,c,d").split(",");
const out = option("out", path.join(ROOT, QUICK ? "bench/quick-results.md" : "BENCHMARKS.md"));

function hub(args, env) {
  return execFileSync(process.execPath, [path.join(ROOT, "dist/cli/main.js"), ...args], { env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

async function prepare(serverUrl) {
  const name = `hub_bench_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-bench-"));
  try {
    return await fill(name, admin, url.toString(), dataDir);
  } catch (error) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function fill(name, admin, databaseUrl, dataDir) {
  const hubEnv = { DATABASE_URL: databaseUrl, HUB_DATA_DIR: dataDir, LOG_LEVEL: "warn", HUB_DB_STATEMENT_TIMEOUT_MS: "600000" };
  // The hub makes its signing key under HUB_DATA_DIR; the floor verifies the same tokens with its public half.
  hub(["init"], hubEnv);
  const { loadConfig } = require("../dist/config/config");
  const { signingKeyPath } = require("../dist/auth/signing-key");
  const config = loadConfig({ ...process.env, ...hubEnv });
  hub(["seed", "--demo"], hubEnv);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const t0 = Date.now();
  const creditCodes = await generate(client, PLAN.size);
  hub(["feedback", "rebuild-summaries"], hubEnv);
  await client.query("ANALYZE");
  // The directory's pages as a court walks them: `after` is the last item of the page before.
  const listed = (await client.query(`SELECT name, id FROM institutions WHERE listing_status = 'LISTED' ORDER BY name, id`)).rows;
  const pageCursors = [null];
  for (let i = 99; i < listed.length - 100; i += 100) pageCursors.push(Buffer.from(JSON.stringify([listed[i].name, listed[i].id])).toString("base64url"));
  const appraiserIds = (await client.query(`SELECT a.id FROM appraisers a JOIN institutions i ON i.id = a.institution_id WHERE i.listing_status = 'LISTED' ORDER BY random() LIMIT 2000`)).rows.map((r) => r.id);
  const sizes = (await client.query(`SELECT (SELECT count(*) FROM institutions)::int AS institutions, (SELECT count(*) FROM appraisers)::int AS appraisers,
      (SELECT coalesce(sum(jsonb_array_length(qualifications)), 0) FROM appraisers)::int AS qualifications, (SELECT count(*) FROM case_feedback)::int AS feedback`)).rows[0];
  await client.end();
  console.log(`data: ${JSON.stringify(sizes)} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return {
    name,
    admin,
    databaseUrl,
    dataDir,
    sizes,
    hubEnv,
    floorEnv: { HUB_SIGNING_KEY_FILE: signingKeyPath(config), JWT_ISSUER: config.jwt.issuer, JWT_AUDIENCE: config.jwt.audience },
    facts: { creditCodes, pageCursors, appraiserIds },
  };
}

const token = (setup, agency) => hub(["token", "--agency", agency, "--expires-in", "2h"], setup.hubEnv).trim();

/** One autocannon run of a workload against a server; CPU and peak RSS of the server process over the run. */
async function measure(server, workload, auth, seconds) {
  let graphqlErrors = 0;
  let sampleError;
  const rss = [];
  const sampler = setInterval(() => rss.push(rssMb(server.pid)), 100);
  const cpu0 = cpuSeconds(server.pid);
  const result = await autocannon({
    url: server.url,
    connections: PLAN.connections,
    duration: seconds,
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${auth}` },
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: JSON.stringify(workload.body()) }),
        onResponse: (status, body) => {
          if (status !== 200 || body.includes('"errors"')) {
            graphqlErrors += 1;
            sampleError ??= body.slice(0, 300);
          }
        },
      },
    ],
  });
  const cpu = cpuSeconds(server.pid) - cpu0;
  clearInterval(sampler);
  const total = result.requests.total;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: total > 0 ? (cpu * 1000) / total : null,
    peakRssMb: Math.max(...rss, 0),
    requests: total,
    errors: graphqlErrors + result.errors + result.timeouts,
    sampleError,
  };
}

/**
 * Share of the bench database's connection time spent waiting on a lock (`pg_stat_activity.wait_event_type =
 * 'Lock'`: row, transaction and advisory locks), sampled every 50 ms while `work` runs.
 */
async function lockWaitShare(setup, work) {
  let waiting = 0;
  let connections = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { rows } = await setup.admin.query(
        `SELECT count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS waiting, count(*)::int AS connections FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`,
        [setup.name],
      );
      waiting += rows[0].waiting;
      connections += rows[0].connections;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    return { result: await work(), share: connections > 0 ? waiting / connections : null };
  } finally {
    sampling = false;
    await sampler;
  }
}

/**
 * The province bureau's dashboard as its page loads it (issue 20's (d) target): the six `statistics` sections
 * for Henan sent at once, one dashboard after the other; the time until the last answer, per dashboard.
 */
async function measureDashboard(server, auth, rounds) {
  const once = async () => {
    const t0 = performance.now();
    const answers = await Promise.all(
      DASHBOARD_SECTIONS.map((query) =>
        fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${auth}` }, body: JSON.stringify({ query, variables: { region: "410000" } }) }).then((r) => r.json()),
      ),
    );
    const failed = answers.filter((a) => a.errors || !a.data?.statistics).length;
    return { ms: performance.now() - t0, failed };
  };
  for (let i = 0; i < 2; i++) await once();
  const times = [];
  let failed = 0;
  for (let i = 0; i < rounds; i++) {
    const round = await once();
    times.push(round.ms);
    failed += round.failed;
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor((times.length - 1) / 2)], max: times[times.length - 1], rounds, failed };
}

/** Statements per request, through the relay: `n` requests one after the other after a warm-up. */
async function countSql(name, setup, workload, auth, n) {
  const target = new URL(setup.databaseUrl);
  const counter = new SqlCounter({ host: target.hostname, port: Number(target.port || 5432) });
  const relayed = await counter.start(setup.databaseUrl);
  const server = await startContender(name, setup, relayed);
  try {
    const send = () => fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${auth}` }, body: JSON.stringify(workload.body()) }).then((r) => r.text());
    for (let i = 0; i < 5; i++) await send();
    // Let background work of the warm-up settle, then count only what the requests send.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = counter.statements;
    for (let i = 0; i < n; i++) await send();
    return (counter.statements - before) / n;
  } finally {
    await server.stop();
    await counter.stop();
  }
}

/** The floor and the hub answer alike, byte for byte, on a sample of the workload's variables. */
async function compareAnswers(setup, workload, auth) {
  const [hubServer, floorServer] = [await startContender("hub", setup, setup.databaseUrl), await startContender("floor", setup, setup.databaseUrl)];
  try {
    let same = 0;
    let firstDifference;
    for (let i = 0; i < 20; i++) {
      const body = JSON.stringify(workload.body());
      const ask = (server) => fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${auth}` }, body }).then((r) => r.text());
      // The `data` member, byte for byte: the hub's answer also carries `extensions.rateLimit`.
      const data = (text) => JSON.stringify(JSON.parse(text).data ?? null);
      const [a, b] = [data(await ask(hubServer)), data(await ask(floorServer))];
      if (a === b) same += 1;
      else {
        let at = 0;
        while (at < a.length && a[at] === b[at]) at += 1;
        firstDifference ??= { hub: a.slice(Math.max(0, at - 120), at + 200), floor: b.slice(Math.max(0, at - 120), at + 200) };
      }
    }
    return { same, of: 20, firstDifference };
  } finally {
    await hubServer.stop();
    await floorServer.stop();
  }
}

const median = (values) => {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const started = Date.now();
  const setup = await prepare(serverUrl);
  const workloads = makeWorkloads(setup.facts, Date.now()).filter((w) => workloadKeys.includes(w.key));
  const tokens = Object.fromEntries([...new Set(workloads.map((w) => w.agency))].map((agency) => [agency, token(setup, agency)]));
  const results = {};
  try {
    const comparisons = {};
    if (contenderNames.includes("floor") && !PROFILE) {
      for (const w of workloads.filter((w) => w.floor)) comparisons[w.key] = await compareAnswers(setup, w, tokens[w.agency]);
      console.log(`answers hub = floor: ${Object.entries(comparisons).map(([k, c]) => `(${k}) ${c.same}/${c.of}`).join(", ")}`);
      for (const [k, c] of Object.entries(comparisons)) if (c.firstDifference) console.log(`(${k}) first difference:\n  hub:   ${c.firstDifference.hub}\n  floor: ${c.firstDifference.floor}`);
    }
    const runs = {};
    for (let repeat = 0; repeat < PLAN.repeats; repeat++) {
      // Contenders alternate: each repeat starts with the next one.
      const order = contenderNames.map((_, i) => contenderNames[(i + repeat) % contenderNames.length]);
      for (const name of order) {
        const server = await startContender(name, setup, setup.databaseUrl, PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []);
        try {
          for (const w of workloads.filter((w) => CONTENDERS[name].workloads.includes(w.key))) {
            await measure(server, w, tokens[w.agency], PLAN.warmupSeconds);
            const { result: run, share } = await lockWaitShare(setup, () => measure(server, w, tokens[w.agency], PLAN.seconds));
            run.lockWaitShare = share;
            (runs[`${name}:${w.key}`] ??= []).push(run);
            console.log(`repeat ${repeat + 1} ${name} ${w.key}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.cpuMsPerRequest?.toFixed(2)} ms CPU/req, ${run.peakRssMb.toFixed(0)} MB${run.errors ? `, ${run.errors} errors: ${run.sampleError}` : ""}`);
          }
          if (name === "hub" && workloads.some((w) => w.key === "d")) {
            const dashboard = await measureDashboard(server, tokens["HA-AMR"], PLAN.dashboardRounds);
            (runs["hub:dashboard"] ??= []).push(dashboard);
            console.log(`repeat ${repeat + 1} hub dashboard (six sections, one at a time): p50 ${dashboard.p50.toFixed(0)} ms, max ${dashboard.max.toFixed(0)} ms${dashboard.failed ? `, ${dashboard.failed} failed` : ""}`);
          }
        } finally {
          await server.stop();
        }
      }
    }
    for (const name of contenderNames) {
      for (const w of workloads.filter((w) => CONTENDERS[name].workloads.includes(w.key))) {
        const list = runs[`${name}:${w.key}`];
        const sql = PROFILE ? null : await countSql(name, setup, w, tokens[w.agency], PLAN.countRequests);
        results[`${name}:${w.key}`] = {
          contender: name,
          workload: w.key,
          rps: median(list.map((r) => r.rps)),
          p50: median(list.map((r) => r.p50)),
          p99: median(list.map((r) => r.p99)),
          cpuMsPerRequest: median(list.map((r) => r.cpuMsPerRequest)),
          peakRssMb: Math.max(...list.map((r) => r.peakRssMb)),
          errors: list.reduce((sum, r) => sum + r.errors, 0),
          lockWaitShare: median(list.map((r) => r.lockWaitShare)),
          sqlPerRequest: sql,
          repeats: list.map((r) => r.rps),
        };
      }
    }
    const dashboards = runs["hub:dashboard"];
    const dashboard = dashboards ? { p50: median(dashboards.map((d) => d.p50)), max: Math.max(...dashboards.map((d) => d.max)), rounds: dashboards.reduce((n, d) => n + d.rounds, 0), failed: dashboards.reduce((n, d) => n + d.failed, 0) } : undefined;
    const report = { plan: PLAN, quick: QUICK, dashboard, sizes: setup.sizes, contenders: contenderNames, workloads: workloads.map(({ key, title, agency }) => ({ key, title, agency })), results, comparisons, seconds: (Date.now() - started) / 1000 };
    writeReport(report, out);
    console.log(`written to ${path.relative(process.cwd(), out)}`);
    if (QUICK) {
      const problems = checkQuick(report, JSON.parse(fs.readFileSync(path.join(__dirname, "quick-baseline.json"), "utf8")));
      if (problems.length) {
        console.error(`bench --quick: regressions:\n${problems.map((p) => `- ${p}`).join("\n")}`);
        process.exitCode = 1;
      }
    }
  } finally {
    if (argv.includes("--keep")) console.log(`kept database ${setup.name}`);
    else await setup.admin.query(`DROP DATABASE IF EXISTS ${setup.name} WITH (FORCE)`);
    await setup.admin.end();
    fs.rmSync(setup.dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error.message}`);
  process.exit(1);
});
