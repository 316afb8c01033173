import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DataSource, EntityManager } from "typeorm";
import type { HubConfig } from "../config/config";
import { MissingKeyError } from "./signing-key";

/**
 * Encryption of personal information at rest (PIPL: ID numbers and phones), so a database dump does not
 * reveal it. Envelope encryption:
 *
 * - **Master keys** (key-encryption keys) are files: the current one (`HUB_PII_KEY_FILE`) and those used before
 *   the last rotation (`HUB_PII_KEY_PREVIOUS_FILES`). A master key's id is the first 8 hex digits of its SHA-256.
 *   They never touch a value: they only wrap data keys.
 * - **Data keys** live in the table `pii_data_keys`, each wrapped (AES-256-GCM) under one master key: `encrypt`
 *   keys seal values (the newest one not retired seals new values; older ones still open what they sealed) and
 *   the one `hash` key gives the keyed hash (HMAC-SHA256) behind uniqueness, lookups and idempotency
 *   fingerprints. The hash key never changes (a rotation only re-wraps it), so stored hashes stay valid. The
 *   first hash key is the one the hub derived before data keys existed, HKDF(master, "appraisal-hub/pii/hash/v1").
 * - **Values** are sealed `v2.<dataKeyId>.<iv>.<ciphertext>.<tag>`. Values sealed before data keys existed,
 *   `v1.<masterKeyId>.<iv>.<ciphertext>.<tag>` under HKDF(master, "appraisal-hub/pii/encrypt/v1"), open as long
 *   as that master key is configured; `hub pii rekey` re-seals them.
 *
 * `hub pii rekey` (`services/pii-keys.ts`) rotates: a new encrypt key wrapped under the current master key,
 * every data key re-wrapped under it, every value re-sealed under the new data key, older encrypt keys
 * retired. After it, the previous master key files are not needed any more. Key material is never logged,
 * printed or put in an error message: only key ids are.
 */

/** A master key read from a file: its id (first 8 hex digits of its SHA-256) and where it came from. */
export interface PiiMasterKey {
  readonly id: string;
  readonly key: Buffer;
  readonly file: string;
}

/** The configured master keys: the one new data keys are wrapped under, and the ones used before the last rotation. */
export interface PiiMasterKeys {
  readonly current: PiiMasterKey;
  readonly previous: readonly PiiMasterKey[];
}

export type DataKeyPurpose = "encrypt" | "hash";

/** A data key as the vault holds it: `key` is absent when no configured master key unwraps it. */
interface DataKey {
  readonly id: string;
  readonly purpose: DataKeyPurpose;
  readonly kekId: string;
  readonly createdAt: Date;
  readonly retiredAt: Date | null;
  readonly key: Buffer | undefined;
  /** Why `key` is absent, naming key ids only. */
  readonly problem?: string;
}

interface DataKeyRow {
  id: string;
  purpose: DataKeyPurpose;
  wrapped_key: string;
  kek_id: string;
  created_at: Date | string;
  retired_at: Date | string | null;
}

/** A key the hub needs for personal data is missing or does not fit. The message names key ids and settings, never key material. */
export class PiiKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PiiKeyError";
  }
}

/**
 * Where sealed values live: every column the rotation re-seals and the status counts. Each table has a uuid
 * primary key `id`; a table the database does not have (yet) is skipped.
 */
export const SEALED_COLUMNS: ReadonlyArray<{ readonly table: string; readonly column: string; readonly field: string }> = [
  { table: "appraisers", column: "id_number_sealed", field: "idNumber" },
  { table: "appraisers", column: "phone_sealed", field: "phone" },
  { table: "identity_providers", column: "client_secret_sealed", field: "clientSecret" },
  { table: "public_reports", column: "contact_sealed", field: "contact" },
  { table: "case_feedback", column: "party_contact_sealed", field: "partyContact" },
  { table: "patent_attorneys", column: "certificate_sealed", field: "certificateNo" },
];

/** Arbitrary but fixed key of the advisory lock that serialises changes to `pii_data_keys` across hub processes. */
const DATA_KEY_LOCK = 7_420_310_002;
const V1_ENCRYPT_INFO = "appraisal-hub/pii/encrypt/v1";
const V1_HASH_INFO = "appraisal-hub/pii/hash/v1";
const WRAP_INFO = "appraisal-hub/pii/wrap/v2";
const SETTINGS = "HUB_PII_KEY_FILE nor HUB_PII_KEY_PREVIOUS_FILES";

const derive = (master: Buffer, info: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), info, 32));

/** A master key's id: the first 8 hex digits of its SHA-256 (what `v1.` values and `pii_data_keys.kek_id` name). */
export function masterKeyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** A master key from its 32 bytes. */
export function piiMasterKey(key: Buffer, file = "(memory)"): PiiMasterKey {
  if (key.length !== 32) throw new Error("the PII key must be 32 bytes");
  return { id: masterKeyId(key), key, file };
}

function aesGcmSeal(key: Buffer, plain: Buffer, aad: string | undefined): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

function aesGcmOpen(key: Buffer, iv: string, body: string, tag: string, aad: string | undefined): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  if (aad !== undefined) decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
}

/** The wrapped form of a data key: bound to its id and purpose, so a wrapped key copied to another row does not open. */
const wrapAad = (id: string, purpose: DataKeyPurpose) => `appraisal-hub/pii/data-key/${id}/${purpose}`;

function wrapDataKey(kek: PiiMasterKey, id: string, purpose: DataKeyPurpose, key: Buffer): string {
  return aesGcmSeal(derive(kek.key, WRAP_INFO), key, wrapAad(id, purpose));
}

function unwrapDataKey(kek: PiiMasterKey, row: Pick<DataKeyRow, "id" | "purpose" | "wrapped_key">): Buffer {
  const [iv, body, tag] = row.wrapped_key.split(".");
  const key = aesGcmOpen(derive(kek.key, WRAP_INFO), iv, body, tag, wrapAad(row.id, row.purpose));
  if (key.length !== 32) throw new Error("a data key must be 32 bytes");
  return key;
}

function allMasterKeys(keys: PiiMasterKeys): PiiMasterKey[] {
  return [keys.current, ...keys.previous];
}

function findMasterKey(keys: PiiMasterKeys, id: string): PiiMasterKey | undefined {
  return allMasterKeys(keys).find((kek) => kek.id === id);
}

const newDataKeyId = () => randomBytes(6).toString("hex");

/**
 * Seals, opens and hashes personal data under the data keys of `pii_data_keys` (see the module comment).
 * `seal` and `hash` use the keys in memory; a value under a data key the vault has not seen (another process
 * made it) makes `openLatest` read the table again once before it fails. A vault that seals also re-reads the table
 * every `refreshMs` (in the background), so a hub running beside `hub pii rekey` moves to the new data key.
 */
export class PiiVault {
  private keys = new Map<string, DataKey>();
  private loadedAt = 0;
  private reloading: Promise<void> | undefined;
  private readonly v1Keys = new Map<string, Buffer>();

  private constructor(
    private readonly dataSource: DataSource,
    readonly masterKeys: PiiMasterKeys,
    private readonly refreshMs: number,
  ) {}

  /**
   * Reads the data keys. With `create`, first makes the missing ones (the first use of a database: a hash key
   * equal to the one derived before data keys existed, and a new encrypt key, both wrapped under the current
   * master key; safe when several processes start at once) and then requires the hash key and an encrypt key
   * to unwrap with the configured master keys. Without it (commands that may never touch personal data), a
   * key that does not unwrap fails only when it is used.
   */
  static async load(dataSource: DataSource, masterKeys: PiiMasterKeys, options: { create?: boolean; refreshMs?: number } = {}): Promise<PiiVault> {
    const vault = new PiiVault(dataSource, masterKeys, options.refreshMs ?? 60_000);
    if (options.create) await ensureDataKeys(dataSource, masterKeys);
    await vault.reload();
    if (options.create) vault.assertUsable();
    return vault;
  }

  /** The current master key's id. */
  get masterKeyId(): string {
    return this.masterKeys.current.id;
  }

  /** The data key new values are sealed under, when there is a usable one. */
  get currentDataKeyId(): string | undefined {
    return this.currentEncryptKey()?.id;
  }

  /** Reads `pii_data_keys` again, unwrapping the keys it has not unwrapped yet (keys already in memory are kept). */
  async reload(): Promise<void> {
    let rows: DataKeyRow[];
    try {
      rows = await this.dataSource.query(`SELECT id, purpose, wrapped_key, kek_id, created_at, retired_at FROM pii_data_keys ORDER BY created_at, id`);
    } catch (error) {
      if ((error as { code?: string }).code === "42P01") throw new PiiKeyError("the database has no table pii_data_keys: run `hub migrate` (with this version of the hub) first");
      throw error;
    }
    const next = new Map<string, DataKey>();
    for (const row of rows) {
      const known = this.keys.get(row.id);
      let key = known?.key;
      let problem: string | undefined;
      if (!key) {
        const kek = findMasterKey(this.masterKeys, row.kek_id);
        if (!kek) {
          problem = `data key ${row.id} is wrapped under master key ${row.kek_id}, which neither ${SETTINGS} holds (current: ${this.masterKeyId})`;
        } else {
          try {
            key = unwrapDataKey(kek, row);
          } catch {
            problem = `data key ${row.id} does not unwrap with master key ${row.kek_id}`;
          }
        }
      }
      next.set(row.id, {
        id: row.id,
        purpose: row.purpose,
        kekId: row.kek_id,
        createdAt: new Date(row.created_at),
        retiredAt: row.retired_at === null ? null : new Date(row.retired_at),
        key,
        problem,
      });
    }
    this.keys = next;
    this.loadedAt = Date.now();
  }

  /** One reload at a time: concurrent callers share it. */
  private reloadShared(): Promise<void> {
    this.reloading ??= this.reload().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  /** In the background, when the keys in memory are older than `refreshMs`; a failure keeps them. */
  private refreshWhenStale(): void {
    if (this.refreshMs <= 0 || this.reloading || Date.now() - this.loadedAt < this.refreshMs) return;
    void this.reloadShared().catch(() => {
      this.loadedAt = Date.now();
    });
  }

  /** The newest encrypt key that is not retired and unwraps; else (a hub without the new master key) the newest that unwraps. */
  private currentEncryptKey(): DataKey | undefined {
    const usable = [...this.keys.values()].filter((k) => k.purpose === "encrypt" && k.key);
    return usable.filter((k) => !k.retiredAt).at(-1) ?? usable.at(-1);
  }

  private hashKey(): DataKey | undefined {
    return [...this.keys.values()].find((k) => k.purpose === "hash");
  }

  /** Throws a `PiiKeyError` unless the hash key and an encrypt key unwrap with the configured master keys. */
  assertUsable(): void {
    const hash = this.hashKey();
    if (!hash) throw new PiiKeyError("pii_data_keys holds no hash key");
    if (!hash.key) throw new PiiKeyError(`cannot use the PII keys: ${hash.problem}`);
    if (!this.currentEncryptKey()) {
      const problems = [...this.keys.values()].filter((k) => k.purpose === "encrypt").map((k) => k.problem);
      throw new PiiKeyError(problems.length ? `cannot use the PII keys: ${problems.join("; ")}` : "pii_data_keys holds no encrypt key");
    }
  }

  /** Seals `plain` under the current data key, or under `dataKeyId` (the rotation's new key). */
  seal(plain: string, dataKeyId?: string): string {
    this.refreshWhenStale();
    const dek = dataKeyId === undefined ? this.currentEncryptKey() : this.keys.get(dataKeyId);
    if (!dek || dek.purpose !== "encrypt" || !dek.key) {
      throw new PiiKeyError(dek?.problem ?? (dataKeyId ? `no encrypt data key ${dataKeyId}` : "no usable encrypt data key: the hub was started without creating its PII data keys"));
    }
    const prefix = `v2.${dek.id}`;
    return `${prefix}.${aesGcmSeal(dek.key, Buffer.from(plain, "utf8"), prefix)}`;
  }

  /** Opens a sealed value; a data key not in memory makes it read `pii_data_keys` again, once, before it fails. */
  async openLatest(sealed: string): Promise<string> {
    const [version, keyId] = sealed.split(".");
    if (version === "v2" && !this.keys.get(keyId)?.key) await this.reloadShared();
    return this.openWithKeysInMemory(sealed);
  }

  private openWithKeysInMemory(sealed: string): string {
    const [version, keyId, iv, body, tag] = sealed.split(".");
    if (tag === undefined) throw new PiiKeyError("not a sealed value");
    if (version === "v1") {
      let key = this.v1Keys.get(keyId);
      if (!key) {
        const kek = findMasterKey(this.masterKeys, keyId);
        if (!kek) throw new PiiKeyError(`a value is sealed under master key ${keyId} (before data keys), which neither ${SETTINGS} holds`);
        key = derive(kek.key, V1_ENCRYPT_INFO);
        this.v1Keys.set(keyId, key);
      }
      return aesGcmOpen(key, iv, body, tag, undefined).toString("utf8");
    }
    if (version !== "v2") throw new PiiKeyError(`unknown sealed-value version ${version.slice(0, 8)}`);
    const dek = this.keys.get(keyId);
    if (!dek?.key || dek.purpose !== "encrypt") throw new PiiKeyError(dek?.problem ?? `a value is sealed under data key ${keyId}, which pii_data_keys does not hold`);
    return aesGcmOpen(dek.key, iv, body, tag, `v2.${keyId}`).toString("utf8");
  }

  /** Keyed hash for unique indexes and lookups: equal inputs give equal hashes; the hash alone reveals nothing. */
  hash(plain: string): string {
    const dek = this.hashKey();
    if (!dek?.key) throw new PiiKeyError(dek?.problem ?? "no hash data key: the hub was started without creating its PII data keys");
    return createHmac("sha256", dek.key).update(plain).digest("hex");
  }
}

/**
 * Makes the data keys a database lacks (its first use): the hash key, equal to the one derived before data
 * keys existed so that stored hashes stay valid (derived from the master key that sealed the stored `v1.` ID
 * numbers, else from the current one), and an encrypt key; both wrapped under the current master key. Under
 * an advisory lock, so two processes starting at once make one set.
 */
export async function ensureDataKeys(dataSource: DataSource, masterKeys: PiiMasterKeys): Promise<void> {
  const have = async (runner: DataSource | EntityManager) => {
    const rows: Array<{ purpose: DataKeyPurpose }> = await runner.query(`SELECT DISTINCT purpose FROM pii_data_keys`);
    return new Set(rows.map((r) => r.purpose));
  };
  try {
    if ((await have(dataSource)).size === 2) return;
  } catch (error) {
    if ((error as { code?: string }).code === "42P01") throw new PiiKeyError("the database has no table pii_data_keys: run `hub migrate` (with this version of the hub) first");
    throw error;
  }
  await dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [DATA_KEY_LOCK]);
    const present = await have(manager);
    const current = masterKeys.current;
    if (!present.has("hash")) {
      const source = await v1HashSource(manager, masterKeys);
      const id = newDataKeyId();
      await manager.query(`INSERT INTO pii_data_keys (id, purpose, wrapped_key, kek_id) VALUES ($1, 'hash', $2, $3)`, [id, wrapDataKey(current, id, "hash", derive(source.key, V1_HASH_INFO)), current.id]);
    }
    if (!present.has("encrypt")) {
      const id = newDataKeyId();
      await manager.query(`INSERT INTO pii_data_keys (id, purpose, wrapped_key, kek_id) VALUES ($1, 'encrypt', $2, $3)`, [id, wrapDataKey(current, id, "encrypt", randomBytes(32)), current.id]);
    }
  });
}

/** The master key whose derived hash key made the stored ID-number hashes: the one most stored `v1.` ID numbers name. */
async function v1HashSource(manager: EntityManager, masterKeys: PiiMasterKeys): Promise<PiiMasterKey> {
  const idNumbers = SEALED_COLUMNS.find((c) => c.field === "idNumber")!;
  const rows: Array<{ kek_id: string }> = await manager.query(
    `SELECT split_part(${idNumbers.column}, '.', 2) AS kek_id FROM ${idNumbers.table} WHERE ${idNumbers.column} LIKE 'v1.%' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  if (rows.length === 0) return masterKeys.current;
  const kek = findMasterKey(masterKeys, rows[0].kek_id);
  if (!kek) throw new PiiKeyError(`the stored ID numbers are sealed under master key ${rows[0].kek_id}, which neither ${SETTINGS} holds (current: ${masterKeys.current.id})`);
  return kek;
}

/**
 * The rotation's encrypt key: the newest one not retired when it is already wrapped under the current master
 * key (a rotation run again, or interrupted, goes on with it) unless `fresh`; otherwise a new one wrapped under
 * the current master key. Under the data keys' lock.
 */
export async function rotationDataKey(dataSource: DataSource, masterKeys: PiiMasterKeys, options: { fresh?: boolean } = {}): Promise<{ id: string; created: boolean }> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [DATA_KEY_LOCK]);
    const newest: Array<{ id: string; kek_id: string }> = await manager.query(
      `SELECT id, kek_id FROM pii_data_keys WHERE purpose = 'encrypt' AND retired_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
    if (!options.fresh && newest.length > 0 && newest[0].kek_id === masterKeys.current.id) return { id: newest[0].id, created: false };
    const id = newDataKeyId();
    await manager.query(`INSERT INTO pii_data_keys (id, purpose, wrapped_key, kek_id) VALUES ($1, 'encrypt', $2, $3)`, [id, wrapDataKey(masterKeys.current, id, "encrypt", randomBytes(32)), masterKeys.current.id]);
    return { id, created: true };
  });
}

/**
 * Re-wraps under the current master key every data key wrapped under another one (the hash key and retired
 * keys included), in one transaction under the data keys' lock; returns how many. Fails, changing nothing,
 * when a data key's master key is not configured.
 */
export async function rewrapDataKeys(dataSource: DataSource, masterKeys: PiiMasterKeys): Promise<number> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [DATA_KEY_LOCK]);
    const rows: DataKeyRow[] = await manager.query(`SELECT id, purpose, wrapped_key, kek_id FROM pii_data_keys WHERE kek_id <> $1 ORDER BY created_at, id`, [masterKeys.current.id]);
    const missing = [...new Set(rows.filter((row) => !findMasterKey(masterKeys, row.kek_id)).map((row) => row.kek_id))];
    if (missing.length) throw new PiiKeyError(`data keys are wrapped under master key(s) ${missing.join(", ")}, which neither ${SETTINGS} holds: nothing was changed`);
    for (const row of rows) {
      let key: Buffer;
      try {
        key = unwrapDataKey(findMasterKey(masterKeys, row.kek_id)!, row);
      } catch {
        throw new PiiKeyError(`data key ${row.id} does not unwrap with master key ${row.kek_id}: nothing was changed`);
      }
      await manager.query(`UPDATE pii_data_keys SET wrapped_key = $2, kek_id = $3 WHERE id = $1`, [row.id, wrapDataKey(masterKeys.current, row.id, row.purpose, key), masterKeys.current.id]);
    }
    return rows.length;
  });
}

/** Retires the encrypt keys older than `keep` (they still open what they sealed); returns how many, in the caller's transaction. */
export async function retireOlderDataKeys(manager: EntityManager, keep: string): Promise<number> {
  await manager.query(`SELECT pg_advisory_xact_lock($1)`, [DATA_KEY_LOCK]);
  const retired: unknown[] = await manager.query(
    `WITH retired AS (
       UPDATE pii_data_keys k SET retired_at = now()
        FROM pii_data_keys keep
       WHERE keep.id = $1 AND k.purpose = 'encrypt' AND k.retired_at IS NULL AND k.id <> keep.id
         AND (k.created_at, k.id) < (keep.created_at, keep.id)
       RETURNING k.id)
     SELECT id FROM retired`,
    [keep],
  );
  return retired.length;
}

/** Where the current PII master key is read from: `HUB_PII_KEY_FILE`, else the development key under `<dataDir>/keys/`. */
export function piiKeyPath(config: HubConfig): string {
  return config.piiKeyFile ?? path.join(config.dataDir, "keys", "pii.key");
}

/**
 * Reads the master keys: the current one from `HUB_PII_KEY_FILE` (32 bytes, base64 or hex), the previous ones
 * from `HUB_PII_KEY_PREVIOUS_FILES`. Outside production, without `HUB_PII_KEY_FILE`, makes the current key once
 * under `<dataDir>/keys/` (mode 0600). Losing every master key that wraps the data keys loses the sealed values:
 * back it up. Only the hub itself (`hub serve`, `hub init`) makes that key: the other commands pass
 * `create: false` and get a `MissingKeyError`, since a new key would unwrap none of the data keys.
 */
export function readPiiMasterKeys(config: HubConfig, options: { create?: boolean } = {}): PiiMasterKeys {
  const file = piiKeyPath(config);
  if (!config.piiKeyFile && !fs.existsSync(file)) {
    if (options.create === false) {
      throw new MissingKeyError(`no PII key at ${file}; run \`hub init\` or \`hub serve\` first, or set HUB_PII_KEY_FILE (\`hub keys generate\` makes one)`);
    }
    try {
      writeNewPiiKey(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const current = readKeyFile(file);
  const previous: PiiMasterKey[] = [];
  for (const other of config.piiPreviousKeyFiles) {
    const key = readKeyFile(other);
    if (key.id !== current.id && !previous.some((p) => p.id === key.id)) previous.push(key);
  }
  return { current, previous };
}

/** Reads the master keys (see `readPiiMasterKeys`) and the data keys (see `PiiVault.load`). */
export async function loadPiiVault(config: HubConfig, dataSource: DataSource, options: { createKeyFile?: boolean; createDataKeys?: boolean; refreshMs?: number } = {}): Promise<PiiVault> {
  const keys = readPiiMasterKeys(config, { create: options.createKeyFile ?? false });
  return PiiVault.load(dataSource, keys, { create: options.createDataKeys ?? false, refreshMs: options.refreshMs });
}

function readKeyFile(file: string): PiiMasterKey {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8").trim();
  } catch {
    throw new Error(`cannot read the PII key file ${file}`);
  }
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) throw new Error(`the PII key file ${file} must hold 32 bytes as base64 or hex`);
  return piiMasterKey(key, path.resolve(file));
}

/** Writes a new random 32-byte key, base64, with mode 0600 (its folder 0700 when made here). Never overwrites (`EEXIST`). */
export function writeNewPiiKey(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
}

