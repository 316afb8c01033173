#!/usr/bin/env node
/**
 * Where a workload's server CPU goes: runs the bench's data set (quick size unless --full), starts one
 * contender under `node --cpu-prof`, sends the workload for --seconds (default 10) and prints the self time
 * by module and package.
 *
 *   npm run build && node bench/profile.js --workload a [--contender hub] [--full] [--seconds 10]
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { summarize } = require("./lib/profile-summary");

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-profile-"));
process.env.BENCH_PROFILE_DIR = profileDir;
process.argv = [process.argv[0], path.join(__dirname, "run.js"), ...(argv.includes("--full") ? [] : ["--quick"]), "--contenders", option("contender", "hub"), "--workloads", option("workload", "a"), "--profile", "--seconds", option("seconds", "10"), "--out", path.join(profileDir, "report.md")];
require("./run.js");
process.on("exit", () => {
  const files = fs.readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"));
  for (const file of files) {
    const { totalMs, top, functions } = summarize(path.join(profileDir, file));
    console.log(`\n${file}: ${totalMs.toFixed(0)} ms of CPU, by module`);
    for (const row of top) console.log(`${(row.share * 100).toFixed(1).padStart(5)}%  ${row.ms.toFixed(0).padStart(6)} ms  ${row.where}`);
    console.log("by function (self time)");
    for (const row of functions) console.log(`${(row.share * 100).toFixed(1).padStart(5)}%  ${row.ms.toFixed(0).padStart(6)} ms  ${row.where}`);
  }
});
