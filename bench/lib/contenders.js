/**
 * The servers under benchmark, each started as its own process on a loopback port over the same database,
 * so its CPU time and memory are its own: the hub as `npm start` runs it (NODE_ENV=production), the hub with
 * authorization off (the bench-only switch), and the hand-written floor with graphql-js and with graphql-jit.
 */
const { fork, spawn } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const path = require("node:path");

const ROOT = path.join(__dirname, "../..");

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilReady(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server at ${url} was not ready within ${timeoutMs} ms`);
}

/** Environment of a hub process: the bench's database and keys, budgets out of reach (a benchmark is not a flood). */
function hubEnv(setup, databaseUrl, port, extra = {}) {
  return {
    ...process.env,
    ...setup.hubEnv,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    LOG_LEVEL: "error",
    HUB_RATE_LIMIT_CLIENT_POINTS: "1000000000",
    HUB_RATE_LIMIT_ANONYMOUS_POINTS: "1000000000",
    // Fan-out and delivery run on worker instances, off every request's path; their polling would be counted as the requests' SQL.
    HUB_PUSH_WORKERS: "false",
    // Audit tree heads are signed once a minute, off every request's path; that check would be counted likewise.
    HUB_AUDIT_TREE_HEAD_MS: "3600000",
    ...extra,
  };
}

const CONTENDERS = {
  hub: {
    title: "hub",
    workloads: ["a", "b", "c", "d"],
    start: (setup, databaseUrl, port, nodeArgs) => spawn(process.execPath, [...nodeArgs, path.join(ROOT, "dist/cli/main.js"), "serve"], { env: hubEnv(setup, databaseUrl, port), stdio: ["ignore", "ignore", "inherit"] }),
  },
  "hub-noauth": {
    title: "hub, authorization off",
    workloads: ["a", "b", "c", "d"],
    start: (setup, databaseUrl, port, nodeArgs) =>
      spawn(process.execPath, [...nodeArgs, path.join(ROOT, "dist/cli/main.js"), "serve"], { env: hubEnv(setup, databaseUrl, port, { HUB_BENCH_AUTHORIZATION: "off" }), stdio: ["ignore", "ignore", "inherit"] }),
  },
  floor: {
    title: "floor (node:http + graphql-js + pg + DataLoader)",
    workloads: ["a", "b"],
    start: (setup, databaseUrl, port, nodeArgs) =>
      fork(path.join(ROOT, "bench/peers/floor.js"), [], { execArgv: nodeArgs, env: { ...process.env, ...setup.floorEnv, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit", "ipc"] }),
  },
  "floor-jit": {
    title: "floor with graphql-jit",
    workloads: ["a", "b"],
    start: (setup, databaseUrl, port, nodeArgs) =>
      fork(path.join(ROOT, "bench/peers/floor.js"), [], { execArgv: nodeArgs, env: { ...process.env, ...setup.floorEnv, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production", FLOOR_EXECUTOR: "jit" }, stdio: ["ignore", "ignore", "inherit", "ipc"] }),
  },
};

/** Starts a contender (`nodeArgs`: e.g. --cpu-prof); answers its endpoint, its process and `stop`. */
async function startContender(name, setup, databaseUrl, nodeArgs = []) {
  const port = await freePort();
  const child = CONTENDERS[name].start(setup, databaseUrl, port, nodeArgs);
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitUntilReady(url, child);
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name; in clock ticks (100/s).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory now, in MB. */
function rssMb(pid) {
  const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line.split(/\s+/)[1]) / 1024;
}

module.exports = { CONTENDERS, startContender, cpuSeconds, rssMb };
