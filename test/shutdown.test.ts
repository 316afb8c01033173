import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { loadSigningKey } from "../src/auth/signing-key";
import { issueToken } from "../src/auth/token";
import { loadConfig } from "../src/config/config";
import { createDataSource } from "../src/db/data-source";
import { createTestDatabase } from "./support/test-database";

/**
 * `hub serve` as an operator runs it, stopped the way a container runtime stops it: SIGTERM while requests
 * that disclose full ID numbers are in flight, and a second SIGTERM during the drain. Every request in flight
 * is answered, every full value that left has its audit entry, the process exits 0 and releases the
 * embedded database's lock.
 */
const CLI = path.join(__dirname, "..", "bin", "hub.js");
const QUERY = `{ appraisers(first: 100) { edges { node { id idNumber } } } }`;

let dataDir: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let child: ChildProcess | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-shutdown-"));
  database = await createTestDatabase();
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the hub did not become ready");
}

it("drains requests in flight on SIGTERM, audits every full ID number it served, exits 0 and releases the lock", async () => {
  const port = await freePort();
  const env = { PATH: process.env.PATH, HUB_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "info", HUB_AUDIT_FLUSH_MS: "60000", ...(database.url ? { DATABASE_URL: database.url } : {}) };
  child = spawn(process.execPath, [CLI, "serve"], { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child!.once("exit", (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, Date.now() + 120_000);

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
  const answers = await Promise.all(requests);
  const { code, signal } = await exited;
  child = undefined;

  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  expect(fs.existsSync(path.join(dataDir, "pglite", "hub.pid"))).toBe(false);
  expect(stderr).toMatch(/"msg":"shutting down"/);
  expect(stderr).toMatch(/already shutting down/);

  let served = 0;
  for (const answer of answers) {
    for (const edge of answer.body.data.appraisers.edges) if (!edge.node.idNumber.includes("*")) served += 1;
  }
  expect(served).toBeGreaterThan(0);
  const target = database.url ? database.target : ({ kind: "pglite", dataDir: path.join(dataDir, "pglite") } as const);
  const dataSource = await createDataSource(target).initialize();
  try {
    const [{ audited }] = await dataSource.query(
      `SELECT count(*)::int AS audited FROM audit_events WHERE operation = 'read:Appraiser.idNumber' AND outcome = 'SUCCESS' AND request_id LIKE 'drain-%'`,
    );
    expect(audited).toBe(served);
  } finally {
    await dataSource.destroy();
  }
}, 240_000);
