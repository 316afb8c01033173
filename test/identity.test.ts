import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { startTestHub, TestHub } from "./support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ transport: "http" });
});
afterAll(() => hub.stop());

const ME = "{ me { anonymous clientSystem scopes agency { code name kind regionCode } } }";

function raw(authorization: string) {
  return hub.graphql(ME, { headers: { authorization } });
}

describe("identity", () => {
  it("shows the registry's agency for a hub token: XY-COURT is 信阳市中级人民法院", async () => {
    const res = await hub.graphql(ME, { as: "XY-COURT" });
    expect(res.status).toBe(200);
    expect(res.body.data.me).toEqual({
      anonymous: false,
      clientSystem: "default",
      scopes: [],
      agency: { code: "XY-COURT", name: "信阳市中级人民法院", kind: "COURT", regionCode: "411500" },
    });
  });

  it("treats a request without Authorization as the anonymous public", async () => {
    const res = await hub.graphql(ME);
    expect(res.body.data.me).toEqual({ anonymous: true, clientSystem: null, scopes: [], agency: null });
  });

  const now = () => Math.floor(Date.now() / 1000);

  const badTokens: Array<[string, () => Promise<string>]> = [
    ["a malformed token", async () => "Bearer not-a-jwt"],
    ["a header without the Bearer scheme", async () => `Token ${await hub.token("XY-COURT")}`],
    [
      "alg: none",
      async () => {
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
        return `Bearer ${enc({ alg: "none", typ: "JWT" })}.${enc({ iss: hub.config.jwt.issuer, aud: hub.config.jwt.audience, sub: "XY-COURT/default", iat: now(), exp: now() + 600 })}.`;
      },
    ],
    [
      "a wrong signature",
      async () => {
        const { privateKey } = await generateKeyPair("ES256");
        const forged = await new SignJWT({}).setProtectedHeader({ alg: "ES256" }).setIssuer(hub.config.jwt.issuer).setAudience(hub.config.jwt.audience).setSubject("XY-COURT/default").setIssuedAt().setExpirationTime("10m").sign(privateKey);
        return `Bearer ${forged}`;
      },
    ],
    ["an expired token", async () => `Bearer ${await hub.token("XY-COURT", { lifetimeSeconds: 60, now: new Date(Date.now() - 3600_000) })}`],
    ["an unknown agency", async () => `Bearer ${await hub.token("NO-SUCH-AGENCY")}`],
    ["an unknown client system", async () => `Bearer ${await hub.token("XY-COURT", { client: "nobody" })}`],
    [
      "a token issued in the future",
      async () => `Bearer ${await hub.token("XY-COURT", { now: new Date(Date.now() + 3600_000) })}`,
    ],
    ["a lifetime beyond the hub's maximum", async () => `Bearer ${await hub.token("XY-COURT", { lifetimeSeconds: 48 * 3600 })}`],
    [
      "an HS256 token (algorithm confusion)",
      async () => {
        const secret = new TextEncoder().encode("x".repeat(32));
        const t = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setIssuer(hub.config.jwt.issuer).setAudience(hub.config.jwt.audience).setSubject("XY-COURT/default").setIssuedAt().setExpirationTime("10m").sign(secret);
        return `Bearer ${t}`;
      },
    ],
    [
      "a wrong audience",
      async () => {
        const t = await new SignJWT({}).setProtectedHeader({ alg: "ES256" }).setIssuer(hub.config.jwt.issuer).setAudience("someone-else").setSubject("XY-COURT/default").setIssuedAt().setExpirationTime("10m").sign(hub.hub.signingKey.privateKey);
        return `Bearer ${t}`;
      },
    ],
  ];

  it.each(badTokens)("answers 401 UNAUTHENTICATED for %s, never anonymous", async (_label, make) => {
    const res = await raw(await make());
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([{ message: expect.any(String), extensions: { code: "UNAUTHENTICATED" } }]);
  });

  it("refuses tokens of a disabled agency and of a disabled client system", async () => {
    const token = await hub.token("XX-PSB");
    expect((await raw(`Bearer ${token}`)).status).toBe(200);
    // Written past the hub (as another instance or `hub agency` would), then the kept registry rows dropped
    // as a registry write on this instance drops them.
    await hub.db.dataSource.query(`UPDATE agencies SET status = 'DISABLED' WHERE code = 'XX-PSB'`);
    hub.hub.registry.clear();
    expect((await raw(`Bearer ${token}`)).status).toBe(401);
    await hub.db.dataSource.query(`UPDATE agencies SET status = 'ACTIVE' WHERE code = 'XX-PSB'`);
    await hub.db.dataSource.query(`UPDATE client_systems SET status = 'DISABLED' WHERE name = 'default' AND agency_id = (SELECT id FROM agencies WHERE code = 'XX-PSB')`);
    hub.hub.registry.clear();
    expect((await raw(`Bearer ${token}`)).status).toBe(401);
  });

  it("reads the registry once per client system and interval: a disable elsewhere takes effect within HUB_REGISTRY_CACHE_MS, one made here at once", async () => {
    const quick = await startTestHub({ env: { HUB_REGISTRY_CACHE_MS: "400" } });
    try {
      const ask = async (agency: string) => (await fetch(`${quick.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${await quick.token(agency)}` }, body: JSON.stringify({ query: "{ me { agency { code } } }" }) })).status;
      expect(await ask("XY-PROC")).toBe(200);
      // Disabled by another instance: this one answers from the row it keeps, then reads it again.
      await quick.db.dataSource.query(`UPDATE agencies SET status = 'DISABLED' WHERE code = 'XY-PROC'`);
      expect(await ask("XY-PROC")).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect(await ask("XY-PROC")).toBe(401);
      // Disabled through this hub: the very next request is refused.
      expect(await ask("GS-PSB")).toBe(200);
      const psb = (await quick.db.dataSource.query(`SELECT version FROM agencies WHERE code = 'GS-PSB'`))[0];
      const disabled = await quick.graphql(`mutation($v: Int!) { disableAgency(code: "GS-PSB", expectedVersion: $v, reason: "测试") { status } }`, { as: "HA-AMR", scopes: ["registry:admin"], variables: { v: psb.version } });
      expect(disabled.body.errors).toBeUndefined();
      expect(await ask("GS-PSB")).toBe(401);
    } finally {
      await quick.stop();
    }
  });

  it("takes kind and region from the registry, never from token claims", async () => {
    const t = await new SignJWT({ kind: "MARKET_REGULATION", region: "100000", agency: "CNIPA" })
      .setProtectedHeader({ alg: "ES256" })
      .setIssuer(hub.config.jwt.issuer)
      .setAudience(hub.config.jwt.audience)
      .setSubject("GS-PSB/default")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(hub.hub.signingKey.privateKey);
    const res = await raw(`Bearer ${t}`);
    expect(res.body.data.me.agency).toEqual({ code: "GS-PSB", name: "固始县公安局", kind: "POLICE", regionCode: "411525" });
  });

  it("grants only the scopes the registry allows the client system", async () => {
    const court = await hub.graphql(ME, { as: "XY-COURT", scopes: ["pii:read", "clients:manage"] });
    expect(court.body.data.me.scopes).toEqual(["clients:manage"]);
    const bureau = await hub.graphql(ME, { as: "XY-AMR", scopes: ["pii:read"] });
    expect(bureau.body.data.me.scopes).toEqual(["pii:read"]);
  });

  it("accepts tokens an agency signs itself with a key it registered for its client system, and no others", async () => {
    const { privateKey, publicKey } = await generateKeyPair("ES256");
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "psb-2026" }] });
    const register = await hub.graphql(
      `mutation($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { clientSystem { id name registeredKeyIds } } }`,
      { as: "XY-PSB", scopes: ["clients:manage"], variables: { input: { idempotencyKey: "reg-case-system", name: "case-system", jwks } } },
    );
    expect(register.body.errors).toBeUndefined();
    expect(register.body.data.registerClientSystem.clientSystem.registeredKeyIds).toEqual(["psb-2026"]);

    const sign = (key: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"], iss: string) =>
      new SignJWT({}).setProtectedHeader({ alg: "ES256", kid: "psb-2026" }).setIssuer(iss).setAudience(hub.config.jwt.audience).setSubject("XY-PSB/case-system").setIssuedAt().setExpirationTime("5m").sign(key);
    const own = await raw(`Bearer ${await sign(privateKey, "XY-PSB")}`);
    expect(own.status).toBe(200);
    expect(own.body.data.me).toMatchObject({ anonymous: false, clientSystem: "case-system", agency: { code: "XY-PSB" } });

    const other = await generateKeyPair("ES256");
    expect((await raw(`Bearer ${await sign(other.privateKey, "XY-PSB")}`)).status).toBe(401);
    // Another agency's issuer with this key is refused too: the issuer must be the token's own agency.
    expect((await raw(`Bearer ${await sign(privateKey, "XX-PSB")}`)).status).toBe(401);
  });

  it("echoes X-Request-Id, and makes one when it is absent", async () => {
    const given = await hub.graphql(ME, { headers: { "x-request-id": "court-req-42" } });
    expect(given.headers.get("x-request-id")).toBe("court-req-42");
    const made = await hub.graphql(ME);
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
