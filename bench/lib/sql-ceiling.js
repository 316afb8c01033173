/**
 * The SQL ceiling of a workload (issue 20): how many requests per second the database could serve if a server
 * cost nothing, i.e. pgbench replaying the statements the hub sends for one request of it, at the bench's
 * connections, one pgbench transaction per request (so transactions/s = requests/s and hub ÷ ceiling is the
 * share of the database's own rate that the hub reaches).
 *
 * The statements are captured through the counting relay (`sql-counter.js`) from a hub handling requests one
 * after the other, with their bound values inlined as literals (pgbench's simple protocol parses each one as
 * the hub's unnamed prepared statements are). A request's statements are kept per connection, in order, one
 * connection after the other: a transaction the hub runs on one connection stays whole (BEGIN and COMMIT as it
 * sends them) even when its token check ran on another meanwhile. Several captured requests become weighted
 * pgbench scripts, so the credit code, the page and the appraiser vary as they do for the servers.
 *
 * A write (c) must commit every time, as the hub's does: the request's idempotency key and case number carry
 * pgbench's :client_id and a random number drawn per transaction, and the row it creates gets a new id (see
 * `toScript`), so no two transactions collide on a unique constraint; everything else is replayed as captured.
 * The audit sequencer's batch, which the hub runs after the request's transaction without waiting for it, is
 * not replayed (see `BACKGROUND`): the ceiling of (c) is the ceiling of its transaction.
 */
const { execFile, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { Client } = require("pg");

/** The pgbench binary: on the PATH, or PostgreSQL's own bin directory (Debian keeps it there). */
function findPgbench() {
  const candidates = ["pgbench"];
  try {
    for (const version of fs.readdirSync("/usr/lib/postgresql").sort().reverse()) candidates.push(`/usr/lib/postgresql/${version}/bin/pgbench`);
  } catch {
    // no Debian layout
  }
  for (const candidate of candidates) {
    try {
      execFileSync(candidate, ["--version"], { stdio: "ignore" });
      return candidate;
    } catch {
      // try the next
    }
  }
  return null;
}

/** A bound value as an SQL literal: untyped, as the hub's parameters are (node-postgres sends no types). */
function literal(value) {
  if (value === null || value === undefined) return "NULL";
  if (Buffer.isBuffer(value)) return `'\\x${value.toString("hex")}'::bytea`;
  return `'${String(value).replace(/'/g, "''")}'`;
}

/**
 * The statement with `$n` replaced by its value, outside string literals, quoted identifiers, comments and
 * dollar quotes (where a `$1` is text, not a parameter).
 */
function inline(text, params) {
  if (!params.length) return text;
  let out = "";
  let i = 0;
  const parameter = /\$(\d+)/y;
  const dollarTag = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;
  while (i < text.length) {
    const c = text[i];
    let end = i + 1;
    if (c === "'" || c === '"') {
      // to the closing quote; a doubled quote is one quote inside
      end = i;
      do end = text.indexOf(c, end + 1);
      while (end >= 0 && text[end + 1] === c && (end += 1));
      end = end < 0 ? text.length : end + 1;
    } else if (text.startsWith("--", i)) {
      end = text.indexOf("\n", i);
      if (end < 0) end = text.length;
    } else if (text.startsWith("/*", i)) {
      end = text.indexOf("*/", i + 2);
      end = end < 0 ? text.length : end + 2;
    } else if (c === "$") {
      parameter.lastIndex = i;
      const p = parameter.exec(text);
      if (p) {
        out += literal(params[Number(p[1]) - 1]);
        i += p[0].length;
        continue;
      }
      dollarTag.lastIndex = i;
      const tag = dollarTag.exec(text);
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        end = close < 0 ? text.length : close + tag[0].length;
      }
    }
    out += text.slice(i, end);
    i = end;
  }
  return out;
}

/**
 * Statements of the hub's background work that a request sets off but does not wait for, left out of the
 * replay: the audit sequencer moves queued audit entries into the log after the request's transaction has
 * committed, in batches of whatever is queued (under load one pass serves many requests), numbering and
 * chaining them from the log's head as it reads it, which a replayed literal cannot (its sequence number and
 * hash are taken by then).
 */
const BACKGROUND = [/\bFROM audit_queue ORDER BY id LIMIT\b/, /^\s*WITH taken AS \(DELETE FROM audit_queue\b/];

/**
 * One captured request as the statements pgbench replays: per connection, in order, connections in turn;
 * answers them and the background statements left out.
 */
function requestStatements(captured) {
  const byConnection = new Map();
  let background = 0;
  for (const statement of captured) {
    if (statement.text === null) throw new Error("a statement was prepared before the capture began: its text is unknown");
    if (BACKGROUND.some((pattern) => pattern.test(statement.text))) {
      background += 1;
      continue;
    }
    if (!byConnection.has(statement.connection)) byConnection.set(statement.connection, []);
    byConnection.get(statement.connection).push(statement);
  }
  const statements = [...byConnection.values()].flat().map((s) => inline(s.text, s.params).trim().replace(/;\s*$/, ""));
  return { statements, background };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids in a write's answer: what it created (the new feedback's id), which the replay must create anew. */
function newIds(answer) {
  const ids = [];
  const walk = (value) => {
    if (typeof value === "string" && UUID.test(value)) ids.push(value);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(answer?.data);
  return [...new Set(ids)];
}

/**
 * A pgbench script for one captured request. For a write (`request` given), what must differ in every
 * transaction so that it commits as the hub's did:
 *  - the request's own unique values (idempotency key, case number) get a suffix of :client_id and :bench_seq,
 *    a random number drawn anew in each transaction, wherever they appear (pgbench substitutes its variables
 *    inside literals too);
 *  - a row the request created gets a new id: when the database made it (an INSERT … RETURNING id), the
 *    INSERT keeps its id with `\gset` and later statements use it; when the hub made it, a fresh one is drawn.
 */
function toScript(statements, request) {
  const text = statements.map((s) => `${s};`);
  if (!request) return `${text.join("\n")}\n`;
  const input = request.variables?.input ?? {};
  const head = ["\\set bench_seq random(1, 281474976710655)"];
  for (const value of [input.idempotencyKey, input.agencyCaseNo].filter((v) => typeof v === "string")) {
    const quoted = value.replace(/'/g, "''");
    for (let i = 0; i < text.length; i++) text[i] = text[i].split(quoted).join(`${quoted}-:client_id-:bench_seq`);
  }
  newIds(request.answer).forEach((id, n) => {
    const first = text.findIndex((s) => s.includes(id));
    if (first < 0) return;
    const prefix = `bench_new${n}_`;
    const insert = text.slice(0, first).findLastIndex((s) => /^INSERT INTO[\s\S]*\bRETURNING\s+"?id"?\b/i.test(s));
    let replacement;
    if (insert >= 0) {
      // The database made the id: the INSERT's RETURNING row goes into :bench_newN_id (and its other columns).
      text[insert] = `${text[insert].replace(/;$/, "")} \\gset ${prefix}`;
      replacement = `:${prefix}id`;
    } else {
      // The hub made it: a fresh one, of random decimal digits (which are hex digits), as a version 4 uuid.
      head.push(`\\set ${prefix}a random(10000000, 99999999)`, `\\set ${prefix}b random(1000, 9999)`, `\\set ${prefix}c random(100, 999)`, `\\set ${prefix}d random(100, 999)`, `\\set ${prefix}e random(100000000000, 999999999999)`);
      replacement = `:${prefix}a-:${prefix}b-4:${prefix}c-8:${prefix}d-:${prefix}e`;
    }
    for (let i = first; i < text.length; i++) text[i] = text[i].split(id).join(replacement);
  });
  return `${head.join("\n")}\n${text.join("\n")}\n`;
}

/**
 * The scripts of a workload from its captured requests, written to `dir`: answers each one's path and number of
 * statements, and the background statements left out per request on average.
 */
function writeScripts(dir, key, requests, writes) {
  fs.mkdirSync(dir, { recursive: true });
  return requests.map((request, i) => {
    const { statements, background } = requestStatements(request.captured);
    const file = path.join(dir, `${key}-${String(i + 1).padStart(2, "0")}.sql`);
    fs.writeFileSync(file, toScript(statements, writes ? request : undefined));
    return { file, statements: statements.length, background };
  });
}

/**
 * Runs `run` (a replay of a write) and then takes out of the audit queue what it queued: the replay leaves the
 * sequencer out (`BACKGROUND`), so its entries would wait there for the next hub to start, which would sequence
 * tens of thousands of them while it is being measured.
 */
async function withoutReplayedAuditEntries(databaseUrl, run) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT coalesce(max(id), 0)::text AS id FROM audit_queue");
    const result = await run();
    await client.query("DELETE FROM audit_queue WHERE id > $1", [rows[0].id]);
    return result;
  } finally {
    await client.end();
  }
}

/** pgbench's connection arguments for a database URL (its password, if any, in the environment). */
function connectionArgs(databaseUrl) {
  const url = new URL(databaseUrl);
  const args = ["-h", url.hostname || "127.0.0.1", "-p", url.port || "5432"];
  if (url.username) args.push("-U", decodeURIComponent(url.username));
  args.push(decodeURIComponent(url.pathname.slice(1)));
  const env = { ...process.env };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  return { args, env };
}

/**
 * One pgbench run of a workload's scripts (each with weight 1): `-n` (no vacuum of pgbench's own tables, which
 * the bench database has not), `clients` connections on 2 threads, `seconds` long. Per-transaction latencies
 * are logged to a scratch directory for p50 and p99. Answers transactions/s as pgbench counts them (without the
 * connection time), the latencies in ms, and failures (a client pgbench aborted on an error counts as one).
 */
function runPgbench(pgbench, databaseUrl, scripts, { clients, seconds, log = true }) {
  const { args: connection, env } = connectionArgs(databaseUrl);
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-pgbench-"));
  const args = ["-n", "-c", String(clients), "-j", "2", "-T", String(seconds), ...scripts.flatMap((s) => ["-f", `${s.file}@1`])];
  if (log) args.push("-l", `--log-prefix=${path.join(logDir, "tx")}`);
  return new Promise((resolve) => {
    execFile(pgbench, [...args, ...connection], { env, encoding: "utf8", maxBuffer: 16 * 1024 * 1024, timeout: (seconds + 60) * 1000 }, (error, stdout, stderr) => {
      try {
        const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? NaN);
        const latencies = [];
        for (const file of fs.readdirSync(logDir)) {
          for (const line of fs.readFileSync(path.join(logDir, file), "utf8").split("\n")) {
            const fields = line.split(" ");
            // client, transaction, latency in µs (or "failed"/"skipped"), script, epoch s, µs
            if (fields.length >= 6 && /^\d+$/.test(fields[2])) latencies.push(Number(fields[2]) / 1000);
          }
        }
        latencies.sort((a, b) => a - b);
        const at = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : null);
        const aborted = (stderr.match(/client \d+ aborted/g) ?? []).length;
        const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
        const errors = failed + aborted + (Number.isFinite(tps) ? 0 : 1);
        resolve({
          rps: Number.isFinite(tps) ? tps : 0,
          p50: at(0.5),
          p99: at(0.99),
          requests: Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1] ?? latencies.length),
          errors,
          sampleError: errors || error ? (stderr.split("\n").find((l) => /error|aborted/i.test(l)) ?? String(error?.message ?? stdout.split("\n").find((l) => /failed/.test(l)) ?? "")).slice(0, 300) : undefined,
        });
      } finally {
        fs.rmSync(logDir, { recursive: true, force: true });
      }
    });
  });
}

module.exports = { findPgbench, inline, requestStatements, toScript, writeScripts, runPgbench, withoutReplayedAuditEntries };
