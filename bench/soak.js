#!/usr/bin/env node
/**
 * The soak (issue 15): mixed traffic from every agency kind plus abusive traffic, on loopback, for
 * `SOAK_SECONDS` (default 300), against a hub in a process of its own, whose memory is watched.
 *
 *   npm run soak                                                         # PGlite in a scratch directory
 *   SOAK_SECONDS=30 npm run soak                                         # a quick run
 *   SOAK_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run soak   # a scratch database there
 *
 * The hub: `node bin/hub.js serve` with HUB_ENV=test, the demo data, a scratch HUB_DATA_DIR, on a free
 * loopback port, started and watched until `/readyz` answers 200; its RSS is read from /proc/<pid>/status
 * every 5 s. Budgets are the defaults but for one: XX-PSB (the flooder) gets 600 points a minute through
 * `updateAgency`, as a registry administrator would set it.
 *
 * The traffic: `SOAK_CONCURRENCY` (default 8) workers, each sending one request after another, picking a class
 * by weight; the well-behaved classes come from 127.0.0.1, the anonymous public from 32 addresses of its own
 * (127.0.1.x, as many citizens), each abusive class from addresses of its own (a refused address must not
 * lock out the rest). Writes are bounded by a token bucket (`SOAK_WRITES_PER_SECOND`, default 2: feedback
 * posts with fresh idempotency keys, a quarter of them retried with the same key, which must answer
 * `replayed: true` with the same id, and a few with the same key and other input, which must answer
 * CONFLICT); reads with `pii:read` and a case reference are disclosures, each an audit entry too. Besides the
 * workers, `SOAK_FLOOD_CONCURRENCY` (default 2) loops flood as XX-PSB, back to back with no back-off.
 * Classes (see CLASSES below): courts and the procuratorate (credentials by credit code with X-Case-Ref,
 * directory pages), police (their feedback list, posting feedback), bureaus (dashboard statistics, appraisers'
 * ID numbers with pii:read, abnormal patents, trademarks, credit), the association, the institutions' own
 * systems (their cases), the anonymous public (directory); abusive: bad tokens (garbage, another key's
 * signature in a court's name, expired, alg none in a police system's name), over-cost queries, malformed
 * requests, the flood. The bad tokens in XY-COURT's and XY-PSB's names soon answer 429, while those
 * systems' own tokens must keep passing (a stranger cannot lock them out).
 *
 * The report (stdout, a table then one JSON object): requests, throughput, p50/p99 per class, counts by HTTP
 * status and by error code (`extensions.code`), the hub's RSS at start, peak and end, and the slope of RSS
 * (least squares, MB/min) over the samples after the warm-up (the first 20% of the run) and over the second
 * half. Progress goes to stderr every 30 s.
 *
 * Exit code 1 when any of these happens (there is no fault window in this soak):
 *  - any HTTP 5xx, any `INTERNAL_SERVER_ERROR`, any request failing without an answer or taking over 30 s;
 *  - an answer a class does not expect: a well-behaved class gets anything but 200 without errors (so a 429
 *    for a well-behaved client fails), an abusive class anything but its refusal (bad tokens: 401
 *    UNAUTHENTICATED or 429 RATE_LIMITED; over-cost: 400 QUERY_TOO_COMPLEX; malformed: 400 with a parse,
 *    validation or bad-request code; the flood: 200, or 429 RATE_LIMITED with Retry-After), a retry that is not replayed with
 *    the same id, an ID number masked for a bureau with pii:read and a case reference;
 *  - the limits were never seen working: no 429 for the flood, or none for the bad tokens (runs of 60 s or more);
 *  - steady memory growth: the RSS slope over the second half of the run exceeds 2 MB/min AND the RSS at
 *    the end exceeds 1.25 × the RSS at the end of the warm-up (both: a slope alone can be a heap settling,
 *    a ratio alone a one-off step; growth that would exhaust the memory shows both);
 *  - the hub does not exit 0 on SIGTERM within 30 s, or `hub audit verify` fails after it stopped.
 * SOAK_KEEP=1 keeps the data directory (and the scratch database).
 */
require("reflect-metadata");
const fs = require("node:fs");
const http = require("node:http");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");
const { spawn } = require("node:child_process");
const { generateKeyPair, SignJWT } = require("jose");
const { Client } = require("pg");
const { loadConfig } = require("../dist/config/config");
const { loadSigningKey } = require("../dist/auth/signing-key");
const { issueToken } = require("../dist/auth/token");

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 8);
const FLOOD_CONCURRENCY = Number(process.env.SOAK_FLOOD_CONCURRENCY ?? 2);
const WRITES_PER_SECOND = Number(process.env.SOAK_WRITES_PER_SECOND ?? 2);
const SAMPLE_MS = 5000;
const REQUEST_TIMEOUT_MS = 30_000;
const WARM_UP_FRACTION = 0.2;
const MAX_SLOPE_MB_PER_MIN = 2;
const MAX_GROWTH = 1.25;
const FLOOD_POINTS = 600;
const CLI = path.join(__dirname, "..", "bin", "hub.js");

// ---------------------------------------------------------------------------------------------------------
// The demo data's fixed facts (src/seed): institutions' credit codes, agencies.

const CREDIT_CODES = ["91411500MA9F3K2L21", "91411502MA4X7Q1R0F", "52411500MJY123458K", "91410700MA9G0T8C63", "91410783MA3W5N6P4P", "91411525MA47GT3K2G", "91410702MA46HX8T1F", "91411503MA45PQ2W7A", "91410721MA44LR5N9Q"];
const CASE_REF = encodeURIComponent("(2024)豫15知民初32号");
const pick = (list) => list[Math.floor(Math.random() * list.length)];

// ---------------------------------------------------------------------------------------------------------
// Operations, as the agencies' systems send them (shapes from README.md and test/*.test.ts).

const CREDENTIALS = `query Credentials($code: CreditCode!, $entrusted: Date!) { institution(creditCode: $code) { name listingStatus listingLevel listedAt grade technicalFields
  listedOnEntrustDate: listingStatusOn(date: $entrusted) listingHistory { toStatus reason decisionDocNo effectiveOn }
  appraisers { name idNumber titles { title level } qualifications { kind certificateNo validUntil } technicalFields status }
  creditRecords { severity status decisionDocNo } } }`;
const DIRECTORY_PAGE = `query Directory($after: String) { institutions(first: 5, after: $after, filter: { listingStatus: LISTED }) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { name creditCode listingStatus technicalFields regionName feedbackSummary { count averages { professionalism reportQuality } adoptionRate complaintsLast12Months }
  appraisers { name feedbackSummary { count adoptionRate } } } } } }`;
const FEEDBACK_LIST = `query Feedback($kind: FeedbackKind) { caseFeedbacks(first: 20, filter: { kind: $kind }) { totalCount edges { node { id kind agencyCaseNo postedAt timeliness professionalism opinionAdopted
  complaintStatus appraiser { name } institution { name } } } } }`;
const POST_FEEDBACK = `mutation Post($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { replayed feedback { id agencyCaseNo postedAt } } }`;
/** The six section queries /dashboard sends, for the caller's own region. */
const STATISTICS = require("./dashboard-queries").DASHBOARD_SECTIONS;
const APPRAISER_PII = `query Appraiser($id: ID!) { appraiser(id: $id) { name idNumber phone status institution { name } feedbackSummary { count } } }`;
const SUPERVISION = [
  `{ abnormalPatentItems(first: 20) { totalCount edges { node { applicationNumber title applicantName status deadline allocatedAgencyCode notifiedAt handledAt } } } }`,
  `{ abnormalPatentBatches(first: 10) { edges { node { batchNo itemCount withdrawnCount withdrawalRate totals { overdueCount meetsTarget } } } } }`,
  `{ trademarkAlerts(first: 20, filter: { unresolved: true }) { totalCount edges { node { kind detail status dueOn raisedOn } } } }`,
  `{ custodyTrademarks(first: 20) { edges { node { registrationNumber markName category ownerName custodianAgencyCode } } } }`,
  `{ creditRecords(first: 20) { edges { node { subjectName behaviour severity status decidedOn publishUntil } } } }`,
];
const ASSOCIATION = [
  `{ caseFeedbacks(first: 20, filter: { kind: COMPLAINT }) { totalCount edges { node { agencyCaseNo complaintStatus complaintRespondBy complaintOverdue comment } } } }`,
  `{ institutions(first: 10, filter: { regionCode: "411500" }) { edges { node { name listingStatus creditGrade creditGradeWhy cultivationStage supervisionRecords { kind conductedOn result } } } } }`,
  `{ supervisionRecords(first: 20) { edges { node { kind conductedOn result score findings } } } }`,
];
const INSTITUTION_CASES = [
  `{ appraisalCases(first: 20) { totalCount edges { node { id agencyCaseNo status technicalField entrustedOn acceptedOn deadlines { acceptBy completeBy clockPaused overdue }
    history { action actorAgencyCode occurredOn } } } } }`,
  `{ me { clientSystem scopes agency { code kind institution { name listingStatus technicalFields } } } }`,
];
const PUBLIC = [
  () => ({ query: `{ institutions(first: 20) { totalCount edges { node { name creditCode listingStatus listingLevel technicalFields regionName } } } }` }),
  () => ({ query: `query($code: CreditCode!) { institution(creditCode: $code) { name address listingStatus technicalFields appraisalMatters appraisers { name technicalFields } } }`, variables: { code: pick(CREDIT_CODES) } }),
  () => ({ query: `{ creditRecords(first: 10) { edges { node { subjectName behaviour severity decidedOn } } } }` }),
];
/** Each over the cost limit (20,000 objects), the alias limit or the depth limit. */
const OVER_COST = [
  `{ institutions(first: 100) { edges { node { appraisers { institution { appraisers { institution { appraisers { institution { appraisers { name } } } } } } } } } } }`,
  `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: institutions(first: 100) { edges { node { name } } }`).join(" ")} }`,
  `{ appraisers(first: 100) { edges { node { institution { appraisers { institution { appraisers { institution { appraisers { institution { appraisers { name } } } } } } } } } } } }`,
];

// ---------------------------------------------------------------------------------------------------------
// HTTP: keep-alive connections, from the source address a class gives.

// `timeout` makes the agent honour the hub's `Keep-Alive: timeout=5` (it drops an idle connection a second
// before the hub would, instead of racing the hub's close with a new request and getting ECONNRESET).
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: REQUEST_TIMEOUT_MS });
let port;

/** One request; resolves with its status, parsed body and time, or with status 0 when it got no answer. */
function send({ path: urlPath = "/graphql", method = "POST", headers = {}, body, localAddress = "127.0.0.1" }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, path: urlPath, method, headers: { ...(body !== undefined && !headers["content-type"] ? { "content-type": "application/json" } : {}), ...headers }, localAddress, agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, json, text, headers: res.headers, ms: performance.now() - started });
      });
      res.on("error", (error) => resolve({ status: 0, failure: error.code ?? error.message, ms: performance.now() - started }));
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    req.on("error", (error) => resolve({ status: 0, failure: error.code ?? error.message, ms: performance.now() - started }));
    if (body !== undefined) req.write(typeof body === "string" ? body : JSON.stringify(body));
    req.end();
  });
}

const codesOf = (res) => (Array.isArray(res.json?.errors) ? res.json.errors.map((e) => e?.extensions?.code ?? "NO_CODE") : []);

// ---------------------------------------------------------------------------------------------------------
// Traffic classes. `request(ctx)` gives what to send; `check(res, sent, ctx)` returns why the answer is
// unexpected, or nothing. `kind`: well-behaved or abusive (for the report).

const ok = (res) => (res.status === 200 && codesOf(res).length === 0 && res.json?.data ? undefined : `expected 200 without errors`);
const refusal = (statuses, codes) => (res) => (statuses.includes(res.status) && codesOf(res).length > 0 && codesOf(res).every((c) => codes.includes(c)) ? undefined : `expected ${statuses.join("/")} ${codes.join("/")}`);

/** Writes left in the bucket: refilled at WRITES_PER_SECOND, at most one second's worth saved up. */
const bucket = { tokens: 0, at: Date.now() };
function takeWrite() {
  const now = Date.now();
  bucket.tokens = Math.min(Math.max(1, WRITES_PER_SECOND), bucket.tokens + ((now - bucket.at) / 1000) * WRITES_PER_SECOND);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

let writeSeq = 0;
/** Posts waiting for their retry (same key, same input), and for a conflicting one (same key, other input). */
const retries = [];

const CLASSES = [
  {
    name: "court.credentials", kind: "well-behaved", weight: 14,
    request: (ctx) => ({ headers: { authorization: `Bearer ${ctx.tokens[pick(["XY-COURT", "XX-COURT", "XY-PROC"])]}`, "x-case-ref": CASE_REF }, body: { query: CREDENTIALS, variables: { code: pick(CREDIT_CODES), entrusted: "2024-03-15" } } }),
    check: ok,
  },
  {
    name: "court.directory", kind: "well-behaved", weight: 12,
    request: (ctx, worker) => {
      const agency = pick(["XY-COURT", "XX-COURT", "XY-PROC"]);
      const after = worker.cursors[agency] ?? null;
      return { headers: { authorization: `Bearer ${ctx.tokens[agency]}` }, body: { query: DIRECTORY_PAGE, variables: { after } }, agency };
    },
    check: (res, sent, ctx, worker) => {
      const page = res.json?.data?.institutions;
      if (page) worker.cursors[sent.agency] = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
      return ok(res);
    },
  },
  {
    name: "police.feedback-list", kind: "well-behaved", weight: 8,
    request: (ctx) => ({ headers: { authorization: `Bearer ${ctx.tokens[pick(["XY-PSB", "GS-PSB"])]}` }, body: { query: FEEDBACK_LIST, variables: { kind: pick([null, "EVALUATION", "COMPLAINT"]) } } }),
    check: ok,
  },
  {
    name: "police.post-feedback", kind: "well-behaved", weight: 0, // sent when the write bucket allows (see pickClass)
    request: (ctx) => {
      const retry = retries.length > 0 && Math.random() < 0.5 ? retries.shift() : undefined;
      if (retry) {
        const conflicting = retry.conflict;
        const input = conflicting ? { ...retry.input, ratings: { timeliness: retry.input.ratings.timeliness === 1 ? 2 : 1 } } : retry.input;
        return { headers: { authorization: `Bearer ${ctx.tokens[retry.agency]}` }, body: { query: POST_FEEDBACK, variables: { input } }, retry };
      }
      const agency = pick(["XY-PSB", "GS-PSB", "XY-COURT"]);
      const n = ++writeSeq;
      const input = {
        idempotencyKey: `soak-${ctx.runId}-${n}`,
        agencyCaseNo: agency === "XY-COURT" ? `(2025)豫15知民初${n}号` : `${agency === "GS-PSB" ? "固公" : "信公"}经立字〔2025〕${n}号`,
        appraiserId: pick(ctx.appraiserIds),
        kind: "EVALUATION",
        ratings: { timeliness: 1 + (n % 5), professionalism: 1 + ((n * 3) % 5), reportQuality: 1 + ((n * 7) % 5) },
        opinionAdopted: n % 4 !== 0,
        comment: `压测反馈 ${n}`,
      };
      return { headers: { authorization: `Bearer ${ctx.tokens[agency]}` }, body: { query: POST_FEEDBACK, variables: { input } }, agency, input };
    },
    check: (res, sent) => {
      if (sent.retry?.conflict) return res.status === 200 && codesOf(res).join() === "CONFLICT" ? undefined : "expected CONFLICT for the same key with other input";
      const problem = ok(res);
      if (problem) return problem;
      const answer = res.json.data.postCaseFeedback;
      if (sent.retry) {
        if (!answer.replayed || answer.feedback.id !== sent.retry.id) return `a retry answered replayed ${answer.replayed}, id ${answer.feedback.id} (first ${sent.retry.id})`;
        return undefined;
      }
      if (answer.replayed) return "a fresh key answered replayed";
      if (Math.random() < 0.25) retries.push({ agency: sent.agency, input: sent.input, id: answer.feedback.id, conflict: Math.random() < 0.2 });
      return undefined;
    },
  },
  {
    name: "bureau.statistics", kind: "well-behaved", weight: 8,
    request: (ctx) => ({ headers: { authorization: `Bearer ${ctx.tokens[pick(["XY-AMR", "HA-AMR", "XX-AMR", "XY-IPAA", "XY-COURT"])]}` }, body: { query: pick(STATISTICS) } }),
    check: ok,
  },
  {
    name: "bureau.appraiser-pii", kind: "well-behaved", weight: 5,
    request: (ctx) => ({ headers: { authorization: `Bearer ${ctx.tokens[pick(["XY-AMR+pii", "XY-IPAA+pii"])]}`, "x-case-ref": CASE_REF, "x-end-user": encodeURIComponent("李明") }, body: { query: APPRAISER_PII, variables: { id: pick(ctx.xinyangAppraiserIds) } } }),
    check: (res) => ok(res) ?? (/^\d{17}[\dX]$/.test(res.json.data.appraiser?.idNumber ?? "") ? undefined : `an ID number answered ${res.json.data.appraiser?.idNumber} (expected it in full)`),
  },
  {
    name: "bureau.supervision", kind: "well-behaved", weight: 6,
    request: (ctx) => ({ headers: { authorization: `Bearer ${ctx.tokens[pick(["XY-AMR", "XX-AMR", "HA-AMR"])]}` }, body: { query: pick(SUPERVISION) } }),
    check: ok,
  },
  {
    name: "association", kind: "well-behaved", weight: 5,
    request: (ctx) => ({ headers: { authorization: `Bearer ${ctx.tokens["XY-IPAA"]}` }, body: { query: pick(ASSOCIATION) } }),
    check: ok,
  },
  {
    name: "institution.cases", kind: "well-behaved", weight: 6,
    request: (ctx) => ({ headers: { authorization: `Bearer ${ctx.tokens[pick(["XY-ZYJD", "XY-CDJD", "XX-HXJD"])]}` }, body: { query: pick(INSTITUTION_CASES) } }),
    check: ok,
  },
  {
    name: "public.directory", kind: "well-behaved", weight: 12,
    request: () => ({ body: pick(PUBLIC)(), localAddress: `127.0.1.${1 + Math.floor(Math.random() * 32)}` }),
    check: ok,
  },
  {
    name: "abuse.bad-token", kind: "abusive", weight: 4,
    request: (ctx) => ({ headers: { authorization: pick(ctx.badTokens) }, body: { query: "{ me { clientSystem } }" }, localAddress: `127.0.2.${1 + Math.floor(Math.random() * 4)}` }),
    check: refusal([401, 429], ["UNAUTHENTICATED", "RATE_LIMITED"]),
  },
  {
    name: "abuse.over-cost", kind: "abusive", weight: 3,
    request: (ctx) => {
      const anonymous = Math.random() < 0.5;
      return { headers: anonymous ? {} : { authorization: `Bearer ${ctx.tokens["XY-PROC"]}` }, body: { query: pick(OVER_COST) }, localAddress: anonymous ? "127.0.3.1" : "127.0.0.1" };
    },
    check: refusal([400], ["QUERY_TOO_COMPLEX"]),
  },
  {
    name: "abuse.malformed", kind: "abusive", weight: 3,
    request: () => ({ ...pick(MALFORMED)(), localAddress: `127.0.4.${1 + Math.floor(Math.random() * 4)}` }),
    check: refusal([400], ["BAD_REQUEST", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]),
  },
];
const FLOOD = {
  name: "abuse.flood", kind: "abusive",
  request: (ctx) => ({ headers: { authorization: `Bearer ${ctx.tokens["XX-PSB"]}` }, body: { query: `{ institutions(first: 20) { edges { node { name creditCode listingStatus } } } }` } }),
  check: (res) => (res.status === 429 ? refusal([429], ["RATE_LIMITED"])(res) ?? (res.headers["retry-after"] ? undefined : "429 without Retry-After") : ok(res)),
};

/** Requests that are not GraphQL requests, or not valid ones. */
const MALFORMED = [
  () => ({ body: '{"query": "{ institutions(first: 1) { totalCount } }"' }), // truncated JSON
  () => ({ body: "not json at all" }),
  () => ({ body: "[1, 2, 3]" }),
  () => ({ body: { variables: {} } }), // no query
  () => ({ body: { query: "{ institutions(first: 1) { totalCount " } }), // GraphQL syntax error
  () => ({ body: { query: "{ institutionz { name } }" } }), // unknown field
  () => ({ body: { query: "query($n: Int!) { institutions(first: $n) { totalCount } }", variables: { n: "many" } } }), // wrong variable type
  () => ({ body: { query: "{ institutions(first: 1) { totalCount } }", variables: "x" } }),
];

// ---------------------------------------------------------------------------------------------------------
// Statistics.

const stats = new Map();
function record(cls, res, problem) {
  let s = stats.get(cls.name);
  if (!s) stats.set(cls.name, (s = { kind: cls.kind, requests: 0, latencies: [], statuses: {}, codes: {}, unexpected: 0, samples: [] }));
  s.requests++;
  s.latencies.push(res.ms);
  const status = res.status === 0 ? `no answer (${res.failure})` : String(res.status);
  s.statuses[status] = (s.statuses[status] ?? 0) + 1;
  for (const code of codesOf(res)) s.codes[code] = (s.codes[code] ?? 0) + 1;
  if (res.ms > REQUEST_TIMEOUT_MS) problem ??= "took longer than 30 s";
  if (res.status === 0 || res.status >= 500) problem = `HTTP ${status}`;
  if (codesOf(res).includes("INTERNAL_SERVER_ERROR")) problem = "INTERNAL_SERVER_ERROR";
  if (problem) {
    s.unexpected++;
    if (s.samples.length < 5) s.samples.push({ problem, status, codes: codesOf(res), body: (res.text ?? "").slice(0, 300) });
  }
}

const percentile = (sorted, p) => (sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
const round = (x, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? null : +x.toFixed(digits));

/** Least-squares slope of `points` ({ t: seconds, mb }) in MB per minute; null with fewer than 3 points. */
function slopePerMinute(points) {
  if (points.length < 3) return null;
  const n = points.length;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const mm = points.reduce((a, p) => a + p.mb, 0) / n;
  const num = points.reduce((a, p) => a + (p.t - mt) * (p.mb - mm), 0);
  const den = points.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  return den === 0 ? null : (num / den) * 60;
}

// ---------------------------------------------------------------------------------------------------------
// The hub.

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port: p } = server.address();
      server.close(() => resolve(p));
    });
  });
}

function rssMb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The V8 heap in use in the hub, from its /metrics (open outside production), to tell JS growth from the rest. */
async function heapMb() {
  const res = await send({ path: "/metrics", method: "GET" });
  const match = /^nodejs_heap_size_used_bytes (\S+)$/m.exec(res.text ?? "");
  return match ? Number(match[1]) / 1024 / 1024 : null;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function graphqlOnce(token, query, variables, extraHeaders = {}) {
  const res = await send({ headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extraHeaders }, body: { query, variables } });
  if (res.status !== 200 || !res.json || res.json.errors) throw new Error(`setup: ${query.slice(0, 60)}… answered ${res.status} ${res.text?.slice(0, 300) ?? res.failure}`);
  return res.json.data;
}

async function main() {
  const runId = Date.now().toString(36);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-soak-"));
  let admin;
  let scratchDb;
  const env = { ...process.env, HUB_ENV: "test", HUB_DATA_DIR: dataDir, HUB_DEMO_DATA: "true", HOST: "127.0.0.1", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  if (process.env.SOAK_DATABASE_URL) {
    scratchDb = `hub_soak_${runId}`;
    admin = new Client({ connectionString: process.env.SOAK_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${scratchDb}`);
    const url = new URL(process.env.SOAK_DATABASE_URL);
    url.pathname = `/${scratchDb}`;
    env.DATABASE_URL = url.toString();
  }
  port = await freePort();
  env.PORT = String(port);

  const startedAt = Date.now();
  const hub = spawn(process.execPath, [CLI, "serve"], { env, stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise((resolve) => hub.once("exit", (code, signal) => resolve({ code, signal })));
  // The hub's JSON log: counted by level; error lines kept (a few).
  const log = { lines: 0, byLevel: {}, messages: {}, errors: [], tail: [] };
  let partial = "";
  hub.stderr.setEncoding("utf8").on("data", (chunk) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop();
    for (const line of lines) {
      log.lines++;
      log.tail.push(line);
      if (log.tail.length > 20) log.tail.shift();
      let level = "text";
      let msg = line.slice(0, 120);
      try {
        const entry = JSON.parse(line);
        level = String(entry.level ?? "text");
        msg = String(entry.msg ?? "");
      } catch {}
      log.byLevel[level] = (log.byLevel[level] ?? 0) + 1;
      const key = `${level}: ${msg}`;
      if (log.messages[key] !== undefined || Object.keys(log.messages).length < 50) log.messages[key] = (log.messages[key] ?? 0) + 1;
      if (["error", "fatal"].includes(level) || Number(level) >= 50) {
        if (log.errors.length < 10) log.errors.push(line.slice(0, 500));
      }
    }
  });
  const failures = [];
  let report;
  try {
    for (;;) {
      const ready = await send({ path: "/readyz", method: "GET" });
      if (ready.status === 200) break;
      if (hub.exitCode !== null || hub.signalCode !== null || Date.now() - startedAt > 180_000) throw new Error(`the hub did not become ready:\n${log.tail.join("\n")}`);
      await sleep(250);
    }
    const readyAfterMs = Date.now() - startedAt;
    process.stderr.write(`soak: hub pid ${hub.pid} ready on 127.0.0.1:${port} in ${(readyAfterMs / 1000).toFixed(1)} s (${env.DATABASE_URL ? `PostgreSQL, database ${scratchDb}` : "PGlite"}, data ${dataDir})\n`);

    // Tokens, signed with the data directory's key as `hub token` signs them (an hour: longer than the run).
    const config = loadConfig(env);
    const key = await loadSigningKey(config, { create: false });
    const lifetimeSeconds = Math.max(3600, SECONDS * 2 + 600);
    const token = (agencyCode, scopes = []) => issueToken(key, config.jwt, { agencyCode, clientName: "default", scopes, lifetimeSeconds });
    const tokens = {};
    for (const code of ["CNIPA", "HA-AMR", "XY-AMR", "XX-AMR", "XY-COURT", "XX-COURT", "XY-PROC", "XY-PSB", "GS-PSB", "XX-PSB", "XY-IPAA", "XY-ZYJD", "XY-CDJD", "XX-HXJD"]) tokens[code] = await token(code);
    tokens["XY-AMR+pii"] = await token("XY-AMR", ["pii:read"]);
    tokens["XY-IPAA+pii"] = await token("XY-IPAA", ["pii:read"]);
    const adminToken = await token("HA-AMR", ["registry:admin"]);

    // Bad tokens: garbage, another key's signature in XY-COURT's name, expired, alg none, not a bearer.
    const { privateKey: strangerKey } = await generateKeyPair("ES256");
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ scope: "" }).setProtectedHeader({ alg: "ES256", kid: key.kid }).setIssuer(config.jwt.issuer).setAudience(config.jwt.audience).setSubject("XY-COURT/default").setIssuedAt(now).setExpirationTime(now + 3600).sign(strangerKey);
    const expired = await issueToken(key, config.jwt, { agencyCode: "XY-COURT", clientName: "default", scopes: [], lifetimeSeconds: 60 }, new Date(Date.now() - 3_600_000));
    const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const none = `${b64({ alg: "none", typ: "JWT" })}.${b64({ iss: config.jwt.issuer, aud: config.jwt.audience, sub: "XY-PSB/default", iat: now, exp: now + 3600 })}.`;
    const badTokens = [`Bearer ${forged}`, `Bearer ${expired}`, `Bearer ${none}`, "Bearer abc.def.ghi", "Bearer not-a-token", "Basic eHk6Y291cnQ="];

    // Setup through the API: the flooder's budget, and the appraisers the traffic names.
    const { agency: flooder } = await graphqlOnce(adminToken, `{ agency(code: "XX-PSB") { version } }`);
    await graphqlOnce(adminToken, `mutation($v: Int!) { updateAgency(code: "XX-PSB", expectedVersion: $v, input: { rateLimitPoints: ${FLOOD_POINTS} }) { rateLimitPoints } }`, { v: flooder.version });
    const appraisers = (await graphqlOnce(tokens["XY-AMR"], `{ appraisers(first: 100) { edges { node { id regionCode } } } }`)).appraisers.edges.map((e) => e.node);
    const xinyangAppraiserIds = appraisers.filter((a) => a.regionCode?.startsWith("4115")).map((a) => a.id);
    const policeVisible = (await graphqlOnce(tokens["XY-PSB"], `{ appraisers(first: 100) { edges { node { id } } } }`)).appraisers.edges.map((e) => e.node.id);
    const ctx = { runId, tokens, badTokens, appraiserIds: policeVisible, xinyangAppraiserIds };
    if (xinyangAppraiserIds.length === 0 || policeVisible.length === 0) throw new Error("setup: the demo data has no appraisers");

    // Memory samples: t (s since traffic began), RSS, V8 heap.
    const samples = [];
    const t0 = Date.now();
    const sample = async () => {
      const rss = rssMb(hub.pid);
      const heap = await heapMb().catch(() => null);
      if (rss !== null) samples.push({ t: (Date.now() - t0) / 1000, mb: rss, heapMb: heap });
    };
    await sample();
    const sampler = setInterval(sample, SAMPLE_MS);

    // Progress every 30 s.
    let done = 0;
    let lastDone = 0;
    const progress = setInterval(() => {
      const unexpected = [...stats.values()].reduce((a, s) => a + s.unexpected, 0);
      const last = samples[samples.length - 1];
      process.stderr.write(`soak: ${Math.round((Date.now() - t0) / 1000)} s, ${((done - lastDone) / 30).toFixed(0)} req/s, RSS ${last?.mb.toFixed(0)} MB (heap ${last?.heapMb?.toFixed(0) ?? "?"} MB), unexpected ${unexpected}\n`);
      lastDone = done;
    }, 30_000);

    const until = t0 + SECONDS * 1000;
    const totalWeight = CLASSES.reduce((a, c) => a + c.weight, 0);
    const postClass = CLASSES.find((c) => c.name === "police.post-feedback");
    const pickClass = () => {
      if (takeWrite()) return postClass;
      let r = Math.random() * totalWeight;
      for (const cls of CLASSES) if ((r -= cls.weight) < 0) return cls;
      return CLASSES[0];
    };
    const run = async (next) => {
      const worker = { cursors: {} };
      while (Date.now() < until) {
        const cls = next();
        const sent = cls.request(ctx, worker);
        const res = await send(sent);
        let problem;
        try {
          problem = res.status === 0 ? undefined : cls.check(res, sent, ctx, worker);
        } catch (error) {
          problem = `check failed: ${error.message}`;
        }
        record(cls, res, problem);
        done++;
      }
    };
    await Promise.all([...Array.from({ length: CONCURRENCY }, () => run(pickClass)), ...Array.from({ length: FLOOD_CONCURRENCY }, () => run(() => FLOOD))]);
    const elapsed = (Date.now() - t0) / 1000;
    clearInterval(sampler);
    clearInterval(progress);
    await sample();

    // Stop the hub as an operator would, then check the audit chain the traffic wrote.
    hub.kill("SIGTERM");
    const stop = await Promise.race([exited, sleep(30_000).then(() => null)]);
    if (!stop) hub.kill("SIGKILL");
    const verify = await new Promise((resolve) => {
      const proc = spawn(process.execPath, [CLI, "audit", "verify"], { env, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      proc.stdout.setEncoding("utf8").on("data", (c) => (out += c));
      proc.stderr.setEncoding("utf8").on("data", (c) => (out += c));
      proc.once("close", (code) => resolve({ code, out: out.trim().split("\n").slice(-3).join(" | ") }));
    });

    // ---- The report.
    const classes = {};
    const byStatus = {};
    const byCode = {};
    let requests = 0;
    let wellBehaved = 0;
    for (const cls of [...CLASSES, FLOOD]) {
      const s = stats.get(cls.name);
      if (!s) continue;
      s.latencies.sort((a, b) => a - b);
      requests += s.requests;
      if (s.kind === "well-behaved") wellBehaved += s.requests;
      for (const [k, v] of Object.entries(s.statuses)) byStatus[k] = (byStatus[k] ?? 0) + v;
      for (const [k, v] of Object.entries(s.codes)) byCode[k] = (byCode[k] ?? 0) + v;
      classes[cls.name] = { kind: s.kind, requests: s.requests, perSecond: round(s.requests / elapsed), p50Ms: round(percentile(s.latencies, 50)), p99Ms: round(percentile(s.latencies, 99)), maxMs: round(s.latencies[s.latencies.length - 1]), statuses: s.statuses, codes: s.codes, unexpected: s.unexpected, ...(s.samples.length ? { unexpectedSamples: s.samples } : {}) };
    }
    const warmUpEnd = SECONDS * WARM_UP_FRACTION;
    const afterWarmUp = samples.filter((p) => p.t >= warmUpEnd);
    const secondHalf = samples.filter((p) => p.t >= SECONDS / 2);
    const atWarmUpEnd = afterWarmUp[0] ?? samples[samples.length - 1];
    const end = samples[samples.length - 1];
    const slope80 = slopePerMinute(afterWarmUp);
    const slopeHalf = slopePerMinute(secondHalf);
    const heapSlope80 = slopePerMinute(afterWarmUp.filter((p) => p.heapMb !== null).map((p) => ({ t: p.t, mb: p.heapMb })));
    const memory = {
      rssStartMb: round(samples[0].mb),
      rssAtWarmUpEndMb: round(atWarmUpEnd.mb),
      rssPeakMb: round(Math.max(...samples.map((p) => p.mb))),
      rssEndMb: round(end.mb),
      rssSlopeAfterWarmUpMbPerMin: round(slope80, 2),
      rssSlopeSecondHalfMbPerMin: round(slopeHalf, 2),
      heapStartMb: round(samples[0].heapMb),
      heapEndMb: round(end.heapMb),
      heapSlopeAfterWarmUpMbPerMin: round(heapSlope80, 2),
      samples: samples.length,
      /** Every 30 s, "seconds:MB". */
      rssTimeline: samples.filter((_, i) => i % 6 === 0 || (i === samples.length - 1 && i % 6 > 1)).map((p) => `${Math.round(p.t)}:${Math.round(p.mb)}`).join(" "),
    };

    // ---- The rules.
    const fiveXX = Object.entries(byStatus).filter(([k]) => /^5/.test(k)).reduce((a, [, v]) => a + v, 0);
    if (fiveXX > 0) failures.push(`${fiveXX} answers with HTTP 5xx`);
    if (byCode.INTERNAL_SERVER_ERROR) failures.push(`${byCode.INTERNAL_SERVER_ERROR} INTERNAL_SERVER_ERROR`);
    for (const [name, c] of Object.entries(classes)) if (c.unexpected > 0) failures.push(`${name}: ${c.unexpected} unexpected answers, e.g. ${JSON.stringify(c.unexpectedSamples[0])}`);
    if (SECONDS >= 60 && !classes["abuse.flood"]?.statuses["429"] && FLOOD_CONCURRENCY > 0) failures.push("the flood never got 429");
    if (SECONDS >= 60 && !classes["abuse.bad-token"]?.statuses["429"]) failures.push("the bad tokens never got 429");
    if (slopeHalf !== null && slopeHalf > MAX_SLOPE_MB_PER_MIN && end.mb > MAX_GROWTH * atWarmUpEnd.mb) {
      failures.push(`steady memory growth: RSS slope ${slopeHalf.toFixed(2)} MB/min over the second half (> ${MAX_SLOPE_MB_PER_MIN}) and RSS ${end.mb.toFixed(0)} MB at the end > ${MAX_GROWTH} × ${atWarmUpEnd.mb.toFixed(0)} MB at the end of the warm-up`);
    }
    if (!stop || stop.code !== 0) failures.push(`the hub did not exit 0 on SIGTERM within 30 s: ${JSON.stringify(stop)}`);
    if (verify.code !== 0) failures.push(`hub audit verify exited ${verify.code}: ${verify.out}`);

    report = {
      database: env.DATABASE_URL ? "PostgreSQL" : "PGlite",
      seconds: round(elapsed),
      concurrency: CONCURRENCY,
      floodConcurrency: FLOOD_CONCURRENCY,
      writesPerSecond: WRITES_PER_SECOND,
      hubReadyAfterS: round(readyAfterMs / 1000),
      requests,
      throughputPerS: round(requests / elapsed),
      wellBehavedPerS: round(wellBehaved / elapsed),
      feedbackWritten: writeSeq,
      byStatus,
      byCode,
      classes,
      memory,
      hubExit: stop,
      auditVerify: verify,
      hubLog: { lines: log.lines, byLevel: log.byLevel, messages: log.messages, errors: log.errors },
      failures,
      result: failures.length ? "FAIL" : "PASS",
    };
  } catch (error) {
    failures.push(`soak: ${error.stack ?? error}`);
    report = { result: "FAIL", failures, hubLogTail: log.tail };
  } finally {
    if (hub.exitCode === null && hub.signalCode === null) {
      hub.kill("SIGKILL");
      await exited;
    }
    agent.destroy();
    if (admin) {
      if (process.env.SOAK_KEEP) process.stderr.write(`soak: kept database ${scratchDb}\n`);
      else await admin.query(`DROP DATABASE IF EXISTS ${scratchDb} WITH (FORCE)`).catch((e) => process.stderr.write(`soak: could not drop ${scratchDb}: ${e.message}\n`));
      await admin.end();
    }
    if (process.env.SOAK_KEEP) process.stderr.write(`soak: kept ${dataDir}\n`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
  printTable(report);
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.result === "PASS" ? 0 : 1);
}

function printTable(report) {
  if (!report.classes) return;
  const rows = [["class", "kind", "requests", "req/s", "p50 ms", "p99 ms", "statuses", "unexpected"]];
  for (const [name, c] of Object.entries(report.classes)) {
    rows.push([name, c.kind, String(c.requests), String(c.perSecond), String(c.p50Ms), String(c.p99Ms), Object.entries(c.statuses).map(([k, v]) => `${k}:${v}`).join(" "), String(c.unexpected)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join("  "));
  const m = report.memory;
  console.log(`\n${report.requests} requests in ${report.seconds} s: ${report.throughputPerS} req/s (well-behaved ${report.wellBehavedPerS} req/s) on ${report.database}; ${report.feedbackWritten} feedback posts`);
  console.log(`error codes: ${Object.entries(report.byCode).map(([k, v]) => `${k}:${v}`).join(" ") || "none"}`);
  console.log(`RSS: start ${m.rssStartMb} MB, after warm-up ${m.rssAtWarmUpEndMb} MB, peak ${m.rssPeakMb} MB, end ${m.rssEndMb} MB; slope ${m.rssSlopeAfterWarmUpMbPerMin} MB/min after warm-up, ${m.rssSlopeSecondHalfMbPerMin} MB/min over the second half; V8 heap ${m.heapStartMb} → ${m.heapEndMb} MB`);
  console.log(`hub exit on SIGTERM: ${JSON.stringify(report.hubExit)}; audit verify: exit ${report.auditVerify.code}`);
  console.log(report.failures.length ? `FAIL:\n - ${report.failures.join("\n - ")}\n` : "PASS\n");
}

main().catch((error) => {
  console.error(`soak: ${error.stack ?? error}`);
  process.exit(1);
});
