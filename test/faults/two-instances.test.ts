import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadSigningKey } from "../../src/auth/signing-key";
import { issueToken } from "../../src/auth/token";
import { loadConfig } from "../../src/config/config";
import { creditCodeFor } from "../support/directory";
import { HubProcess, runHub, startHubProcess, withHubDatabase } from "../support/hub-process";
import { copyTemplateKeys, createTestDatabase, TestDatabase, usingServer } from "../support/test-database";
import { redisAvailable, startRedis } from "../support/redis";

/**
 * Issue 15, finding 6: two hubs started at once on an empty database, as a first deploy with two replicas does,
 * crashed one of them (concurrent migrations, concurrent demo loads). Both now prepare the database under an
 * advisory lock, one after the other. Real `hub serve` processes on a fresh database of the TEST_DATABASE_URL
 * server; then writes that race through both.
 */
const describeOnServer = usingServer() ? describe : describe.skip;

describeOnServer("two hubs started at once on an empty PostgreSQL database (PostgreSQL only: an embedded database belongs to one process)", () => {
  let dataDir: string;
  let database: TestDatabase;
  let redis: { url: string; stop(): void } | undefined;
  const hubs: HubProcess[] = [];

  beforeAll(async () => {
    // Both spend the rate-limit budgets in one Redis, as replicas do.
    if (redisAvailable()) redis = await startRedis();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-two-"));
    // Both read the same key files, as replicas configured with HUB_SIGNING_KEY_FILE and HUB_PII_KEY_FILE do.
    copyTemplateKeys(dataDir);
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const hub of hubs) hub.child.kill("SIGKILL");
    redis?.stop();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HUB_DATA_DIR: dataDir, LOG_LEVEL: "info", DATABASE_URL: database.url, ...(redis ? { REDIS_URL: redis.url } : {}) });

  it("both become ready with the demo loaded once; the same key, version or credit code sent to both has one winner; both spend one rate-limit budget through Redis; the audit chain verifies", async () => {
    hubs.push(...(await Promise.all([startHubProcess(env()), startHubProcess(env())])));
    const [a, b] = hubs;
    const [loaded] = await withHubDatabase(database, dataDir, (query) =>
      query(`SELECT (SELECT count(*)::int FROM agencies) AS agencies, (SELECT count(*)::int FROM institutions) AS institutions, (SELECT count(*)::int FROM appraisal_cases) AS cases`),
    );
    expect(loaded).toEqual({ agencies: 14, institutions: 9, cases: 3 });

    const config = loadConfig({ HUB_DATA_DIR: dataDir });
    const token = await issueToken(await loadSigningKey(config, { create: false }), config.jwt, { agencyCode: "XY-AMR", clientName: "default", scopes: [], lifetimeSeconds: 600 });
    const post = async (hub: HubProcess, query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
    };
    const both = (query: string, variables: (i: number) => Record<string, unknown>) => Promise.all([post(a, query, variables(0)), post(b, query, variables(1))]);
    const codes = (answers: Array<{ errors?: Array<{ extensions?: { code?: string } }> }>) => answers.map((answer) => answer.errors?.[0]?.extensions?.code ?? "OK").sort();
    const REGISTER = `mutation ($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id version } replayed } }`;
    const input = (creditCode: string, idempotencyKey?: string) => ({ idempotencyKey, name: `双实例测试机构${creditCode.slice(-4)}`, creditCode, regionCode: "411502", technicalFields: ["PATENT"] });

    // The same idempotency key and input on both: one record, and the other answer replays it.
    const keyed = await both(REGISTER, () => ({ input: input(creditCodeFor("411502", 91_001), "two-hubs-1") }));
    expect(codes(keyed)).toEqual(["OK", "OK"]);
    expect(keyed.map((answer) => answer.data.registerInstitution.replayed).sort()).toEqual([false, true]);
    const [first, second] = keyed.map((answer) => answer.data.registerInstitution.institution);
    expect(second.id).toBe(first.id);

    // The same expectedVersion on both: one change, one CONFLICT.
    const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateInstitutionInput!) { updateInstitution(id: $id, expectedVersion: $v, input: $input) { version } }`;
    const versioned = await both(UPDATE, (i) => ({ id: first.id, v: first.version, input: { address: `河南省信阳市浉河区第${i + 1}号` } }));
    expect(codes(versioned)).toEqual(["CONFLICT", "OK"]);

    // The same credit code on both, without a key: one institution, one CONFLICT.
    const duplicate = await both(REGISTER, () => ({ input: input(creditCodeFor("411502", 91_002)) }));
    expect(codes(duplicate)).toEqual(["CONFLICT", "OK"]);

    // One rate-limit budget, whichever instance answers: XY-PROC's own 100 points a window, spent through both.
    if (redis) {
      await withHubDatabase(database, dataDir, (query) => query(`UPDATE agencies SET rate_limit_points = 100 WHERE code = 'XY-PROC'`));
      const proc = await issueToken(await loadSigningKey(config, { create: false }), config.jwt, { agencyCode: "XY-PROC", clientName: "default", scopes: [], lifetimeSeconds: 600 });
      const page = async (hub: HubProcess) => {
        const res = await fetch(`${hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${proc}` }, body: JSON.stringify({ query: "{ institutions(first: 20) { edges { node { name } } } }" }) });
        return { status: res.status, body: (await res.json()) as { extensions?: { rateLimit?: { cost: number; remaining: number } } } };
      };
      const atA = await page(a);
      const atB = await page(b);
      const [costA, costB] = [atA.body.extensions!.rateLimit!.cost, atB.body.extensions!.rateLimit!.cost];
      expect(atB.body.extensions!.rateLimit!.remaining).toBe(100 - costA - costB);
      expect((await page(a)).status).toBe(429);
      expect((await page(b)).status).toBe(429);
    }

    const [stored] = await withHubDatabase(database, dataDir, (query) =>
      query(
        `SELECT (SELECT count(*)::int FROM institutions WHERE credit_code IN ('${creditCodeFor("411502", 91_001)}', '${creditCodeFor("411502", 91_002)}')) AS institutions,
                (SELECT version FROM institutions WHERE id = '${first.id}') AS version`,
      ),
    );
    expect(stored).toEqual({ institutions: 2, version: first.version + 1 });

    const exits = await Promise.all(
      hubs.map(async (hub) => {
        hub.child.kill("SIGTERM");
        const exit = await hub.exited;
        if (!hub.child.stderr!.closed) await new Promise((resolve) => hub.child.stderr!.once("close", resolve));
        return exit;
      }),
    );
    expect(exits).toEqual([{ code: 0, signal: null }, { code: 0, signal: null }]);
    const logs = hubs.map((hub) => hub.log()).join("\n");
    hubs.length = 0;
    // One of them loaded the demo; the other found it there (after waiting for the lock, when it came second).
    expect(logs.match(/"msg":"demo data loaded"/g)).toHaveLength(1);
    expect(logs.match(/"msg":"appraisal-hub listening"/g)).toHaveLength(2);
    const verified = await runHub(["audit", "verify"], env());
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/^audit log intact: \d+ entries/) });
  }, 240_000);
});
