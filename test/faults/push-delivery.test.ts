import fs from "node:fs";
import { loadSigningKey } from "../../src/auth/signing-key";
import { issueToken } from "../../src/auth/token";
import { loadConfig } from "../../src/config/config";
import type { TestDatabase } from "../support/test-database";
import { createTestDatabase, copyTemplateKeys, usingServer } from "../support/test-database";
import { HubProcess, preparedHubData, runHub, startHubProcess } from "../support/hub-process";
import { graphqlAt, sleep } from "../support/write-load";
import { WebhookReceiver } from "../support/webhook-receiver";
import os from "node:os";
import path from "node:path";

/**
 * Webhook delivery survives the hub: `hub serve` killed with SIGKILL while deliveries are in flight delivers
 * the rest once started again (those it was sending are taken over when their lease ends); and two hubs on one
 * PostgreSQL database deliver each event once, and raise a time-driven event once.
 */
const PUSH_ENV = {
  LOG_LEVEL: "warn",
  HUB_RATE_LIMIT_CLIENT_POINTS: "1000000000",
  HUB_PUSH_POLL_MS: "50",
  HUB_WEBHOOK_RETRY_BASE_MS: "100",
  HUB_WEBHOOK_RETRY_MAX_DELAY_MS: "500",
  HUB_WEBHOOK_CONNECT_TIMEOUT_MS: "500",
  HUB_WEBHOOK_RESPONSE_TIMEOUT_MS: "2000",
};
const SUBSCRIBE = `mutation($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { subscription { id } } }`;
const ENTRUST = `mutation($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id } } }`;
const DELIVERIES = `{ webhookDeliveries(first: 100) { totalCount edges { node { id status } } } }`;

async function tokens(dataDir: string) {
  const config = loadConfig({ HUB_DATA_DIR: dataDir });
  const key = await loadSigningKey(config, { create: false });
  const token = (agencyCode: string, scopes: string[] = []) => issueToken(key, config.jwt, { agencyCode, clientName: "default", scopes, lifetimeSeconds: 900 });
  return { bureau: await token("XY-AMR", ["clients:manage"]), court: await token("XY-COURT") };
}

async function must(url: string, query: string, variables: Record<string, unknown> | undefined, token: string) {
  const answer = await graphqlAt(url, query, variables, token, 15_000);
  if (answer.codes.length > 0 || answer.status !== 200) throw new Error(`${query.slice(0, 40)}: ${answer.status} ${answer.codes.join(",")}`);
  return answer.body.data;
}

/** Entrusts `count` cases at 信阳中原 (in XY-AMR's jurisdiction): one appraisal_case.entrusted event each. */
async function entrust(urls: string[], court: string, prefix: string, count: number): Promise<void> {
  const institutions = await must(urls[0], `{ institution(creditCode: "91411500MA9F3K2L21") { id } }`, undefined, court);
  for (let i = 0; i < count; i++) {
    await must(urls[i % urls.length], ENTRUST, { input: { idempotencyKey: `${prefix}-${i}`, agencyCaseNo: `(2026)豫15知民初${prefix}${i}号`, institutionId: institutions.institution.id, technicalField: "PATENT", matter: "专利侵权比对" } }, court);
  }
}

describe("a hub killed while delivering", () => {
  let dataDir: string;
  let database: TestDatabase;
  let hub: HubProcess | undefined;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    ({ dataDir, database } = await preparedHubData("hub-push-kill-"));
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    hub?.child.kill("SIGKILL");
    await receiver.stop();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HUB_DATA_DIR: dataDir, ...PUSH_ENV, ...(database.url ? { DATABASE_URL: database.url } : {}) });

  it("delivers the rest after kill -9 and a restart: every delivery once at least, each with its own webhook-id", async () => {
    hub = await startHubProcess(env());
    const { bureau, court } = await tokens(dataDir);
    await must(hub.url, SUBSCRIBE, { input: { idempotencyKey: "kill-hook", url: receiver.url, events: ["appraisal_case.entrusted"] } }, bureau);
    // A slow receiver: deliveries are in flight, and others queued, when the hub dies.
    receiver.behave = () => "hang";
    await entrust([hub.url], court, "KILL", 12);
    await receiver.until(() => receiver.received.length >= 2, 10_000);
    hub.child.kill("SIGKILL");
    await hub.exited;
    const before = new Set(receiver.received.map((r) => r.id));

    receiver.behave = () => 204;
    hub = await startHubProcess(env());
    const delivered = async () => (await must(hub!.url, DELIVERIES, undefined, bureau)).webhookDeliveries.edges.map((e: any) => e.node);
    const deadline = Date.now() + 60_000;
    let nodes = await delivered();
    while ((nodes.length < 12 || nodes.some((n: any) => n.status !== "DELIVERED")) && Date.now() < deadline) {
      await sleep(250);
      nodes = await delivered();
    }
    expect(nodes.map((n: any) => n.status)).toEqual(Array(12).fill("DELIVERED"));
    const ids = nodes.map((n: any) => `msg_${n.id}`).sort();
    const answered = new Set(receiver.received.filter((r) => r.answered === 204).map((r) => r.id));
    expect([...answered].sort()).toEqual(ids);
    // The ones caught mid-send when the hub died were sent again, with the same webhook-id.
    for (const id of before) expect(answered.has(id)).toBe(true);

    // The operator's commands, beside the running hub: the webhook, its deliveries, and one sent again.
    const list = await runHub(["webhooks", "list"], env());
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^[0-9a-f-]{36}\tXY-AMR/default\tACTIVE\t${receiver.url.replace(/[.]/g, "\\.")}\tappraisal_case\.entrusted\t-\tpending 0\tdead 0\n$`));
    const deliveries = await runHub(["webhooks", "deliveries", "--status", "DELIVERED", "--limit", "3"], env());
    expect(deliveries.code).toBe(0);
    const lines = deliveries.stdout.trim().split("\n").map((line) => line.split("\t"));
    expect(lines.map((line) => [line[2], line[4]])).toEqual(Array(3).fill(["appraisal_case.entrusted", "DELIVERED"]));
    const resent = receiver.received.length;
    const redeliver = await runHub(["webhooks", "redeliver", lines[0][0], "--operator", "ops"], env());
    expect({ code: redeliver.code, stdout: redeliver.stdout }).toEqual({ code: 0, stdout: expect.stringContaining(`delivery ${lines[0][0]} (appraisal_case.entrusted) queued again`) });
    await receiver.until(() => receiver.received.length > resent, 10_000);
    expect(receiver.received.at(-1)!.id).toBe(`msg_${lines[0][0]}`);
    const refused = await runHub(["webhooks", "deliveries", "--status", "LOST"], env());
    expect({ code: refused.code, stderr: refused.stderr }).toEqual({ code: 1, stderr: expect.stringContaining("--status is PENDING, SENDING, DELIVERED or DEAD") });

    hub.child.kill("SIGTERM");
    expect(await hub.exited).toEqual({ code: 0, signal: null });
    hub = undefined;
  }, 180_000);
});

const describeOnServer = usingServer() ? describe : describe.skip;

describeOnServer("two hubs on one PostgreSQL database (PostgreSQL only: an embedded database belongs to one process)", () => {
  let dataDir: string;
  let database: TestDatabase;
  const hubs: HubProcess[] = [];
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-push-two-"));
    copyTemplateKeys(dataDir);
    database = await createTestDatabase({ seeded: true });
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    for (const hub of hubs) hub.child.kill("SIGKILL");
    await receiver.stop();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HUB_DATA_DIR: dataDir, DATABASE_URL: database.url, ...PUSH_ENV, HUB_SCHEDULER_INTERVAL_MS: "200" });

  it("deliver each event once between them, and raise a case's overdue event once", async () => {
    hubs.push(...(await Promise.all([startHubProcess(env()), startHubProcess(env())])));
    const urls = hubs.map((hub) => hub.url);
    const { bureau, court } = await tokens(dataDir);
    await must(urls[0], SUBSCRIBE, { input: { idempotencyKey: "two-hook", url: receiver.url, events: ["appraisal_case.entrusted", "appraisal_case.overdue"] } }, bureau);
    await entrust(urls, court, "TWO", 30);
    // A case entrusted long ago and never accepted: overdue for both hubs' schedulers, every 200 ms.
    const institutions = await must(urls[0], `{ institution(creditCode: "91411500MA9F3K2L21") { id } }`, undefined, court);
    const late = await must(urls[1], ENTRUST, { input: { idempotencyKey: "two-late", agencyCaseNo: "(2026)豫15知民初TWO-LATE号", institutionId: institutions.institution.id, technicalField: "PATENT", matter: "专利侵权比对", entrustedOn: "2026-01-05" } }, court);
    const lateId = late.entrustAppraisal.appraisalCase.id;
    await receiver.until(() => receiver.messages().filter((m) => m.type === "appraisal_case.entrusted" && m.data.record.agencyCaseNo.includes("TWO")).length >= 31, 30_000);
    await receiver.until(() => receiver.messages().some((m) => m.type === "appraisal_case.overdue" && m.data.id === lateId), 30_000);
    // Both schedulers go on for a while: still one overdue event.
    await sleep(2_000);
    const ids = receiver.received.map((r) => r.id);
    expect(ids.length).toBe(new Set(ids).size);
    expect(receiver.messages().filter((m) => m.type === "appraisal_case.overdue" && m.data.id === lateId)).toHaveLength(1);
  }, 180_000);
});
