/**
 * A court's case system connecting to appraisal-hub, the five steps of the README's "Connect your system":
 *
 *   1. The province bureau registers your agency and its client system (`registerAgency`, `registerClientSystem`).
 *   2. You generate an ES256 key pair and keep the private key (`generateClientKeys`).
 *   3. You register the public half as a JWKS with your client system (`publicJwks`; the bureau passes it as
 *      `jwks` to `registerClientSystem`, or you do with `updateClientSystem`).
 *   4. You sign a short-lived token with `iss` = your agency code, `sub` = `<AGENCY>/<client>`, `aud`, `iat`, `exp`
 *      (`signToken`).
 *   5. You ask for an institution's credentials with the case number that justifies it in `X-Case-Ref`
 *      (`institutionCredentials`).
 *
 * Run it (Node 20+, from this folder): `npm install jose typescript && npx tsc court-client.ts --target es2022
 * --module commonjs --esModuleInterop && HUB_URL=… AGENCY=ZZ-COURT CLIENT=case-system KEY_FILE=court-key.json
 * CASE_REF='(2025)豫01知民初1号' CREDIT_CODE=91411500MA9F3K2L21 node court-client.js`. Without KEY_FILE it makes a key
 * pair, writes it to court-key.json and prints the JWKS to register.
 */
import fs from "node:fs";
import { exportJWK, generateKeyPair, importJWK, JWK, KeyLike, SignJWT } from "jose";

export interface ClientKeys {
  privateKey: KeyLike;
  publicKey: KeyLike;
  kid: string;
}

/** Step 2: a new ES256 (P-256) key pair, named by `kid` so that you can rotate keys later. */
export async function generateClientKeys(kid: string): Promise<ClientKeys> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  return { privateKey, publicKey, kid };
}

/** Step 3: the JSON Web Key Set to register: the public half only. */
export async function publicJwks(keys: ClientKeys): Promise<{ keys: JWK[] }> {
  return { keys: [{ ...(await exportJWK(keys.publicKey)), kid: keys.kid, alg: "ES256", use: "sig" }] };
}

/** Step 4: a token the hub accepts from your system: five minutes is plenty for one case lookup. */
export function signToken(keys: ClientKeys, claims: { agency: string; client: string; audience: string; scopes?: string[] }): Promise<string> {
  return new SignJWT({ scope: (claims.scopes ?? []).join(" ") })
    .setProtectedHeader({ alg: "ES256", kid: keys.kid, typ: "JWT" })
    .setIssuer(claims.agency)
    .setSubject(`${claims.agency}/${claims.client}`)
    .setAudience(claims.audience)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(keys.privateKey);
}

/** What a court checks before it entrusts an institution: was it listed on the day, for which fields, who appraises, its credit. */
export const CREDENTIALS_QUERY = `query Credentials($creditCode: CreditCode!, $day: Date!) {
  institution(creditCode: $creditCode) {
    name creditCode regionCode listingStatus listingLevel grade technicalFields
    listedOnDay: listingStatusOn(date: $day)
    appraisers { name technicalFields titles { title level } }
    creditRecords { severity status decisionDocNo }
  }
}`;

export interface Credentials {
  institution: {
    name: string;
    creditCode: string;
    regionCode: string;
    listingStatus: string | null;
    listingLevel: string | null;
    grade: string | null;
    technicalFields: string[] | null;
    listedOnDay: string | null;
    appraisers: Array<{ name: string; technicalFields: string[]; titles: Array<{ title: string; level: string }> }> | null;
    creditRecords: Array<{ severity: string; status: string; decisionDocNo: string }> | null;
  } | null;
}

/** Step 5: the credentials, with the case reference in `X-Case-Ref` (percent-encoded: it is Chinese). */
export async function institutionCredentials(hubUrl: string, token: string, input: { creditCode: string; day: string; caseRef: string }): Promise<Credentials> {
  const response = await fetch(`${hubUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-case-ref": encodeURIComponent(input.caseRef) },
    body: JSON.stringify({ query: CREDENTIALS_QUERY, variables: { creditCode: input.creditCode, day: input.day } }),
  });
  const body = (await response.json()) as { data?: Credentials; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (response.status !== 200 || !body.data) {
    throw new Error(`the hub answered ${response.status}: ${body.errors?.map((e) => `${e.extensions?.code} ${e.message}`).join("; ")}`);
  }
  return body.data;
}

async function main(): Promise<void> {
  const env = process.env;
  const keyFile = env.KEY_FILE ?? "court-key.json";
  if (!fs.existsSync(keyFile)) {
    const keys = await generateClientKeys(`${env.AGENCY ?? "court"}-1`);
    fs.writeFileSync(keyFile, JSON.stringify({ ...(await exportJWK(keys.privateKey)), kid: keys.kid }), { mode: 0o600 });
    process.stdout.write(`wrote ${keyFile}; register this JWKS with your client system:\n${JSON.stringify(await publicJwks(keys))}\n`);
    return;
  }
  const jwk = JSON.parse(fs.readFileSync(keyFile, "utf8")) as JWK & { kid: string };
  const privateKey = (await importJWK(jwk, "ES256")) as KeyLike;
  const token = await signToken({ privateKey, publicKey: privateKey, kid: jwk.kid }, { agency: env.AGENCY!, client: env.CLIENT ?? "default", audience: env.AUDIENCE ?? "appraisal-hub" });
  const day = env.DAY ?? new Date().toISOString().slice(0, 10);
  const credentials = await institutionCredentials(env.HUB_URL ?? "http://localhost:4000", token, { creditCode: env.CREDIT_CODE!, day, caseRef: env.CASE_REF! });
  process.stdout.write(`${JSON.stringify(credentials, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`court-client: ${error.message}\n`);
    process.exit(1);
  });
}
