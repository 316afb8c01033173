import { createCipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { DataSource } from "typeorm";
import { startTestHub, TestHub } from "./support/test-hub";
import { idNumberFor } from "./support/directory";
import { preparedHubData, runHub, startHubProcess, withHubDatabase } from "./support/hub-process";
import { PiiKeyError, PiiMasterKeys, PiiVault, readPiiMasterKeys, writeNewPiiKey } from "../src/auth/pii-vault";
import { issueToken } from "../src/auth/token";
import { AuditTrail } from "../src/audit/audit-trail";
import { loadConfig } from "../src/config/config";
import { buildHub } from "../src/hub";
import { silentLogger } from "../src/logging/logger";
import { DEMO_APPRAISERS } from "../src/seed/demo-directory";
import { piiKeyStatus, rekeyPii } from "../src/services/pii-keys";

/**
 * Envelope encryption of ID numbers and phones: master keys in files wrap data keys in `pii_data_keys`; values
 * sealed before data keys (`v1.`) stay readable and their hashes valid; `hub pii rekey` moves everything to a
 * new master key while the hub runs, after which the previous master key is not needed.
 */

// The sealing of values before data keys, written out here as it was (HKDF-derived keys from the master key),
// to stand for a database an earlier hub filled.
const derive = (master: Buffer, info: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), info, 32));
function sealV1(master: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derive(master, "appraisal-hub/pii/encrypt/v1"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const id = createHash("sha256").update(master).digest("hex").slice(0, 8);
  return ["v1", id, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}
const hashV1 = (master: Buffer, plain: string) => createHmac("sha256", derive(master, "appraisal-hub/pii/hash/v1")).update(plain).digest("hex");

const caseRef = { "x-case-ref": encodeURIComponent("(2024)豫15知民初32号") };
/** Every appraiser's ID number and phone in full: the province bureau with pii:read and a case reference. */
const FULL_DISCLOSURE = `{ appraisers(first: 100) { edges { node { id name idNumber phone } } } }`;
type Person = { name: string; idNumber: string; phone: string | null };
const byName = (a: Person, b: Person) => a.name.localeCompare(b.name);
const DEMO_PEOPLE: Person[] = DEMO_APPRAISERS.map((a) => ({ name: a.name, idNumber: a.idNumber, phone: a.phone })).sort(byName);
const ZHANG_WEI = DEMO_APPRAISERS.find((a) => a.name === "张伟")!;

let hub: TestHub;
let oldKeys: PiiMasterKeys;
let keyDir: string;
beforeAll(async () => {
  hub = await startTestHub();
  oldKeys = readPiiMasterKeys(hub.config, { create: false });
  keyDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-pii-keys-"));
});
afterAll(async () => {
  await hub.stop();
  fs.rmSync(keyDir, { recursive: true, force: true });
});

const ds = (): DataSource => hub.db.dataSource;
const everyone = async (ask: (query: string, options: AskOptions) => Promise<any>): Promise<Person[]> => {
  const body = await ask(FULL_DISCLOSURE, { as: "HA-AMR", scopes: ["pii:read"], headers: caseRef });
  expect(body.errors).toBeUndefined();
  return body.data.appraisers.edges.map((e: { node: Person }) => ({ name: e.node.name, idNumber: e.node.idNumber, phone: e.node.phone })).sort(byName);
};

interface AskOptions {
  as: string;
  scopes?: string[];
  headers?: Record<string, string>;
  variables?: Record<string, unknown>;
}

/** A hub built over the test's database as `hub serve` builds it, with these settings (a restart with other keys), over HTTP. */
async function hubWith(env: Record<string, string>) {
  const config = loadConfig({ HUB_ENV: "test", HUB_DATA_DIR: hub.dataDir, LOG_LEVEL: "silent", HUB_AUDIT_FLUSH_MS: "20", ...env });
  const built = await buildHub(config, silentLogger(), hub.db);
  await new Promise<void>((resolve) => built.httpServer.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(built.httpServer.address() as AddressInfo).port}`;
  const ask = async (query: string, options: AskOptions) => {
    const token = await issueToken(built.signingKey, config.jwt, { agencyCode: options.as, clientName: "default", scopes: options.scopes ?? [], lifetimeSeconds: 600 });
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...options.headers },
      body: JSON.stringify({ query, variables: options.variables }),
    });
    return response.json() as Promise<any>;
  };
  return {
    vault: built.deps.vault,
    ask,
    async stop() {
      await new Promise<void>((resolve) => {
        built.httpServer.close(() => resolve());
        built.httpServer.closeAllConnections();
      });
      await built.stop();
    },
  };
}

/** The demo credit record about a patent attorney (seed/demo-cases.ts) seals this certificate number. */
const DEMO_ATTORNEY_CERTIFICATE = "4115201900321";
const newKeyFile = (name: string) => {
  const file = path.join(keyDir, name);
  writeNewPiiKey(file);
  return file;
};
const keyFrom = (file: string) => readPiiMasterKeys(loadConfig({ HUB_ENV: "test", HUB_DATA_DIR: hub.dataDir, HUB_PII_KEY_FILE: file }), { create: false }).current;

describe("the vault", () => {
  it("seals under the newest data key (v2.<data key>.…), opens what it sealed, and refuses a value that was tampered with", async () => {
    const vault = await PiiVault.load(ds(), oldKeys);
    const sealed = vault.seal("13803761232");
    expect(sealed).toMatch(new RegExp(`^v2\\.${vault.currentDataKeyId}\\.[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    expect(sealed).not.toBe(vault.seal("13803761232"));
    expect(await vault.openLatest(sealed)).toBe("13803761232");
    expect(await vault.openLatest(sealed)).toBe("13803761232");
    const [version, keyId, iv, body, tag] = sealed.split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    await expect(vault.openLatest([version, keyId, iv, flipped.toString("base64url"), tag].join("."))).rejects.toThrow();
    // A value bound to another data key id does not open under this one.
    await expect(vault.openLatest([version, "0123456789ab", iv, body, tag].join("."))).rejects.toThrow(PiiKeyError);
    // The data keys are stored wrapped: no row holds a key in the clear, and the master key is nowhere in them.
    const rows: Array<{ wrapped_key: string; kek_id: string }> = await ds().query(`SELECT wrapped_key, kek_id FROM pii_data_keys`);
    expect(rows.map((r) => r.kek_id)).toEqual([oldKeys.current.id, oldKeys.current.id]);
    for (const row of rows) expect(row.wrapped_key).not.toContain(oldKeys.current.key.toString("base64url"));
  });

  it("hashes with the key the hub derived before data keys existed, so the stored hashes stay valid", async () => {
    const vault = await PiiVault.load(ds(), oldKeys);
    const [stored] = await ds().query(`SELECT id_number_hash FROM appraisers WHERE name = '张伟'`);
    expect(vault.hash(ZHANG_WEI.idNumber)).toBe(hashV1(oldKeys.current.key, ZHANG_WEI.idNumber));
    expect(stored.id_number_hash).toBe(vault.hash(ZHANG_WEI.idNumber));
  });
});

describe("a database sealed before data keys, then a rotation to a new master key while the hub runs", () => {
  let newFile: string;
  let hashesBefore: Array<{ id: string; id_number_hash: string }>;
  let registered: { input: Record<string, unknown>; id: string };

  it("upgrades: hubs starting at once make one hash key, equal to the old derivation, and one encrypt key; v1 values open through the API", async () => {
    // As an earlier hub left it: every value `v1.` under the master key, no data keys.
    await ds().transaction(async (manager) => {
      await manager.query(`DELETE FROM pii_data_keys`);
      for (const a of DEMO_APPRAISERS) {
        await manager.query(`UPDATE appraisers SET id_number_sealed = $2, phone_sealed = $3 WHERE name = $1`, [a.name, sealV1(oldKeys.current.key, a.idNumber), sealV1(oldKeys.current.key, a.phone)]);
      }
      // The demo's patent attorney (a credit subject) too.
      await manager.query(`UPDATE patent_attorneys SET certificate_sealed = $1`, [sealV1(oldKeys.current.key, DEMO_ATTORNEY_CERTIFICATE)]);
    });
    const [first, second] = await Promise.all([PiiVault.load(ds(), oldKeys, { create: true }), PiiVault.load(ds(), oldKeys, { create: true })]);
    const rows: Array<{ id: string; purpose: string }> = await ds().query(`SELECT id, purpose FROM pii_data_keys ORDER BY purpose`);
    expect(rows.map((r) => r.purpose)).toEqual(["encrypt", "hash"]);
    expect(first.currentDataKeyId).toBe(second.currentDataKeyId);
    const [stored] = await ds().query(`SELECT id_number_sealed, id_number_hash FROM appraisers WHERE name = '张伟'`);
    expect(stored.id_number_sealed).toMatch(new RegExp(`^v1\\.${oldKeys.current.id}\\.`));
    expect(first.hash(ZHANG_WEI.idNumber)).toBe(stored.id_number_hash);
    expect(await first.openLatest(stored.id_number_sealed)).toBe(ZHANG_WEI.idNumber);
    // The running hub reads them in full, as before.
    const body = (await hub.graphql(FULL_DISCLOSURE, { as: "HA-AMR", scopes: ["pii:read"], headers: caseRef })).body;
    expect(body.errors).toBeUndefined();
    expect(body.data.appraisers.edges.map((e: { node: Person }) => ({ name: e.node.name, idNumber: e.node.idNumber, phone: e.node.phone })).sort(byName)).toEqual(DEMO_PEOPLE);
  });

  it("rekeys with the new master key current and the old one previous: every data key re-wrapped, every value re-sealed, a concurrent write kept", async () => {
    newFile = newKeyFile("new.key");
    const newKey = keyFrom(newFile);
    // The hub restarted with the rotation's settings: it reads everything, and writes as usual.
    const restarted = await hubWith({ HUB_PII_KEY_FILE: newFile, HUB_PII_KEY_PREVIOUS_FILES: oldKeys.current.file });
    try {
      expect(await everyone(restarted.ask)).toEqual(DEMO_PEOPLE);
      const [institution] = await ds().query(`SELECT id FROM institutions WHERE credit_code = $1`, [ZHANG_WEI.institution]);
      const input = { idempotencyKey: "pii-rekey-1", institutionId: institution.id, name: "钱多", idNumber: idNumberFor("411502", 4711), phone: "13903764711", technicalFields: ["PATENT"] };
      const created = await restarted.ask(`mutation($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { appraiser { id } replayed } }`, { as: "XY-AMR", variables: { input } });
      expect(created.errors).toBeUndefined();
      registered = { input, id: created.data.registerAppraiser.appraiser.id };
      hashesBefore = await ds().query(`SELECT id, id_number_hash FROM appraisers ORDER BY id`);
      const [{ n: sealedValues }] = await ds().query(`SELECT ((SELECT count(id_number_sealed) + count(phone_sealed) FROM appraisers) + (SELECT count(*) FROM patent_attorneys))::int AS n`);

      // Between the rotation's read of a batch of phones holding 张伟's and its write, the bureau changes his phone
      // through the restarted hub (which has not looked at the data keys since the rotation made its new one).
      const zhang = (await ds().query(`SELECT id FROM appraisers WHERE name = '张伟'`))[0].id as string;
      let wrote = false;
      const racing = new Proxy(ds(), {
        get(target, property) {
          if (property === "query") {
            return async (sql: string, parameters?: unknown[]) => {
              const rows = await target.query(sql, parameters);
              if (!wrote && sql.includes("phone_sealed AS sealed") && rows.some((row: { id: string }) => row.id === zhang)) {
                wrote = true;
                const read = await restarted.ask(`query($id: ID!) { appraiser(id: $id) { version } }`, { as: "XY-AMR", variables: { id: zhang } });
                const changed = await restarted.ask(`mutation($id: ID!, $v: Int!) { updateAppraiser(id: $id, expectedVersion: $v, input: { phone: "13603760000" }) { version } }`, {
                  as: "XY-AMR",
                  variables: { id: zhang, v: read.data.appraiser.version },
                });
                expect(changed.errors).toBeUndefined();
              }
              return rows;
            };
          }
          const value = Reflect.get(target, property);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      const trail = new AuditTrail(ds(), { flushIntervalMs: 20, batchSize: 10 });
      const actor = { agencyCode: null, regionCode: null, clientName: "hub", endUser: "王工", requestId: "pii-rekey-test", caseRef: null };
      const summary = await rekeyPii(racing, { current: newKey, previous: [oldKeys.current] }, { trail, actor, batchSize: 4 });
      await trail.close();
      expect(wrote).toBe(true);
      expect(summary).toEqual({
        masterKey: newKey.id,
        dataKey: expect.stringMatching(/^[0-9a-f]{12}$/),
        dataKeyCreated: true,
        keysRewrapped: 2,
        // Every value, 张伟's new phone on the second pass; his old one was not written over the new.
        valuesResealed: sealedValues,
        valuesChangedMeanwhile: 1,
        keysRetired: 1,
        valuesRemaining: 0,
        unreadable: [],
        previousKeysNeeded: false,
        previousKeyFiles: [oldKeys.current.file],
        next: expect.stringMatching(/^every data key is wrapped under HUB_PII_KEY_FILE and no value needs the previous master key: remove HUB_PII_KEY_PREVIOUS_FILES/),
      });
      const keys: Array<{ id: string; purpose: string; kek_id: string; retired: boolean }> = await ds().query(`SELECT id, purpose, kek_id, retired_at IS NOT NULL AS retired FROM pii_data_keys`);
      expect(keys.map((k) => `${k.purpose} ${k.retired ? "retired" : "live"} ${k.kek_id}`).sort()).toEqual([`encrypt live ${newKey.id}`, `encrypt retired ${newKey.id}`, `hash live ${newKey.id}`]);
      expect(keys.find((k) => k.purpose === "encrypt" && !k.retired)!.id).toBe(summary.dataKey);
      const values: Array<{ v: string }> = await ds().query(`SELECT id_number_sealed AS v FROM appraisers UNION ALL SELECT phone_sealed FROM appraisers`);
      for (const { v } of values) expect(v.startsWith(`v2.${summary.dataKey}.`)).toBe(true);
      const audit = await ds().query(`SELECT operation, entity_type, entity_id, client_name, end_user, fields FROM audit_events WHERE operation = 'rekeyPii'`);
      expect(audit).toEqual([
        {
          operation: "rekeyPii",
          entity_type: "PiiDataKey",
          entity_id: summary.dataKey,
          client_name: "hub",
          end_user: "王工",
          fields: ["idNumber", "phone", ...(await clientSecretField()), ...(await sealedField("public_reports", "contact")), ...(await sealedField("case_feedback", "partyContact")), ...(await sealedField("patent_attorneys", "certificateNo")), `masterKey:${newKey.id}`, "rewrapped:2", `resealed:${sealedValues}`, "retired:1"],
        },
      ]);
    } finally {
      await restarted.stop();
    }
  });

  it("leaves every ID number and phone readable through the API with the new master key alone, and the old one unreferenced", async () => {
    // The previous key file is gone.
    fs.renameSync(oldKeys.current.file, `${oldKeys.current.file}.retired`);
    const alone = await hubWith({ HUB_PII_KEY_FILE: newFile });
    try {
      const expected = [...DEMO_PEOPLE.map((p) => (p.name === "张伟" ? { ...p, phone: "13603760000" } : p)), { name: "钱多", idNumber: registered.input.idNumber as string, phone: "13903764711" }].sort(byName);
      expect(await everyone(alone.ask)).toEqual(expected);
      const status = await piiKeyStatus(ds(), { current: keyFrom(newFile), previous: [] });
      expect(status.masterKeys).toEqual([{ id: keyFrom(newFile).id, configuredAs: "HUB_PII_KEY_FILE", file: newFile, dataKeys: 3, v1Values: 0 }]);
      expect(status.valuesToReseal).toBe(0);
      expect(status.previousKeysNeeded).toBe(false);
      expect(status.dataKeys.map((k) => [k.purpose, k.values])).toEqual(expect.arrayContaining([["hash", null], ["encrypt", 0], ["encrypt", expected.length * 2 + 1]])); // and the demo attorney's certificate
    } finally {
      await alone.stop();
      fs.renameSync(`${oldKeys.current.file}.retired`, oldKeys.current.file);
    }
  });

  it("keeps the hashes: the stored ones are unchanged, a duplicate ID number is still refused, and a registration's retry still replays", async () => {
    expect(await ds().query(`SELECT id, id_number_hash FROM appraisers ORDER BY id`)).toEqual(hashesBefore);
    const alone = await hubWith({ HUB_PII_KEY_FILE: newFile });
    try {
      const register = `mutation($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { appraiser { id } replayed } }`;
      const duplicate = await alone.ask(register, { as: "XY-AMR", variables: { input: { ...registered.input, idempotencyKey: "pii-rekey-2", name: "张伟二", idNumber: ZHANG_WEI.idNumber } } });
      expect(duplicate.errors?.[0]).toMatchObject({ extensions: { code: "CONFLICT", field: "input.idNumber" } });
      const replay = await alone.ask(register, { as: "XY-AMR", variables: { input: registered.input } });
      expect(replay.errors).toBeUndefined();
      expect(replay.data.registerAppraiser).toEqual({ appraiser: { id: registered.id }, replayed: true });
    } finally {
      await alone.stop();
    }
  });

  it("changes nothing when run again, and refuses, changing nothing, without the master key the data keys are wrapped under", async () => {
    const newKey = keyFrom(newFile);
    const trail = new AuditTrail(ds(), { flushIntervalMs: 20, batchSize: 10 });
    const actor = { agencyCode: null, regionCode: null, clientName: "hub", endUser: "王工", requestId: "pii-rekey-again", caseRef: null };
    const before = await ds().query(`SELECT * FROM pii_data_keys ORDER BY id`);
    const again = await rekeyPii(ds(), { current: newKey, previous: [] }, { trail, actor });
    expect(again).toMatchObject({ dataKeyCreated: false, keysRewrapped: 0, valuesResealed: 0, keysRetired: 0, valuesRemaining: 0, previousKeysNeeded: false });
    expect(await ds().query(`SELECT * FROM pii_data_keys ORDER BY id`)).toEqual(before);
    // With a master key that wraps none of them (the new one forgotten): refused, and nothing made.
    const stranger = keyFrom(newKeyFile("stranger.key"));
    await expect(rekeyPii(ds(), { current: stranger, previous: [oldKeys.current] }, { trail, actor })).rejects.toThrow(
      new RegExp(`wrapped under master key ${newKey.id}, which neither HUB_PII_KEY_FILE nor HUB_PII_KEY_PREVIOUS_FILES holds`),
    );
    await trail.close();
    expect(await ds().query(`SELECT * FROM pii_data_keys ORDER BY id`)).toEqual(before);
  });
});

/** The identity providers' client secrets are sealed too, where the database has that table. */
/** A sealed column of a table this test's database may predate. */
async function sealedField(table: string, field: string): Promise<string[]> {
  const [row] = await hub.db.dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [table]);
  return row.present ? [field] : [];
}

async function clientSecretField(): Promise<string[]> {
  const [row] = await hub.db.dataSource.query(`SELECT to_regclass('identity_providers') IS NOT NULL AS present`);
  return row.present ? ["clientSecret"] : [];
}

describe("hub pii", () => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof preparedHubData>>["database"];
  beforeAll(async () => ({ dataDir, database } = await preparedHubData("hub-pii-cli-")));
  afterAll(async () => {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HUB_DATA_DIR: dataDir, LOG_LEVEL: "warn", ...(database.url ? { DATABASE_URL: database.url } : {}), ...extra });
  const settings = (lines: string): Record<string, string> => Object.fromEntries(lines.trim().split("\n").map((line) => line.split("=") as [string, string]));

  it("new-key, status and rekey beside a running hub, which reads every value under the new data key; afterwards the new master key alone suffices", async () => {
    const oldFile = path.join(dataDir, "keys", "pii.key");
    const made = await runHub(["pii", "new-key"], env());
    expect(made.code).toBe(0);
    const rotation = settings(made.stdout);
    expect(Object.keys(rotation)).toEqual(["HUB_PII_KEY_FILE", "HUB_PII_KEY_PREVIOUS_FILES"]);
    expect(rotation.HUB_PII_KEY_PREVIOUS_FILES).toBe(oldFile);
    expect(fs.statSync(rotation.HUB_PII_KEY_FILE).mode & 0o777).toBe(0o600);
    const secrets = [fs.readFileSync(oldFile, "utf8").trim(), fs.readFileSync(rotation.HUB_PII_KEY_FILE, "utf8").trim()];

    const running = await startHubProcess(env(rotation));
    try {
      const before = await runHub(["pii", "status"], env(rotation));
      expect(before.code).toBe(0);
      const was = JSON.parse(before.stdout);
      expect(was.masterKeys.map((k: { configuredAs: string; dataKeys: number }) => [k.configuredAs, k.dataKeys])).toEqual([
        ["HUB_PII_KEY_FILE", 0],
        ["HUB_PII_KEY_PREVIOUS_FILES", 2],
      ]);
      // The demo appraisers' ID numbers and phones (28) and its patent attorney's certificate number.
      expect(was).toMatchObject({ valuesToReseal: 29, previousKeysNeeded: true });

      const rekey = await runHub(["pii", "rekey", "--operator", "王工"], env(rotation));
      expect(rekey.code).toBe(0);
      const summary = JSON.parse(rekey.stdout);
      expect(summary).toMatchObject({ dataKeyCreated: true, keysRewrapped: 2, valuesResealed: 29, valuesChangedMeanwhile: 0, keysRetired: 1, valuesRemaining: 0, unreadable: [], previousKeysNeeded: false, previousKeyFiles: [oldFile] });
      for (const secret of secrets) expect(`${rekey.stdout}${rekey.stderr}${before.stdout}${running.log()}`).not.toContain(secret);

      // The running hub reads the values now sealed under the data key another process made.
      const token = (await runHub(["token", "--agency", "HA-AMR", "--scopes", "pii:read"], env(rotation))).stdout.trim();
      const response = await fetch(`${running.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...caseRef },
        body: JSON.stringify({ query: FULL_DISCLOSURE }),
      });
      const body = (await response.json()) as any;
      expect(body.errors).toBeUndefined();
      expect(body.data.appraisers.edges.map((e: { node: Person }) => ({ name: e.node.name, idNumber: e.node.idNumber, phone: e.node.phone })).sort(byName)).toEqual(DEMO_PEOPLE);

      // With the new master key alone: nothing refers to the old one; a second run changes nothing.
      const alone = env({ HUB_PII_KEY_FILE: rotation.HUB_PII_KEY_FILE });
      const after = JSON.parse((await runHub(["pii", "status"], alone)).stdout);
      expect(after.masterKeys.map((k: { configuredAs: string; dataKeys: number; v1Values: number }) => [k.configuredAs, k.dataKeys, k.v1Values])).toEqual([["HUB_PII_KEY_FILE", 3, 0]]);
      expect(after).toMatchObject({ valuesToReseal: 0, previousKeysNeeded: false });
      const again = await runHub(["pii", "rekey"], alone);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ dataKeyCreated: false, keysRewrapped: 0, valuesResealed: 0, keysRetired: 0 });
    } finally {
      running.child.kill("SIGTERM");
      await running.exited;
    }
    const audited = await withHubDatabase(database, dataDir, (query) => query(`SELECT operation, client_name, end_user FROM audit_events WHERE operation = 'rekeyPii' ORDER BY seq`));
    expect(audited).toEqual([
      { operation: "rekeyPii", client_name: "hub", end_user: "王工" },
      { operation: "rekeyPii", client_name: "hub", end_user: expect.any(String) },
    ]);
  }, 240_000);
});
