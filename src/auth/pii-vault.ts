import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { HubConfig } from "../config/config";
import { MissingKeyError } from "./signing-key";

/**
 * Encryption of personal information at rest (PIPL: ID numbers and phones), so a database dump does not
 * reveal it. Values are sealed with AES-256-GCM under a key derived from the configured master key; a keyed
 * hash (HMAC-SHA256 under a second derived key) gives uniqueness and lookup without decrypting anything.
 * Sealed text is `v1.<keyId>.<iv>.<ciphertext>.<tag>` so a later key rotation can tell keys apart.
 */
export class PiiVault {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;
  readonly keyId: string;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error("the PII key must be 32 bytes");
    this.encryptionKey = Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "appraisal-hub/pii/encrypt/v1", 32));
    this.hashKey = Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "appraisal-hub/pii/hash/v1", 32));
    this.keyId = createHash("sha256").update(masterKey).digest("hex").slice(0, 8);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return ["v1", this.keyId, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
  }

  open(sealed: string): string {
    const [version, keyId, iv, body, tag] = sealed.split(".");
    if (version !== "v1" || keyId !== this.keyId) throw new Error("sealed with another key");
    const decipher = createDecipheriv("aes-256-gcm", this.encryptionKey, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  }

  /** Keyed hash for unique indexes and lookups: equal inputs give equal hashes; the hash alone reveals nothing. */
  hash(plain: string): string {
    return createHmac("sha256", this.hashKey).update(plain).digest("hex");
  }
}

/** Where the PII key is read from: `HUB_PII_KEY_FILE`, else the development key under `<dataDir>/keys/`. */
export function piiKeyPath(config: HubConfig): string {
  return config.piiKeyFile ?? path.join(config.dataDir, "keys", "pii.key");
}

/**
 * Reads the master key from `HUB_PII_KEY_FILE` (32 bytes, base64 or hex). Outside production, without one,
 * makes one once under `<dataDir>/keys/` (mode 0600). Losing the key loses the sealed values: back it up.
 * Only the hub itself (`hub serve`, `hub init`) makes that key: the other commands pass `create: false` and
 * get a `MissingKeyError`, since a new key would leave every value sealed under the old one unreadable.
 */
export function loadPiiVault(config: HubConfig, options: { create?: boolean } = {}): PiiVault {
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
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8").trim();
  } catch {
    throw new Error(`cannot read the PII key file ${file}`);
  }
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) throw new Error(`the PII key file ${file} must hold 32 bytes as base64 or hex`);
  return new PiiVault(key);
}

/** Writes a new random 32-byte key, base64, with mode 0600 (its folder 0700 when made here). Never overwrites (`EEXIST`). */
export function writeNewPiiKey(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
}
