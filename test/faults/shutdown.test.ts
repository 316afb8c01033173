import { ChildProcess, execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { loadSigningKey } from "../../src/auth/signing-key";
import { issueToken } from "../../src/auth/token";
import { loadConfig } from "../../src/config/config";
import type { TestDatabase } from "../support/test-database";
import { preparedHubData, startHubProcess, withHubDatabase } from "../support/hub-process";

/**
 * `hub serve` as an operator runs it, stopped the way a container runtime stops it: SIGTERM while requests
 * that disclose full ID numbers are in flight, and a second SIGTERM during the drain. Every request in flight
 * is answered, every full value that left has its audit entry, the process exits 0 and releases the
 * embedded database's lock.
 */
const QUERY = `{ appraisers(first: 100) { edges { node { id idNumber } } } }`;

let dataDir: string;
let database: TestDatabase;
let child: ChildProcess | undefined;

// The data of a hub that has started before (its first start, on an empty directory, is cli-beside-hub.test.ts's).
beforeAll(async () => ({ dataDir, database } = await preparedHubData("hub-shutdown-")));
afterAll(async () => {
  child?.kill("SIGKILL");
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const hubEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HUB_DATA_DIR: dataDir,
  LOG_LEVEL: "info",
  HUB_AUDIT_FLUSH_MS: "60000",
  ...(database.url ? { DATABASE_URL: database.url } : {}),
});

it("drains requests in flight on SIGTERM, audits every full ID number it served, exits 0 and releases the lock", async () => {
  const started = await startHubProcess(hubEnv());
  child = started.child;
  const { url, exited } = started;

  const config = loadConfig({ HUB_DATA_DIR: dataDir });
  const token = await issueToken(await loadSigningKey(config), config.jwt, { agencyCode: "XY-AMR", clientName: "default", scopes: ["pii:read"], lifetimeSeconds: 600 });
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}`, "x-case-ref": encodeURIComponent("(2024)豫15知民初32号") };
  // Each request on its own connection, written in full before the stop: "in flight" without ambiguity.
  const sent: Array<Promise<void>> = [];
  const requests = Array.from({ length: 30 }, (_, i) => {
    const body = JSON.stringify({ query: QUERY });
    return new Promise<{ status: number; body: any }>((resolve) => {
      const req = http.request(`${url}/graphql`, { method: "POST", agent: false, headers: { ...headers, "x-request-id": `drain-${i}`, "content-length": Buffer.byteLength(body) } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on("error", (error) => resolve({ status: 0, body: { error: error.message } }));
      sent.push(new Promise((written) => req.once("finish", () => written())));
      req.end(body);
    });
  });
  await Promise.all(sent);
  child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 20));
  child.kill("SIGTERM");
  // While it drains, a load balancer asking /readyz is told to stop sending.
  const readyz = await new Promise<number>((resolve) => {
    http.get(`${url}/readyz`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on("error", () => resolve(0));
  });
  const answers = await Promise.all(requests);
  const { code, signal } = await exited;
  child = undefined;

  expect(answers.filter((a) => a.status !== 200)).toEqual([]);
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  expect(readyz).toBe(503);
  expect(fs.existsSync(path.join(dataDir, "pglite", "hub.pid"))).toBe(false);
  expect(started.log()).toMatch(/"msg":"shutting down"/);
  expect(started.log()).toMatch(/already shutting down/);

  let served = 0;
  for (const answer of answers) {
    for (const edge of answer.body.data.appraisers.edges) if (!edge.node.idNumber.includes("*")) served += 1;
  }
  expect(served).toBeGreaterThan(0);
  const [{ audited }] = await withHubDatabase(database, dataDir, (query) =>
    query(`SELECT count(*)::int AS audited FROM audit_events WHERE operation = 'read:Appraiser.idNumber' AND outcome = 'SUCCESS' AND request_id LIKE 'drain-%'`),
  );
  expect(audited).toBe(served);
}, 240_000);

/** `unshare` can give the hub a PID namespace of its own only to root (as in CI and containers). */
const canRunAsPid1 = (() => {
  try {
    return process.getuid?.() === 0 && execFileSync("unshare", ["--fork", "--pid", "--mount-proc", "true"]).length >= 0;
  } catch {
    return false;
  }
})();

// As PID 1 (a container's first process), a signal with no handler is ignored: the hub must handle it itself.
(canRunAsPid1 ? it : it.skip)("stops the same way as PID 1 of its own PID namespace, as in a container", async () => {
  const started = await startHubProcess(hubEnv(), { wrapper: ["unshare", "--fork", "--pid", "--mount-proc"] });
  child = started.child;
  // The hub is the only child of `unshare`; inside its namespace it is PID 1.
  const hubPid = Number(fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim());
  expect(fs.readFileSync(`/proc/${hubPid}/status`, "utf8")).toMatch(/^NSpid:\s+\d+\s+1$/m);
  process.kill(hubPid, "SIGTERM");
  expect(await started.exited).toEqual({ code: 0, signal: null });
  child = undefined;
  expect(started.log()).toMatch(/"exitCode":0,"msg":"stopped"/);
  expect(fs.existsSync(path.join(dataDir, "pglite", "hub.pid"))).toBe(false);
}, 240_000);
