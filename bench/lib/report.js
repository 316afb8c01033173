/**
 * BENCHMARKS.md and its chart: the medians of each contender on each workload, the ratios the issue sets
 * targets for, and what was measured how. `checkQuick` is the CI gate of `--quick`.
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
  add("(a) p99 at 20 connections (ms)", r("hub", "a")?.p99, 20, 10, false);
  add("(b) SQL per request", r("hub", "b")?.sqlPerRequest, 4, 3, false);
  add("(b) hub ÷ floor", ratio(r("hub", "b")?.rps, r("floor", "b")?.rps), 1.0, 1.5);
  for (const key of ["a", "b", "c", "d"]) add(`(${key}) authorization on ÷ off`, ratio(r("hub", key)?.rps, r("hub-noauth", key)?.rps), 0.9, 0.95);
  add("(c) lock waits, share of connection time", r("hub", "c")?.lockWaitShare, 0.1, 0.1, false);
  add("(d) p50 province dashboard, six sections, one at a time (ms)", report.dashboard?.p50, 400, 250, false);
  add("peak RSS under (b) (MB)", r("hub", "b")?.peakRssMb, 250, 180, false);
  return rows.map((row) => ({ ...row, status: (row.higher ? row.value >= row.goal : row.value <= row.goal) ? "goal" : (row.higher ? row.value >= row.must : row.value <= row.must) ? "must" : "MISSED" }));
}

function chart(report) {
  const bars = [];
  for (const w of report.workloads) for (const name of report.contenders) if (report.results[`${name}:${w.key}`]) bars.push({ w: w.key, name, rps: report.results[`${name}:${w.key}`].rps });
  const colours = ["#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#718096"];
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
    "",
    `![requests per second](${svgName})`,
    "",
  ];
  if (Object.keys(report.comparisons).length) {
    lines.push("Answers of the hub and the floor (their `data`) compared byte for byte on 20 random requests: " + Object.entries(report.comparisons).map(([k, c]) => `(${k}) ${c.same}/${c.of} identical`).join(", ") + ".", "");
  }
  for (const w of report.workloads) {
    const rows = report.contenders.map((name) => report.results[`${name}:${w.key}`]).filter(Boolean);
    if (!rows.length) continue;
    const floor = report.results[`floor:${w.key}`];
    lines.push(`## ${w.title} (as ${w.agency})`, "", "| contender | req/s | p50 ms | p99 ms | CPU ms/req | SQL/req | peak RSS MB | ÷ floor | errors |", "|---|---|---|---|---|---|---|---|---|");
    for (const row of rows) {
      lines.push(`| ${row.contender} | ${fmt(row.rps)} | ${fmt(row.p50, 1)} | ${fmt(row.p99, 1)} | ${fmt(row.cpuMsPerRequest, 2)} | ${fmt(row.sqlPerRequest, 1)} | ${fmt(row.peakRssMb)} | ${fmt(ratio(row.rps, floor?.rps), 2)} | ${row.errors} |`);
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
  for (const [key, comparison] of Object.entries(report.comparisons)) {
    if (comparison.same < comparison.of) problems.push(`(${key}): the hub's data differs from the floor's in ${comparison.of - comparison.same} of ${comparison.of} requests`);
  }
  for (const [key, result] of Object.entries(report.results)) {
    if (result.errors > 0) problems.push(`${key}: ${result.errors} request(s) failed`);
    const allowed = baseline.sqlPerRequest[key];
    if (allowed !== undefined && result.sqlPerRequest > allowed + 0.05) problems.push(`${key}: ${result.sqlPerRequest.toFixed(2)} SQL statements per request (baseline ${allowed})`);
  }
  if (report.dashboard?.failed) problems.push(`the dashboard: ${report.dashboard.failed} section(s) failed`);
  return problems;
}

module.exports = { writeReport, checkQuick, targets };
