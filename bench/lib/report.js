/**
 * BENCHMARKS.md and its chart: the medians of each contender on each workload, the ratios the issue sets
 * targets for, the hub against each other contender (the SQL ceiling and PostGraphile 5 among them), and what
 * was measured how. `checkQuick` is the CI gate of `--quick`.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execSync } = require("node:child_process");

const fmt = (value, digits = 0) => (value === null || value === undefined || Number.isNaN(value) ? "–" : Number(value).toFixed(digits));
const ratio = (a, b) => (a && b ? a / b : null);

/** The targets of issue 20 that one run can check: [label, value, must, goal, higher is better]. */
function targets(report) {
  const r = (name, key) => report.results[`${name}:${key}`];
  const rows = [];
  const add = (label, value, must, goal, higher = true) => value !== null && value !== undefined && rows.push({ label, value, must, goal, higher });
  add("(a) hub ÷ floor", ratio(r("hub", "a")?.rps, r("floor", "a")?.rps), 0.6, 0.9);
  add("(a) hub ÷ SQL ceiling", ratio(r("hub", "a")?.rps, r("pgbench", "a")?.rps), 0.35, 0.6);
  add("(a) hub ÷ PostGraphile 5", ratio(r("hub", "a")?.rps, r("postgraphile", "a")?.rps), 1.0, 1.3);
  add("(a) p99 at 20 connections (ms)", r("hub", "a")?.p99, 20, 10, false);
  add("(b) SQL per request", r("hub", "b")?.sqlPerRequest, 4, 3, false);
  add("(b) hub ÷ floor", ratio(r("hub", "b")?.rps, r("floor", "b")?.rps), 1.0, 1.5);
  add("(b) hub ÷ PostGraphile 5", ratio(r("hub", "b")?.rps, r("postgraphile", "b")?.rps), 1.3, 2.0);
  for (const key of ["a", "b", "c", "d"]) add(`(${key}) authorization on ÷ off`, ratio(r("hub", key)?.rps, r("hub-noauth", key)?.rps), 0.9, 0.95);
  add("(c) hub ÷ SQL ceiling of its transaction", ratio(r("hub", "c")?.rps, r("pgbench", "c")?.rps), 0.5, 0.7);
  add("(c) lock waits, share of connection time", r("hub", "c")?.lockWaitShare, 0.1, 0.1, false);
  add("(d) p50 province dashboard, six sections, one at a time (ms)", report.dashboard?.p50, 400, 250, false);
  add("peak RSS under (b) (MB)", r("hub", "b")?.peakRssMb, 250, 180, false);
  return rows.map((row) => ({ ...row, status: (row.higher ? row.value >= row.goal : row.value <= row.goal) ? "goal" : (row.higher ? row.value >= row.must : row.value <= row.must) ? "must" : "MISSED" }));
}

/**
 * The hub's rate over each other contender's, per workload: first the ones issue 20 asks for by name ((a) and
 * (c) against the SQL ceiling, (a) and (b) against PostGraphile 5), then the rest that this run measured.
 * A ceiling's ratio is the share of the database's own rate for the hub's statements that the hub reaches.
 */
const NAMED = { pgbench: "SQL ceiling", postgraphile: "PostGraphile 5", mercurius: "mercurius + graphql-jit", floor: "floor", "floor-jit": "floor-jit", "hub-noauth": "hub, authorization off" };
function ratios(report) {
  const asked = [
    ["a", "pgbench"],
    ["a", "postgraphile"],
    ["b", "postgraphile"],
    ["c", "pgbench"],
  ];
  const rows = [];
  const seen = new Set();
  const add = (key, other, askedFor) => {
    const hub = report.results[`hub:${key}`];
    const them = report.results[`${other}:${key}`];
    seen.add(`${key}:${other}`);
    if (!hub || !them) return;
    const label = `(${key}) hub ÷ ${NAMED[other] ?? other}${other === "pgbench" && key === "c" ? " of its transaction" : ""}`;
    rows.push({ label, value: ratio(hub.rps, them.rps), hub: hub.rps, them: them.rps, askedFor });
  };
  for (const [key, other] of asked) add(key, other, true);
  for (const w of report.workloads) for (const other of report.contenders) if (other !== "hub" && !seen.has(`${w.key}:${other}`)) add(w.key, other, false);
  return rows;
}

function chart(report) {
  const bars = [];
  for (const w of report.workloads) for (const name of report.contenders) if (report.results[`${name}:${w.key}`]) bars.push({ w: w.key, name, rps: report.results[`${name}:${w.key}`].rps });
  const colours = ["#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#718096", "#d69e2e"];
  const width = 720;
  const rowHeight = 22;
  const left = 190;
  const groups = report.workloads.filter((w) => bars.some((b) => b.w === w.key));
  const height = 40 + groups.reduce((h, w) => h + 14 + bars.filter((b) => b.w === w.key).length * rowHeight, 0);
  let y = 30;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`, `<text x="10" y="18" font-weight="bold">requests per second (median of ${report.plan.repeats}), per workload; longer is better</text>`];
  for (const w of groups) {
    const group = bars.filter((b) => b.w === w.key);
    const max = Math.max(...group.map((b) => b.rps));
    parts.push(`<text x="10" y="${y + 10}" font-weight="bold">${w.title.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</text>`);
    y += 14;
    for (const bar of group) {
      const length = max > 0 ? ((width - left - 80) * bar.rps) / max : 0;
      const colour = colours[report.contenders.indexOf(bar.name) % colours.length];
      parts.push(`<text x="20" y="${y + 15}">${bar.name}</text><rect x="${left}" y="${y + 4}" width="${length.toFixed(1)}" height="14" fill="${colour}"/><text x="${(left + length + 6).toFixed(1)}" y="${y + 15}">${fmt(bar.rps)}</text>`);
      y += rowHeight;
    }
  }
  parts.push("</svg>");
  return parts.join("\n");
}

function environment() {
  const cpu = os.cpus()[0]?.model ?? "unknown";
  let postgres = "unknown";
  try {
    postgres = execSync("psql --version", { encoding: "utf8" }).trim();
  } catch {
    // psql absent: the server's version is not printed
  }
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${postgres}; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;
}

function writeReport(report, out) {
  const svgName = `${path.basename(out, ".md")}.svg`;
  fs.writeFileSync(path.join(path.dirname(out), svgName), chart(report));
  const lines = [
    `# Benchmarks${report.quick ? " (quick)" : ""}`,
    "",
    "Written by `npm run bench" + (report.quick ? " -- --quick" : "") + "` (`bench/run.js`); do not edit by hand. Ratios count, not absolute rates: the machine may be loaded by other work.",
    "",
    `- Machine: ${environment()}.`,
    `- Data: ${report.sizes.institutions.toLocaleString("en")} institutions, ${report.sizes.appraisers.toLocaleString("en")} appraisers, ${report.sizes.qualifications.toLocaleString("en")} qualifications, ${report.sizes.feedback.toLocaleString("en")} feedback rows (PostgreSQL on loopback).`,
    `- Load: autocannon, ${report.plan.connections} connections, ${report.plan.seconds} s per run after ${report.plan.warmupSeconds} s of warm-up, random variables, real tokens; ${report.plan.repeats} repeat(s), contenders alternating; medians. Run took ${fmt(report.seconds / 60, 1)} min.`,
    "- CPU per request: the server process's user + system time over the run divided by its requests. Peak RSS: the largest resident size sampled every 100 ms during a run.",
    "- SQL per request: statements (simple queries and extended-protocol executes, BEGIN and COMMIT included) counted by a protocol relay over " + report.plan.countRequests + " sequential requests after a warm-up, in a separate pass.",
  ];
  const has = (name) => report.contenders.includes(name);
  if (has("mercurius")) lines.push("- mercurius: fastify + mercurius with `jit: 1` (graphql-jit) over the floor's own schema, resolvers, DataLoaders, SQL and token check (`bench/peers/mercurius.js`).");
  if (has("postgraphile")) {
    lines.push(
      "- PostGraphile 5: the amber preset over schema `public` of the same database, read-only, on Node 22 (`bench/postgraphile/`); **without authorization**: no token, no role, no visibility rule, so it does less per request than the hub. Its requests ask for the same data in its own schema (the feedback summaries through smart-tag foreign keys, the court's published credit records through one added condition); its summaries come as raw sums.",
    );
  }
  if (has("pgbench")) {
    lines.push(
      `- SQL ceiling: pgbench (${report.plan.connections} clients, 2 threads, simple protocol) replaying the statements the hub sent for ${report.plan.ceilingRequests} captured requests of each workload (one script each, equal weights; bound values inlined; each request's statements per connection, BEGIN and COMMIT as the hub sent them), so transactions/s are the requests/s of a server that costs nothing. For (c) the idempotency key and case number carry a number drawn per transaction and later statements use the id the feedback INSERT returns, so every transaction commits; the audit sequencer's batch, which the hub runs after the transaction without waiting for it and batches under load, is not replayed (hence fewer statements than the hub's count). Its p50 and p99 are pgbench's per-transaction latencies; CPU and memory are PostgreSQL's, not measured.`,
    );
  }
  for (const [name, why] of Object.entries(report.unavailable ?? {})) lines.push(`- ${name}: **unavailable** in this run (${why}).`);
  lines.push("", `![requests per second](${svgName})`, "");
  for (const [name, byKey] of Object.entries(report.comparisons)) {
    const mapped = Object.values(byKey)[0]?.mapped;
    lines.push(
      (mapped ? `Answers of ${name} mapped onto the floor's shape (cursors left out) and the floor's \`data\`, compared on 20 random requests: ` : `Answers of ${name === "hub" ? "the hub" : name} and the floor (their \`data\`) compared byte for byte on 20 random requests: `) +
        Object.entries(byKey).map(([k, c]) => `(${k}) ${c.same}/${c.of} ${mapped ? "the same data" : "identical"}`).join(", ") +
        ".",
      "",
    );
  }
  for (const w of report.workloads) {
    const rows = report.contenders.map((name) => report.results[`${name}:${w.key}`]).filter(Boolean);
    if (!rows.length) continue;
    const floor = report.results[`floor:${w.key}`];
    lines.push(`## ${w.title} (as ${w.agency})`, "", "| contender | req/s | p50 ms | p99 ms | CPU ms/req | SQL/req | peak RSS MB | ÷ floor | errors |", "|---|---|---|---|---|---|---|---|---|");
    for (const row of rows) {
      lines.push(`| ${row.contender === "pgbench" ? "SQL ceiling (pgbench)" : row.contender} | ${fmt(row.rps)} | ${fmt(row.p50, 1)} | ${fmt(row.p99, 1)} | ${fmt(row.cpuMsPerRequest, 2)} | ${fmt(row.sqlPerRequest, 1)} | ${fmt(row.peakRssMb)} | ${fmt(ratio(row.rps, floor?.rps), 2)} | ${row.errors} |`);
    }
    if (w.key === "c" && report.results["hub:c"]?.lockWaitShare !== undefined) {
      lines.push("", `Hub connections waiting on a lock (row, transaction or advisory; \`pg_stat_activity\` sampled every 50 ms): ${fmt(100 * report.results["hub:c"].lockWaitShare, 1)}% of connection time.`);
    }
    if (w.key === "d" && report.dashboard) {
      lines.push(
        "",
        `The province dashboard as its page loads it (the six \`statistics\` sections for Henan at once, one dashboard after the other, as HA-AMR, ${report.dashboard.rounds} dashboards after 2 of warm-up): p50 ${fmt(report.dashboard.p50)} ms, slowest ${fmt(report.dashboard.max)} ms${report.dashboard.failed ? `, ${report.dashboard.failed} sections failed` : ""}.`,
      );
    }
    lines.push("");
  }
  const hubRatios = ratios(report);
  if (hubRatios.length) {
    lines.push("## The hub against the others", "", "Requests per second of the hub divided by the other's (medians); the first rows are the ones issue 20 asks for.", "", "| ratio | hub req/s | other req/s | hub ÷ other |", "|---|---|---|---|");
    for (const r of hubRatios) lines.push(`| ${r.askedFor ? `**${r.label}**` : r.label} | ${fmt(r.hub)} | ${fmt(r.them)} | ${fmt(r.value, 2)} |`);
    lines.push("");
  }
  const checked = targets(report);
  if (checked.length) {
    lines.push("## Targets", "", "| metric | this run | must | goal | |", "|---|---|---|---|---|");
    for (const t of checked) lines.push(`| ${t.label} | ${fmt(t.value, 2)} | ${t.higher ? "≥" : "≤"} ${t.must} | ${t.higher ? "≥" : "≤"} ${t.goal} | ${t.status} |`);
    lines.push("");
  }
  fs.writeFileSync(out, `${lines.join("\n")}\n`);
}

/**
 * What `--quick` fails on: more SQL per request than the baseline allows, failed requests (the directory page
 * refused by the cost limit among them), or the hub answering otherwise than the floor.
 */
function checkQuick(report, baseline) {
  const problems = [];
  for (const [name, byKey] of Object.entries(report.comparisons)) {
    for (const [key, comparison] of Object.entries(byKey)) {
      if (comparison.same < comparison.of) problems.push(`(${key}): the ${name === "hub" ? "hub" : name}'s data differs from the floor's in ${comparison.of - comparison.same} of ${comparison.of} requests`);
    }
  }
  for (const [key, result] of Object.entries(report.results)) {
    if (result.errors > 0) problems.push(`${key}: ${result.errors} request(s) failed`);
    const allowed = baseline.sqlPerRequest[key];
    if (allowed !== undefined && result.sqlPerRequest > allowed + 0.05) problems.push(`${key}: ${result.sqlPerRequest.toFixed(2)} SQL statements per request (baseline ${allowed})`);
  }
  if (report.dashboard?.failed) problems.push(`the dashboard: ${report.dashboard.failed} section(s) failed`);
  return problems;
}

module.exports = { writeReport, checkQuick, targets, ratios };
