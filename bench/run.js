#!/usr/bin/env node
/**
 * `npm run bench`: the hub side by side with the hand-written floor, mercurius on the floor's resolvers,
 * PostGraphile 5 and the SQL ceiling (pgbench replaying the hub's statements) on one data set (issue 20),
 * written to BENCHMARKS.md with an SVG chart.
 *
 *   npm run bench                      2,000 institutions, ~20,000 appraisers, 1,000,000 feedback rows; 3 repeats;
 *                                      every contender of lib/contenders.js
 *   npm run bench -- --quick           200 institutions, 50,000 feedback rows, 1 short repeat, hub and floor (CI):
 *                                      fails when SQL per request or the directory page's acceptance regress
 *   options: --contenders hub,floor,mercurius,postgraphile,pgbench    --workloads a,b    --keep (keep the
 *            database)    --out FILE    --seconds N
 *
 * A contender that cannot run here (PostGraphile's separate install without a network, no pgbench) is
 * reported unavailable; the others run.
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
const { CONTENDERS, startContender, unavailable, cpuSeconds, rssMb } = require("./lib/contenders");
const { SqlCounter } = require("./lib/sql-counter");
const { findPgbench, writeScripts, runPgbench, withoutReplayedAuditEntries } = require("./lib/sql-ceiling");
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
// Requests of the hub captured per workload for the SQL ceiling, each one pgbench script (weights equal).
const CEILING_REQUESTS = QUICK ? 10 : 20;
const contenderNames = option("contenders", QUICK ? "hub,floor" : Object.keys(CONTENDERS).join(",")).split(",");
for (const name of contenderNames) if (!CONTENDERS[name]) throw new Error(`unknown contender ${name}: one of ${Object.keys(CONTENDERS).join(", ")}`);
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

/**
 * A contender's request for a workload: the workload's own (the hub's schema), or the contender's translation
 * of it (PostGraphile's schema), with the same random variables.
 */
function requestFor(name, workload, facts, hubBody = workload.body()) {
  return CONTENDERS[name].body ? CONTENDERS[name].body(workload.key, hubBody, facts) : hubBody;
}

/** One autocannon run of a workload against a server; CPU and peak RSS of the server process over the run. */
async function measure(server, makeBody, auth, seconds) {
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
        setupRequest: (req) => ({ ...req, body: JSON.stringify(makeBody()) }),
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
async function countSql(name, setup, makeBody, auth, n) {
  const target = new URL(setup.databaseUrl);
  const counter = new SqlCounter({ host: target.hostname, port: Number(target.port || 5432) });
  const relayed = await counter.start(setup.databaseUrl);
  const server = await startContender(name, setup, relayed);
  try {
    const send = () => fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${auth}` }, body: JSON.stringify(makeBody()) }).then((r) => r.text());
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

/**
 * A contender and the floor answer alike on a sample of the workload's variables: the hub and mercurius their
 * `data` byte for byte; PostGraphile, whose schema is its own, the same data once mapped onto the floor's shape
 * (`asFloor`), compared with its keys in order.
 */
async function compareAnswers(setup, workload, auth, name) {
  const [server, floorServer] = [await startContender(name, setup, setup.databaseUrl), await startContender("floor", setup, setup.databaseUrl)];
  const { asFloor, floorView } = CONTENDERS[name];
  try {
    let same = 0;
    let firstDifference;
    for (let i = 0; i < 20; i++) {
      const hubBody = workload.body();
      const ask = (target, body) => fetch(target.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${auth}` }, body: JSON.stringify(body) }).then((r) => r.text());
      // The `data` member: the hub's answer also carries `extensions.rateLimit`.
      const data = (text) => JSON.parse(text).data ?? null;
      const mine = data(await ask(server, requestFor(name, workload, setup.facts, hubBody)));
      const floors = data(await ask(floorServer, hubBody));
      const [a, b] = asFloor ? [JSON.stringify(asFloor(workload.key, mine)), JSON.stringify(floorView(workload.key, floors))] : [JSON.stringify(mine), JSON.stringify(floors)];
      if (a === b) same += 1;
      else {
        let at = 0;
        while (at < a.length && a[at] === b[at]) at += 1;
        firstDifference ??= { [name]: a.slice(Math.max(0, at - 120), at + 200), floor: b.slice(Math.max(0, at - 120), at + 200) };
      }
    }
    return { same, of: 20, mapped: Boolean(asFloor), firstDifference };
  } finally {
    await server.stop();
    await floorServer.stop();
  }
}

/**
 * The hub's statements for `n` requests of a workload, one request after the other after a warm-up, through
 * the relay; each request's with its variables, for `sql-ceiling.js`. A request's statements are those the
 * relay sees from its sending until a short pause after its answer (work the hub finishes after answering
 * belongs to the request too).
 */
async function captureSql(setup, workload, auth, n) {
  const target = new URL(setup.databaseUrl);
  const counter = new SqlCounter({ host: target.hostname, port: Number(target.port || 5432) });
  const relayed = await counter.start(setup.databaseUrl);
  const server = await startContender("hub", setup, relayed);
  try {
    const send = (body) => fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${auth}` }, body: JSON.stringify(body) }).then((r) => r.text());
    for (let i = 0; i < 5; i++) await send(workload.body());
    await new Promise((resolve) => setTimeout(resolve, 300));
    const requests = [];
    for (let i = 0; i < n; i++) {
      const body = workload.body();
      counter.startCapture();
      const answer = await send(body);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const captured = counter.stopCapture();
      if (answer.includes('"errors"')) throw new Error(`the hub failed a (${workload.key}) request while its SQL was captured: ${answer.slice(0, 300)}`);
      requests.push({ variables: body.variables, answer: JSON.parse(answer), captured });
    }
    return requests;
  } finally {
    await server.stop();
    await counter.stop();
  }
}

const median = (values) => {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const started = Date.now();
  // Contenders that cannot run here are reported so, not run: before the data set is made, which takes a while.
  const unavailableContenders = {};
  for (const name of contenderNames) {
    const why = await unavailable(name);
    if (why) {
      unavailableContenders[name] = why;
      console.log(`${name}: unavailable: ${why}`);
    }
  }
  const names = contenderNames.filter((name) => !unavailableContenders[name]);
  const setup = await prepare(serverUrl);
  const workloads = makeWorkloads(setup.facts, Date.now()).filter((w) => workloadKeys.includes(w.key));
  const tokens = Object.fromEntries([...new Set(workloads.map((w) => w.agency))].map((agency) => [agency, token(setup, agency)]));
  const results = {};
  const ceiling = {};
  const drop = (name, why) => {
    unavailableContenders[name] = why;
    names.splice(names.indexOf(name), 1);
    console.log(`${name}: unavailable: ${why}`);
  };
  try {
    // A contender from outside the root install (PostGraphile) is started once first: one that does not start
    // over this database is reported unavailable rather than failing the run. (Its `prepare` runs here too.)
    for (const name of names.filter((n) => CONTENDERS[n].available && CONTENDERS[n].start)) {
      try {
        await (await startContender(name, setup, setup.databaseUrl)).stop();
      } catch (error) {
        drop(name, `it did not start: ${error.message.split("\n")[0]}`);
      }
    }
    // Each contender's answers against the floor's: the hub's whenever the floor runs (as always), mercurius's
    // and PostGraphile's whenever they run.
    const comparisons = {};
    if (!PROFILE) {
      for (const name of names.filter((n) => (n === "hub" && names.includes("floor")) || CONTENDERS[n].compareWithFloor || CONTENDERS[n].asFloor)) {
        for (const w of workloads.filter((w) => w.floor)) (comparisons[name] ??= {})[w.key] = await compareAnswers(setup, w, tokens[w.agency], name);
        const c = comparisons[name];
        if (!c) continue;
        console.log(`answers ${name} ${c[Object.keys(c)[0]].mapped ? "≈" : "="} floor: ${Object.entries(c).map(([k, r]) => `(${k}) ${r.same}/${r.of}`).join(", ")}`);
        for (const [k, r] of Object.entries(c)) if (r.firstDifference) console.log(`(${k}) first difference:\n  ${name}: ${r.firstDifference[name]}\n  floor: ${r.firstDifference.floor}`);
      }
    }
    // The SQL ceiling's scripts: the hub's own statements for requests of each workload, captured once.
    if (names.includes("pgbench")) {
      const scriptDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-ceiling-"));
      ceiling.dir = scriptDir;
      ceiling.pgbench = findPgbench();
      try {
        for (const w of workloads) {
          const requests = await captureSql(setup, w, tokens[w.agency], CEILING_REQUESTS);
          ceiling[w.key] = writeScripts(scriptDir, w.key, requests, w.key === "c");
          const statements = ceiling[w.key].map((s) => s.statements);
          const background = ceiling[w.key].reduce((n, script) => n + script.background, 0) / statements.length;
          console.log(`pgbench (${w.key}): ${statements.length} captured request(s) of the hub, ${statements.reduce((a, b) => a + b, 0) / statements.length} statements each on average${background ? ` (and ${background} of background work, not replayed)` : ""}`);
        }
        if (argv.includes("--keep")) console.log(`kept pgbench scripts in ${scriptDir}`);
      } catch (error) {
        drop("pgbench", `the hub's SQL could not be captured: ${error.message.split("\n")[0]}`);
      }
    }
    const runs = {};
    for (let repeat = 0; repeat < PLAN.repeats; repeat++) {
      // Contenders alternate: each repeat starts with the next one.
      const order = names.map((_, i) => names[(i + repeat) % names.length]);
      for (const name of order) {
        if (CONTENDERS[name].kind === "pgbench") {
          for (const w of workloads) {
            const options = { clients: PLAN.connections };
            const replay = (seconds, log) => runPgbench(ceiling.pgbench, setup.databaseUrl, ceiling[w.key], { ...options, seconds, log });
            const { result: run, share } = await withoutReplayedAuditEntries(setup.databaseUrl, async () => {
              await replay(PLAN.warmupSeconds, false);
              return lockWaitShare(setup, () => replay(PLAN.seconds, true));
            });
            Object.assign(run, { lockWaitShare: share, cpuMsPerRequest: null, peakRssMb: null });
            (runs[`${name}:${w.key}`] ??= []).push(run);
            console.log(`repeat ${repeat + 1} ${name} ${w.key}: ${run.rps.toFixed(0)} transactions/s, p50 ${run.p50?.toFixed(1)} ms, p99 ${run.p99?.toFixed(1)} ms${run.errors ? `, ${run.errors} errors: ${run.sampleError}` : ""}`);
          }
          continue;
        }
        const server = await startContender(name, setup, setup.databaseUrl, PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []);
        try {
          for (const w of workloads.filter((w) => CONTENDERS[name].workloads.includes(w.key))) {
            const makeBody = () => requestFor(name, w, setup.facts);
            await measure(server, makeBody, tokens[w.agency], PLAN.warmupSeconds);
            const { result: run, share } = await lockWaitShare(setup, () => measure(server, makeBody, tokens[w.agency], PLAN.seconds));
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
    for (const name of names) {
      for (const w of workloads.filter((w) => CONTENDERS[name].workloads.includes(w.key))) {
        const list = runs[`${name}:${w.key}`];
        // pgbench's statements are the hub's, counted in its scripts; the servers' through the relay.
        const sql = PROFILE
          ? null
          : CONTENDERS[name].kind === "pgbench"
            ? ceiling[w.key].reduce((n, script) => n + script.statements, 0) / ceiling[w.key].length
            : await countSql(name, setup, () => requestFor(name, w, setup.facts), tokens[w.agency], PLAN.countRequests);
        results[`${name}:${w.key}`] = {
          contender: name,
          workload: w.key,
          rps: median(list.map((r) => r.rps)),
          p50: median(list.map((r) => r.p50)),
          p99: median(list.map((r) => r.p99)),
          cpuMsPerRequest: median(list.map((r) => r.cpuMsPerRequest)),
          peakRssMb: list.some((r) => r.peakRssMb === null) ? null : Math.max(...list.map((r) => r.peakRssMb)),
          errors: list.reduce((sum, r) => sum + r.errors, 0),
          lockWaitShare: median(list.map((r) => r.lockWaitShare)),
          sqlPerRequest: sql,
          repeats: list.map((r) => r.rps),
        };
      }
    }
    const dashboards = runs["hub:dashboard"];
    const dashboard = dashboards ? { p50: median(dashboards.map((d) => d.p50)), max: Math.max(...dashboards.map((d) => d.max)), rounds: dashboards.reduce((n, d) => n + d.rounds, 0), failed: dashboards.reduce((n, d) => n + d.failed, 0) } : undefined;
    const report = {
      plan: { ...PLAN, ceilingRequests: names.includes("pgbench") ? CEILING_REQUESTS : undefined },
      quick: QUICK,
      dashboard,
      sizes: setup.sizes,
      contenders: names,
      unavailable: unavailableContenders,
      workloads: workloads.map(({ key, title, agency }) => ({ key, title, agency })),
      results,
      comparisons,
      seconds: (Date.now() - started) / 1000,
    };
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
    if (ceiling.dir && !argv.includes("--keep")) fs.rmSync(ceiling.dir, { recursive: true, force: true });
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
