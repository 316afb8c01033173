import fs from "node:fs";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importJWK, importPKCS8, JWK, KeyLike } from "jose";
import type { HubConfig } from "../config/config";

export const TOKEN_ALGORITHM = "ES256";

/** The hub's own ES256 key pair: it signs the tokens `npx hub token` issues and verifies them. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicKey: KeyLike;
  readonly publicJwk: JWK;
}

/** A key the hub needs is missing and this command may not make it. The message names the file and the way out. */
export class MissingKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingKeyError";
  }
}

/** Where the signing key is read from: `HUB_SIGNING_KEY_FILE`, else the development key under `<dataDir>/keys/`. */
export function signingKeyPath(config: HubConfig): string {
  return config.jwt.signingKeyFile ?? path.join(config.dataDir, "keys", "hub-signing-key.jwk.json");
}

/**
 * Loads the key from `HUB_SIGNING_KEY_FILE` (a PKCS#8 PEM or a private JWK). Without one, outside
 * production, it makes a key once and keeps it under `<dataDir>/keys/` (mode 0600), so tokens survive
 * restarts of a development hub. Only the hub itself (`hub serve`, `hub init`) makes that key: the other
 * commands pass `create: false` and get a `MissingKeyError` instead, so a command run against the wrong
 * directory never mints a second hub's key.
 */
export async function loadSigningKey(config: HubConfig, options: { create?: boolean } = {}): Promise<SigningKey> {
  if (config.jwt.signingKeyFile) return readKeyFile(config.jwt.signingKeyFile);
  const file = signingKeyPath(config);
  if (fs.existsSync(file)) return readKeyFile(file);
  if (options.create === false) {
    throw new MissingKeyError(`no signing key at ${file}; run \`hub init\` or \`hub serve\` first, or set HUB_SIGNING_KEY_FILE (\`hub keys generate\` makes one)`);
  }
  // `wx`: if another process made the key in the meantime, keep theirs.
  await writeNewSigningKey(file, "jwk").catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  return readKeyFile(file);
}

/**
 * The keys the hub's tokens verify against: the current one, then those of `HUB_SIGNING_KEY_PREVIOUS_FILES`
 * (signed with before the last rotation, kept until the longest token lifetime has passed). Published, public
 * halves only, at `/.well-known/jwks.json`.
 */
export async function loadVerificationKeys(config: HubConfig, current: SigningKey): Promise<SigningKey[]> {
  const previous = await Promise.all(config.jwt.previousSigningKeyFiles.map((file) => readKeyFile(file)));
  return [current, ...previous.filter((key) => key.kid !== current.kid)];
}

/**
 * Writes a new ES256 (P-256) private key to `file`, as a private JWK or a PKCS#8 PEM, with mode 0600 (its
 * folder 0700 when made here). Never overwrites: an existing file fails with `EEXIST`.
 */
export async function writeNewSigningKey(file: string, format: "jwk" | "pem"): Promise<void> {
  const { privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  const text = format === "pem" ? await exportPKCS8(privateKey) : JSON.stringify({ ...(await exportJWK(privateKey)), alg: TOKEN_ALGORITHM });
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, text, { mode: 0o600, flag: "wx" });
}

async function readKeyFile(file: string): Promise<SigningKey> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new Error(`cannot read the signing key file ${file}`);
  }
  let privateKey: KeyLike;
  let jwk: JWK;
  try {
    if (text.trimStart().startsWith("{")) {
      jwk = JSON.parse(text) as JWK;
      if (jwk.kty !== "EC" || jwk.crv !== "P-256" || !jwk.d) throw new Error("not a P-256 private key");
      privateKey = (await importJWK(jwk, TOKEN_ALGORITHM)) as KeyLike;
    } else {
      privateKey = await importPKCS8(text, TOKEN_ALGORITHM, { extractable: true });
      jwk = await exportJWK(privateKey);
    }
  } catch {
    throw new Error(`the signing key file ${file} does not hold an ES256 (P-256) private key`);
  }
  const { d: _secret, ...publicJwk } = jwk;
  const publicKey = (await importJWK({ ...publicJwk, alg: TOKEN_ALGORITHM }, TOKEN_ALGORITHM)) as KeyLike;
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, privateKey, publicKey, publicJwk: { ...publicJwk, kid, alg: TOKEN_ALGORITHM, use: "sig" } };
}
