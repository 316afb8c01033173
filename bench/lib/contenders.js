/**
 * The contenders, each a server started as its own process on a loopback port over the same database, so its
 * CPU time and memory are its own: the hub as `npm start` runs it (NODE_ENV=production), the hub with
 * authorization off (the bench-only switch), the hand-written floor with graphql-js and with graphql-jit, the
 * floor's resolvers in mercurius, and PostGraphile 5 over the same tables. One contender is no server: the SQL
 * ceiling, pgbench replaying the hub's own statements (`kind: "pgbench"`, run by `run.js` through
 * `sql-ceiling.js`).
 *
 * A contender may need something the machine or the root install does not give: `available()` then answers
 * why it cannot run (null when it can), and the bench reports it unavailable instead of failing. A contender
 * that speaks another schema than the hub's has `body(key, hubBody, facts)`, its own request for the hub's
 * request of workload `key` (same variables), `prepare(server, setup)` for the facts it needs from itself
 * (PostGraphile's page cursors), and `asFloor`/`floorView` to compare its answers with the floor's.
 */
const { fork, spawn } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const path = require("node:path");
const { findPgbench } = require("./sql-ceiling");
const postgraphile = require("./postgraphile");

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
  mercurius: {
    title: "mercurius + graphql-jit on the floor's resolvers",
    workloads: ["a", "b"],
    // The floor's resolvers in another server: its `data` must be the floor's byte for byte.
    compareWithFloor: true,
    start: (setup, databaseUrl, port, nodeArgs) =>
      fork(path.join(ROOT, "bench/peers/mercurius.js"), [], { execArgv: nodeArgs, env: { ...process.env, ...setup.floorEnv, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit", "ipc"] }),
  },
  postgraphile: {
    title: "PostGraphile 5 (amber preset, no authorization)",
    workloads: ["a", "b"],
    available: postgraphile.install,
    start: (setup, databaseUrl, port, nodeArgs) => postgraphile.start(databaseUrl, port, nodeArgs),
    prepare: postgraphile.prepare,
    body: postgraphile.body,
    // Its answers are checked as the same data as the floor's, mapped onto the floor's shape (not byte for byte).
    asFloor: postgraphile.asFloor,
    floorView: postgraphile.floorView,
  },
  pgbench: {
    title: "SQL ceiling: pgbench replaying the hub's statements",
    kind: "pgbench",
    workloads: ["a", "b", "c", "d"],
    available: () => (findPgbench() ? null : "pgbench not found (it comes with PostgreSQL's client programs)"),
  },
};

/** Why the contender cannot run here, or null when it can (a missing install is tried first). */
async function unavailable(name) {
  try {
    return (await CONTENDERS[name].available?.()) ?? null;
  } catch (error) {
    return error.message.split("\n")[0];
  }
}

/** Starts a contender (`nodeArgs`: e.g. --cpu-prof); answers its endpoint, its process and `stop`. */
async function startContender(name, setup, databaseUrl, nodeArgs = []) {
  const port = await freePort();
  const child = CONTENDERS[name].start(setup, databaseUrl, port, nodeArgs);
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitUntilReady(url, child);
  const server = {
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
  try {
    await CONTENDERS[name].prepare?.(server, setup);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
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

module.exports = { CONTENDERS, startContender, unavailable, cpuSeconds, rssMb };
