import fs from "node:fs";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, importPKCS8, JWK, KeyLike } from "jose";
import type { HubConfig } from "../config/config";

export const TOKEN_ALGORITHM = "ES256";

/** The hub's own ES256 key pair: it signs the tokens `npx hub token` issues and verifies them. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicKey: KeyLike;
  readonly publicJwk: JWK;
}

/**
 * Loads the key from `HUB_SIGNING_KEY_FILE` (a PKCS#8 PEM or a private JWK). Without one, outside
 * production, it makes a key once and keeps it under `<dataDir>/keys/` (mode 0600), so tokens survive
 * restarts of a development hub.
 */
export async function loadSigningKey(config: HubConfig): Promise<SigningKey> {
  if (config.jwt.signingKeyFile) return readKeyFile(config.jwt.signingKeyFile);
  const file = path.join(config.dataDir, "keys", "hub-signing-key.jwk.json");
  if (fs.existsSync(file)) return readKeyFile(file);
  const { privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // `wx`: if another process made the key in the meantime, keep theirs.
  try {
    fs.writeFileSync(file, JSON.stringify({ ...jwk, alg: TOKEN_ALGORITHM }), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readKeyFile(file);
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
