import { createSign, generateKeyPairSync, KeyObject, sign as cryptoSign } from "node:crypto";
import http from "node:http";
import { exportJWK, exportSPKI, generateKeyPair, KeyLike, SignJWT } from "jose";
import { changesSince, ledger, leaks, refusal, unchanged } from "../support/hostile";
import { startTestHub, TestHub } from "../support/test-hub";

/**
 * Hostile authentication (issue 15): forged, confused, stretched and smuggled credentials over real HTTP.
 * Every bad credential answers 401 UNAUTHENTICATED with no data: never the anonymous public, never a 500.
 * Each case sends a write (opening a collaboration, which any agency may do and the public may not) and
 * counts the table, the idempotency keys and the audit trail before and after: a token taken for an agency
 * would write a record; a fall-back to the public would leave a DENIED audit entry. Neither may happen: the
 * refusal comes before GraphQL, so nothing at all is written.
 *
 * Scopes a token claims beyond what the registry allows its system are dropped, not granted: those cases
 * answer 200 for the agency, and the write that needs the scope is refused (FORBIDDEN, one DENIED entry).
 */
let hub: TestHub;
/** The key XY-PSB registered for its own `case-system` (agency-signed tokens), and XX-PSB's for its own. */
let psbKey: KeyLike;
let xxPsbKey: KeyLike;
/** A real session cookie of a person of XY-COURT, for the variations on it. */
let session: string;
let sessionHash: string;
let endedSession: string;

const TABLES = ["collaboration_records", "idempotency_keys", "agencies", "person_sessions"] as const;

beforeAll(async () => {
  hub = await startTestHub({ transport: "http" });
  const register = async (as: string, kid: string) => {
    const { privateKey, publicKey } = await generateKeyPair("ES256");
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" }] });
    const res = await hub.graphql(`mutation($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { clientSystem { name } } }`, {
      as,
      scopes: ["clients:manage"],
      variables: { input: { idempotencyKey: `hostile-auth-${as}`, name: "case-system", jwks } },
    });
    if (res.body.errors) throw new Error(`registering ${as}'s keys failed: ${JSON.stringify(res.body.errors)}`);
    return privateKey;
  };
  psbKey = await register("XY-PSB", "xy-psb-1");
  xxPsbKey = await register("XX-PSB", "xx-psb-1");
  // A disabled agency (新乡市公安局's default system stays) and a disabled system of an active agency.
  await hub.db.dataSource.query(`UPDATE agencies SET status = 'DISABLED' WHERE code = 'GS-PSB'`);
  await hub.db.dataSource.query(
    `UPDATE client_systems SET status = 'DISABLED' WHERE name = 'case-system' AND agency_id = (SELECT id FROM agencies WHERE code = 'XX-PSB')`,
  );
  const [court] = (await hub.db.dataSource.query(
    `SELECT a.id AS agency, c.id AS client FROM agencies a JOIN client_systems c ON c.agency_id = a.id WHERE a.code = 'XY-COURT' AND c.name = 'default'`,
  )) as Array<{ agency: string; client: string }>;
  const sessions = hub.hub.credentials.sessions;
  const person = { agencyId: court.agency, clientSystemId: court.client, subject: "judge-1", person: "法官甲", scopes: [] };
  session = (await sessions.start(person)).token;
  [{ hash: sessionHash }] = (await hub.db.dataSource.query(`SELECT token_hash AS hash FROM person_sessions WHERE subject = 'judge-1'`)) as Array<{ hash: string }>;
  endedSession = (await sessions.start({ ...person, subject: "judge-2" })).token;
  await sessions.end(endedSession);
}, 60_000);
afterAll(() => hub?.stop());

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** The claims of a good hub token for XY-COURT's default system; a case overrides some. */
const claims = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  iss: hub.config.jwt.issuer,
  aud: hub.config.jwt.audience,
  sub: "XY-COURT/default",
  iat: now(),
  exp: now() + 600,
  jti: `hostile-${Math.random()}`,
  ...over,
});

/** A compact JWS signed with ES256 by `key` over exactly this header and payload (nothing checked or added). */
function es256(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyLike = hub.hub.signingKey.privateKey): string {
  const input = `${b64(header)}.${b64(payload)}`;
  const signature = cryptoSign("sha256", Buffer.from(input), { key: key as KeyObject, dsaEncoding: "ieee-p1363" });
  return `${input}.${signature.toString("base64url")}`;
}
const hubHeader = (over: Record<string, unknown> = {}) => ({ alg: "ES256", typ: "JWT", kid: hub.hub.signingKey.kid, ...over });
const hubSigned = (over: Record<string, unknown> = {}, header: Record<string, unknown> = {}) => es256(hubHeader(header), claims(over));

function hmac(secret: Uint8Array, payload = claims()): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: "HS256", typ: "JWT", kid: hub.hub.signingKey.kid }).sign(secret);
}

let serial = 0;
/** The write every case attempts: any agency may open a collaboration; the public may not. */
const WRITE = () => ({
  query: `mutation($input: OpenCollaborationInput!) { openCollaboration(input: $input) { replayed record { id } } }`,
  variables: { input: { idempotencyKey: `hostile-auth-${serial++}`, kind: "CONSULTATION", title: "鉴定咨询", participantAgencyCodes: ["XY-AMR"] } },
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/**
 * POSTs the write with these header lines, through node:http so that a header may be sent twice (fetch would
 * join the values into one line) and a line may be longer than a client library allows.
 */
function post(headers: Array<[string, string]>): Promise<Answer> {
  const body = JSON.stringify(WRITE());
  const grouped = new Map<string, string[]>();
  for (const [name, value] of [["content-type", "application/json"], ["content-length", String(Buffer.byteLength(body))], ...headers] as Array<[string, string]>) {
    grouped.set(name, [...(grouped.get(name) ?? []), value]);
  }
  const url = new URL(`${hub.url}/graphql`);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: kept as text
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
      });
    });
    req.on("error", reject);
    for (const [name, values] of grouped) req.setHeader(name, values.length === 1 ? values[0] : values);
    req.end(body);
  });
}

const bearer = (token: string): Array<[string, string]> => [["authorization", `Bearer ${token}`]];
const cookie = (value: string, extra: Array<[string, string]> = []): Array<[string, string]> => [["cookie", `${hub.hub.credentials.cookies.session}=${value}`], ...extra];

interface RefusedCase {
  name: string;
  headers: () => Promise<Array<[string, string]>> | Array<[string, string]>;
  /** 401 by default; a header line over the HTTP server's limit never reaches the hub (431). */
  status?: number;
}

const REFUSED: RefusedCase[] = [
  // --- the algorithm ---
  { name: "alg none, no signature", headers: () => [["authorization", `Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64(claims())}.`]] },
  {
    name: "alg none with a real token's signature pasted on",
    headers: async () => [["authorization", `Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64(claims())}.${(await hub.token("XY-COURT")).split(".")[2]}`]],
  },
  { name: "alg NONE in capitals", headers: () => [["authorization", `Bearer ${b64({ alg: "NONE" })}.${b64(claims())}.`]] },
  { name: "HS256 with the hub's public JWK as the HMAC secret", headers: async () => bearer(await hmac(new TextEncoder().encode(JSON.stringify(hub.hub.signingKey.publicJwk)))) },
  { name: "HS256 with the hub's public key PEM as the HMAC secret", headers: async () => bearer(await hmac(new TextEncoder().encode(await exportSPKI(hub.hub.signingKey.publicKey)))) },
  {
    name: "RS256 signed by a key of the caller's own, with the hub's kid",
    headers: () => {
      const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      const input = `${b64({ alg: "RS256", typ: "JWT", kid: hub.hub.signingKey.kid })}.${b64(claims())}`;
      return bearer(`${input}.${createSign("RSA-SHA256").update(input).sign(privateKey).toString("base64url")}`);
    },
  },
  {
    name: "ES384 (another curve and hash)",
    headers: async () => {
      const { privateKey } = await generateKeyPair("ES384");
      return bearer(await new SignJWT(claims()).setProtectedHeader({ alg: "ES384", kid: hub.hub.signingKey.kid }).sign(privateKey));
    },
  },
  { name: "a hub-signed token with crit naming an extension the hub does not know", headers: () => bearer(hubSigned({}, { crit: ["x-hub-ext"], "x-hub-ext": true })) },
  { name: "a hub-signed token with crit naming exp", headers: () => bearer(hubSigned({}, { crit: ["exp"] })) },
  { name: "a hub-signed token with b64: false (unencoded payload)", headers: () => bearer(hubSigned({}, { b64: false, crit: ["b64"] })) },
  // --- the claims ---
  { name: "a wrong aud", headers: () => bearer(hubSigned({ aud: "another-hub" })) },
  { name: "aud as a list without the hub", headers: () => bearer(hubSigned({ aud: ["another-hub", "a-third"] })) },
  { name: "no aud", headers: () => bearer(hubSigned({ aud: undefined })) },
  { name: "a wrong iss", headers: () => bearer(hubSigned({ iss: "https://idp.example" })) },
  { name: "iss naming the agency on a hub-signed token (the agency has no keys)", headers: () => bearer(hubSigned({ iss: "XY-COURT" })) },
  { name: "expired (beyond the clock tolerance)", headers: () => bearer(hubSigned({ iat: now() - 3600, exp: now() - 120 })) },
  { name: "no exp", headers: () => bearer(hubSigned({ exp: undefined })) },
  { name: "exp as a string", headers: () => bearer(hubSigned({ exp: String(now() + 600) })) },
  { name: "iat in the future (beyond the clock tolerance)", headers: () => bearer(hubSigned({ iat: now() + 600, exp: now() + 1200 })) },
  { name: "no iat", headers: () => bearer(hubSigned({ iat: undefined })) },
  { name: "nbf in the future", headers: () => bearer(hubSigned({ nbf: now() + 600 })) },
  { name: "a lifetime over HUB_JWT_MAX_LIFETIME (48 h)", headers: () => bearer(hubSigned({ exp: now() + 48 * 3600 })) },
  { name: "a lifetime of 100 years", headers: () => bearer(hubSigned({ exp: now() + 100 * 365 * 86400 })) },
  { name: "a token whose payload was changed after signing (sub → HA-AMR)", headers: () => {
    const [header, , signature] = hubSigned().split(".");
    return bearer(`${header}.${b64(claims({ sub: "HA-AMR/default" }))}.${signature}`);
  } },
  // --- the subject ---
  { name: "sub of an unknown agency", headers: () => bearer(hubSigned({ sub: "ZZ-NOBODY/default" })) },
  { name: "sub of a disabled agency (GS-PSB)", headers: () => bearer(hubSigned({ sub: "GS-PSB/default" })) },
  { name: "sub of a disabled client system (XX-PSB/case-system)", headers: () => bearer(hubSigned({ sub: "XX-PSB/case-system" })) },
  { name: "sub of an unknown client system", headers: () => bearer(hubSigned({ sub: "XY-COURT/nobody" })) },
  { name: "sub XY-COURT/../HA-AMR", headers: () => bearer(hubSigned({ sub: "XY-COURT/../HA-AMR" })) },
  { name: "sub XY-COURT/default/extra", headers: () => bearer(hubSigned({ sub: "XY-COURT/default/extra" })) },
  { name: "sub ../HA-AMR/default", headers: () => bearer(hubSigned({ sub: "../HA-AMR/default" })) },
  { name: "sub HA-AMR alone (no client system)", headers: () => bearer(hubSigned({ sub: "HA-AMR" })) },
  { name: "sub in lower case (xy-court/default)", headers: () => bearer(hubSigned({ sub: "xy-court/default" })) },
  { name: "sub with a trailing line feed", headers: () => bearer(hubSigned({ sub: "XY-COURT/default\n" })) },
  { name: "sub percent-encoded (XY-COURT%2Fdefault)", headers: () => bearer(hubSigned({ sub: "XY-COURT%2Fdefault" })) },
  { name: "sub with SQL in it", headers: () => bearer(hubSigned({ sub: "XY-COURT/default' OR '1'='1" })) },
  { name: "sub as a list", headers: () => bearer(hubSigned({ sub: ["HA-AMR/default", "XY-COURT/default"] })) },
  // --- the key ---
  { name: "kid naming the hub's key, signed by another key", headers: async () => bearer(es256(hubHeader(), claims(), (await generateKeyPair("ES256")).privateKey)) },
  { name: "kid pointing at a URL, signed by the caller's key", headers: async () => bearer(es256(hubHeader({ kid: "https://attacker.example/jwks.json" }), claims(), (await generateKeyPair("ES256")).privateKey)) },
  { name: "kid with path traversal, signed by the caller's key", headers: async () => bearer(es256(hubHeader({ kid: "../../keys/hub-signing-key.jwk.json" }), claims(), (await generateKeyPair("ES256")).privateKey)) },
  {
    name: "the caller's public key embedded in the header (jwk), signed with it",
    headers: async () => {
      const { privateKey, publicKey } = await generateKeyPair("ES256");
      return bearer(es256(hubHeader({ kid: undefined, jwk: await exportJWK(publicKey) }), claims(), privateKey));
    },
  },
  { name: "jku pointing at the caller's key set, signed by the caller's key", headers: async () => bearer(es256(hubHeader({ jku: "https://attacker.example/jwks.json" }), claims(), (await generateKeyPair("ES256")).privateKey)) },
  // --- another agency's key ---
  { name: "XY-PSB's registered key signing for XY-COURT (iss and sub XY-COURT)", headers: () => bearer(es256({ alg: "ES256", kid: "xy-psb-1" }, claims({ iss: "XY-COURT" }), psbKey)) },
  { name: "XY-PSB's registered key signing as the hub (iss the hub's)", headers: () => bearer(es256({ alg: "ES256", kid: "xy-psb-1" }, claims({ sub: "XY-PSB/case-system" }), psbKey)) },
  { name: "XY-PSB's registered key, iss XY-PSB, sub XY-COURT/default", headers: () => bearer(es256({ alg: "ES256", kid: "xy-psb-1" }, claims({ iss: "XY-PSB" }), psbKey)) },
  { name: "XY-PSB's registered key signing for HA-AMR/default", headers: () => bearer(es256({ alg: "ES256", kid: "xy-psb-1" }, claims({ iss: "HA-AMR", sub: "HA-AMR/default" }), psbKey)) },
  { name: "XX-PSB's key (its system disabled) signing for XY-PSB/case-system with XY-PSB's kid", headers: () => bearer(es256({ alg: "ES256", kid: "xy-psb-1" }, claims({ iss: "XY-PSB", sub: "XY-PSB/case-system" }), xxPsbKey)) },
  // --- the header itself ---
  { name: "Authorization: Basic", headers: () => [["authorization", `Basic ${Buffer.from("XY-COURT:default").toString("base64")}`]] },
  { name: "a token without the Bearer scheme", headers: async () => [["authorization", await hub.token("XY-COURT")]] },
  { name: "Bearer with two spaces", headers: async () => [["authorization", `Bearer  x${await hub.token("XY-COURT")}`]] },
  { name: "an empty bearer", headers: () => [["authorization", "Bearer "]] },
  { name: "the word Bearer alone", headers: () => [["authorization", "Bearer"]] },
  { name: "an empty Authorization header", headers: () => [["authorization", ""]] },
  { name: "two tokens in one header", headers: async () => [["authorization", `Bearer ${await hub.token("XY-COURT")}, Bearer ${await hub.token("HA-AMR")}`]] },
  { name: "two Authorization headers, a valid token first", headers: async () => [["authorization", `Bearer ${await hub.token("XY-COURT")}`], ["authorization", "Bearer forged.forged.forged"]] },
  { name: "two Authorization headers, a valid token second", headers: async () => [["authorization", "Bearer forged.forged.forged"], ["authorization", `Bearer ${await hub.token("XY-COURT")}`]] },
  { name: "two Authorization headers, both valid, for two agencies", headers: async () => [["authorization", `Bearer ${await hub.token("XY-COURT")}`], ["authorization", `Bearer ${await hub.token("HA-AMR")}`]] },
  { name: "a two-part token", headers: () => [["authorization", `Bearer ${b64({ alg: "ES256" })}.${b64(claims())}`]] },
  { name: "a JSON-serialized JWS", headers: () => [["authorization", `Bearer ${JSON.stringify({ protected: b64({ alg: "ES256" }), payload: b64(claims()), signature: "x" })}`]] },
  { name: "a 12 KB token signed by the caller's key (within the header limit)", headers: async () => bearer(es256(hubHeader(), claims({ pad: "x".repeat(9_000) }), (await generateKeyPair("ES256")).privateKey)) },
  { name: "12 KB of token-shaped junk", headers: () => [["authorization", `Bearer ${"a".repeat(6_000)}.${"b".repeat(6_000)}.c`]] },
  { name: "a 20 KB token (over the HTTP server's header limit)", headers: () => bearer(hubSigned({ pad: "x".repeat(15_000) })), status: 431 },
  // --- the session cookie of people's sign-in ---
  { name: "a random session cookie", headers: () => cookie("Tm90QVNlc3Npb25Ub2tlbkF0QWxsMTIzNDU2Nzg5MGFi") },
  { name: "the session token with its last character changed", headers: () => cookie(`${session.slice(0, -1)}${session.endsWith("A") ? "B" : "A"}`) },
  { name: "the session's stored hash as the cookie (a copy of the database)", headers: () => cookie(sessionHash) },
  { name: "a signed-out session's cookie", headers: () => cookie(endedSession) },
  { name: "a hub token as the session cookie", headers: async () => cookie(await hub.token("XY-COURT")) },
  { name: "a session cookie with SQL in it", headers: () => cookie("x' OR '1'='1") },
  { name: "a valid session cookie sent by another site's page", headers: () => cookie(session, [["origin", "https://attacker.example"]]) },
  { name: "a valid session cookie with a malformed Origin", headers: () => cookie(session, [["origin", "null"]]) },
];

describe("bad credentials: 401 UNAUTHENTICATED, no data, nothing written, never the public", () => {
  it("reaches the hub: the write succeeds with a good token and a good session cookie (control)", async () => {
    for (const headers of [bearer(await hub.token("XY-COURT")), cookie(session)]) {
      const before = await ledger(hub, TABLES);
      const res = await post(headers);
      expect([res.status, res.body.errors]).toEqual([200, undefined]);
      expect((await changesSince(hub, before)).rows).toMatchObject({ collaboration_records: 1, idempotency_keys: 1 });
    }
    const anonymous = await post([]);
    expect(anonymous.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it.each(REFUSED.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const before = await ledger(hub, TABLES);
    const res = await post(await c.headers());
    const status = c.status ?? 401;
    expect(res.status).toBe(status);
    if (status === 401) {
      expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: "UNAUTHENTICATED" } }] });
      expect(res.headers["www-authenticate"]).toContain("Bearer");
      expect(leaks(res.body)).toEqual([]);
    }
    // Nothing written, and no audit entry: the request never reached GraphQL (a fall-back to the public would leave a DENIED one).
    expect(await changesSince(hub, before)).toEqual({ rows: unchanged(TABLES), audit: [] });
  });
});

describe("scopes the registry does not allow the system are dropped, not granted", () => {
  const ME = `{ me { anonymous scopes agency { code } } }`;
  const REGISTER_AGENCY = `mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { agency { code } } }`;
  const cases: Array<{ name: string; token: () => Promise<string> | string; agency: string; scopes: string[] }> = [
    { name: "a court claiming registry:admin, pii:read and graph:compose", token: () => hub.token("XY-COURT", { scopes: ["registry:admin", "pii:read", "graph:compose"] }), agency: "XY-COURT", scopes: [] },
    { name: "a city bureau claiming registry:admin beside pii:read", token: () => hub.token("XY-AMR", { scopes: ["registry:admin", "pii:read"] }), agency: "XY-AMR", scopes: ["pii:read"] },
    { name: "an institution's own system claiming registry:admin", token: () => hub.token("XY-ZYJD", { scopes: ["registry:admin"] }), agency: "XY-ZYJD", scopes: [] },
    { name: "registry:admin hidden in a tab-joined scope string", token: () => hubSigned({ sub: "XY-AMR/default", scope: "pii:read\tregistry:admin" }), agency: "XY-AMR", scopes: [] },
    { name: "scope as a list instead of a string", token: () => hubSigned({ sub: "XY-AMR/default", scope: ["registry:admin"] }), agency: "XY-AMR", scopes: [] },
    { name: "scp and scopes claims beside scope", token: () => hubSigned({ sub: "XY-AMR/default", scp: ["registry:admin"], scopes: "registry:admin" }), agency: "XY-AMR", scopes: [] },
    {
      name: "an agency-signed token claiming scopes its system was registered without",
      token: () => es256({ alg: "ES256", kid: "xy-psb-1" }, claims({ iss: "XY-PSB", sub: "XY-PSB/case-system", scope: "registry:admin clients:manage pii:read" }), psbKey),
      agency: "XY-PSB",
      scopes: [],
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const token = await c.token();
    const me = await hub.graphql(ME, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(me.body.data.me).toEqual({ anonymous: false, scopes: c.scopes, agency: { code: c.agency } });

    // The write registry:admin would allow is refused as for any agency without it, and audited as DENIED.
    const before = await ledger(hub, TABLES);
    const res = await hub.graphql(REGISTER_AGENCY, {
      headers: { authorization: `Bearer ${token}` },
      variables: { input: { idempotencyKey: `hostile-scope-${serial++}`, code: `ZZ-S${serial}`, name: "郑州市测试法院", kind: "COURT", regionCode: "410100" } },
    });
    expect(res.status).toBe(200);
    expect(res.body.errors?.map((e) => [e.path, e.extensions.code])).toEqual([[["registerAgency"], "FORBIDDEN"]]);
    expect(res.body.data?.registerAgency ?? null).toBeNull();
    expect(await changesSince(hub, before)).toEqual({ rows: unchanged(TABLES), audit: [refusal("registerAgency", "FORBIDDEN")] });
  });
});
