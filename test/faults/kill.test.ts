import fs from "node:fs";
import path from "node:path";
import { loadSigningKey } from "../../src/auth/signing-key";
import { issueToken } from "../../src/auth/token";
import { loadConfig } from "../../src/config/config";
import type { TestDatabase } from "../support/test-database";
import { HubProcess, preparedHubData, runHub, startHubProcess, withHubDatabase } from "../support/hub-process";
import { byCaseNumber, graphqlAt, sendWrite, settle, sleep, Write } from "../support/write-load";

/**
 * `hub serve` killed with SIGKILL under write load (on PGlite by default, the embedded database's worst case:
 * nothing is flushed or closed, and `hub.pid` stays behind), then started again: it starts, every write it
 * had acknowledged is there exactly once, the ones it had not are stored once when retried with their keys,
 * and the audit chain verifies.
 */
let dataDir: string;
let database: TestDatabase;
let hub: HubProcess | undefined;

beforeAll(async () => ({ dataDir, database } = await preparedHubData("hub-kill-")));
afterAll(async () => {
  hub?.child.kill("SIGKILL");
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const hubEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HUB_DATA_DIR: dataDir,
  LOG_LEVEL: "warn",
  HUB_RATE_LIMIT_CLIENT_POINTS: "1000000000",
  ...(database.url ? { DATABASE_URL: database.url } : {}),
});

it("starts again after kill -9 under write load and keeps every acknowledged write exactly once", async () => {
  hub = await startHubProcess(hubEnv());
  const config = loadConfig({ HUB_DATA_DIR: dataDir });
  const token = await issueToken(await loadSigningKey(config, { create: false }), config.jwt, { agencyCode: "XY-COURT", clientName: "default", scopes: [], lifetimeSeconds: 600 });
  const read = await graphqlAt(hub.url, `{ appraisers(first: 5) { edges { node { id } } } }`, undefined, token);
  const appraiserIds: string[] = read.body.data.appraisers.edges.map((edge: { node: { id: string } }) => edge.node.id);

  const writes: Write[] = [];
  let running = true;
  const writer = async (index: number) => {
    const url = hub!.url;
    while (running) {
      const write: Write = { key: `kill-${index}-${writes.length}`, agencyCaseNo: `KILL-${index}-${writes.length}`, appraiserId: appraiserIds[writes.length % appraiserIds.length] };
      writes.push(write);
      await sendWrite(url, token, write, 10_000).catch(() => undefined);
    }
  };
  const load = [writer(0), writer(1), writer(2)];
  await sleep(1500);
  hub.child.kill("SIGKILL");
  expect(await hub.exited).toEqual({ code: null, signal: "SIGKILL" });
  running = false;
  await Promise.all(load);
  const pgliteDir = path.join(dataDir, "pglite");
  if (!database.url) expect(fs.existsSync(path.join(pgliteDir, "hub.pid"))).toBe(true);
  const acknowledged = writes.filter((w) => w.acknowledged).length;
  expect(acknowledged).toBeGreaterThan(0);

  hub = await startHubProcess(hubEnv());
  await settle(hub.url, token, writes);
  hub.child.kill("SIGTERM");
  expect(await hub.exited).toEqual({ code: 0, signal: null });
  hub = undefined;

  const stored = await withHubDatabase(database, dataDir, async (query) => byCaseNumber(await query(`SELECT agency_case_no, id FROM case_feedback WHERE agency_case_no LIKE 'KILL-%'`)));
  expect([...stored.keys()].sort()).toEqual(writes.map((w) => w.agencyCaseNo).sort());
  for (const write of writes) expect({ write: write.key, ids: stored.get(write.agencyCaseNo) }).toEqual({ write: write.key, ids: [write.acknowledged] });
  const verify = await runHub(["audit", "verify"], hubEnv());
  expect({ code: verify.code, stderr: verify.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
}, 300_000);
