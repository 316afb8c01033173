import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { graphql } from "./gql";
import type { RegisterAgencyInput } from "./gql/graphql";
import { creditCodeFor } from "./support/directory";
import { startTestHub, TestHub } from "./support/test-hub";

/**
 * The agency registry through the real schema: registry administrators (province-level bureaus holding
 * `registry:admin`, CNIPA everywhere) register, edit, disable and enable the agencies of their jurisdiction;
 * a disabled agency's systems are refused from the next request on. Who may do it at all is the
 * authorization matrix's; this file is about what the commands do.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const ADMIN = { as: "HA-AMR", scopes: ["registry:admin"] };
const REGISTER = graphql(`mutation RegistryRegister($input: RegisterAgencyInput!) { registerAgency(input: $input) { replayed agency { id code name kind regionCode parentCode status version } } }`);
const UPDATE = graphql(`mutation RegistryUpdate($code: String!, $v: Int!, $input: UpdateAgencyInput!) { updateAgency(code: $code, expectedVersion: $v, input: $input) { code name regionCode parentCode version } }`);
const DISABLE = graphql(`mutation RegistryDisable($code: String!, $v: Int!, $reason: String!) { disableAgency(code: $code, expectedVersion: $v, reason: $reason) { code status statusReason version } }`);
const ENABLE = graphql(`mutation RegistryEnable($code: String!, $v: Int!) { enableAgency(code: $code, expectedVersion: $v) { code status version } }`);
const AUDIT = graphql(`query RegistryAudit { auditEvents(first: 50, filter: { entityType: "Agency" }) { edges { node { operation entityId fields agencyCode } } } }`);

const court = (extra: Partial<RegisterAgencyInput> = {}): RegisterAgencyInput => ({
  idempotencyKey: "zz-court",
  code: "ZZ-COURT",
  name: "郑州市中级人民法院",
  kind: "COURT",
  regionCode: "410100",
  parentCode: "HA-AMR",
  ...extra,
});

describe("registering an agency", () => {
  it("registers a court under the province, once per key, and audits it", async () => {
    const first = (await hub.data(REGISTER, { ...ADMIN, variables: { input: court() } })).registerAgency!;
    expect(first).toMatchObject({ replayed: false, agency: { code: "ZZ-COURT", kind: "COURT", regionCode: "410100", parentCode: "HA-AMR", status: "ACTIVE", version: 1 } });
    const again = (await hub.data(REGISTER, { ...ADMIN, variables: { input: court() } })).registerAgency!;
    expect(again).toMatchObject({ replayed: true, agency: { id: first.agency.id } });
    const otherInput = await hub.graphql(REGISTER, { ...ADMIN, variables: { input: court({ name: "另一个名称" }) } });
    expect(otherInput.body.errors?.[0].extensions.code).toBe("CONFLICT");
    const sameCode = await hub.graphql(REGISTER, { ...ADMIN, variables: { input: court({ idempotencyKey: "zz-court-2" }) } });
    expect(sameCode.body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.code" });
    await hub.hub.deps.trail.flush();
    const audit = (await hub.data(AUDIT, { as: "HA-AMR" })).auditEvents!.edges.map((e) => e.node);
    expect(audit.filter((e) => e.entityId === first.agency.id)).toEqual([
      { operation: "registerAgency", entityId: first.agency.id, fields: ["code", "name", "kind", "regionCode", "parentCode"], agencyCode: "HA-AMR" },
    ]);
  });

  it.each([
    ["a malformed code", { code: "zz court" }, "input.code"],
    ["an empty name", { name: "  " }, "input.name"],
    ["an unknown region", { regionCode: "419999" }, "input.regionCode"],
    ["an appraisal institution (made with its directory entry)", { kind: "APPRAISAL_INSTITUTION" as const }, "input.kind"],
    ["an unknown parent", { parentCode: "NO-SUCH" }, "input.parentCode"],
    ["a parent whose region does not cover the agency's", { parentCode: "XY-AMR" }, "input.parentCode"],
  ])("refuses %s with BAD_USER_INPUT and writes nothing", async (_what, change, field) => {
    const res = await hub.graphql(REGISTER, { ...ADMIN, variables: { input: court({ idempotencyKey: null, code: "ZZ-BAD", ...change }) } });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await hub.db.dataSource.query(`SELECT 1 FROM agencies WHERE code IN ('ZZ-BAD', 'zz court')`)).toEqual([]);
  });

  it("registers the other kinds the credit plan notifies, with the least access", async () => {
    const dept = (await hub.data(REGISTER, { ...ADMIN, variables: { input: court({ idempotencyKey: null, code: "HA-KJT", name: "河南省科学技术厅", kind: "OTHER_DEPARTMENT", regionCode: "410000", parentCode: null }) } })).registerAgency!;
    expect(dept.agency).toMatchObject({ kind: "OTHER_DEPARTMENT", parentCode: null });
  });
});

describe("editing, disabling and enabling", () => {
  it("edits the name and parent with the version, and answers CONFLICT for a stale one", async () => {
    await hub.data(REGISTER, { ...ADMIN, variables: { input: court({ idempotencyKey: null, code: "ZZ-PSB", name: "郑州市公安局", kind: "POLICE", parentCode: null }) } });
    const edited = (await hub.data(UPDATE, { ...ADMIN, variables: { code: "ZZ-PSB", v: 1, input: { name: "郑州市公安局经济犯罪侦查支队", parentCode: "HA-AMR" } } })).updateAgency!;
    expect(edited).toMatchObject({ name: "郑州市公安局经济犯罪侦查支队", parentCode: "HA-AMR", version: 2 });
    const stale = await hub.graphql(UPDATE, { ...ADMIN, variables: { code: "ZZ-PSB", v: 1, input: { name: "x" } } });
    expect(stale.body.errors?.[0].extensions.code).toBe("CONFLICT");
    const self = await hub.graphql(UPDATE, { ...ADMIN, variables: { code: "ZZ-PSB", v: 2, input: { parentCode: "ZZ-PSB" } } });
    expect(self.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.parentCode" });
  });

  it("refuses a disabled agency's systems at once, and lets them in again when enabled", async () => {
    // Over HTTP: a refused credential is the HTTP layer's 401.
    const asCourt = async () =>
      fetch(`${hub.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await hub.token("XY-COURT")}` },
        body: JSON.stringify({ query: "{ me { agency { code } } }" }),
      });
    expect((await asCourt()).status).toBe(200);
    const [{ version }] = await hub.db.dataSource.query(`SELECT version FROM agencies WHERE code = 'XY-COURT'`);
    const disabled = (await hub.data(DISABLE, { ...ADMIN, variables: { code: "XY-COURT", v: version, reason: "系统迁移，暂停接入" } })).disableAgency!;
    expect(disabled).toMatchObject({ status: "DISABLED", statusReason: "系统迁移，暂停接入", version: version + 1 });
    const refused = await asCourt();
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const twice = await hub.graphql(DISABLE, { ...ADMIN, variables: { code: "XY-COURT", v: version + 1, reason: "x" } });
    expect(twice.body.errors?.[0].extensions.code).toBe("INVALID_STATE_TRANSITION");
    const enabled = (await hub.data(ENABLE, { ...ADMIN, variables: { code: "XY-COURT", v: version + 1 } })).enableAgency!;
    expect(enabled).toMatchObject({ status: "ACTIVE", version: version + 2 });
    expect((await asCourt()).status).toBe(200);
  });

  it("needs a reason to disable, and never disables the administrator's own agency", async () => {
    const noReason = await hub.graphql(DISABLE, { ...ADMIN, variables: { code: "XY-PSB", v: 1, reason: " " } });
    expect(noReason.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    const own = await hub.graphql(DISABLE, { ...ADMIN, variables: { code: "HA-AMR", v: 1, reason: "x" } });
    expect(own.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });
});

describe("connecting an agency's own system", () => {
  const CLIENT = graphql(`mutation RegistryClient($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed clientSystem { name allowedScopes } } }`);

  it("lets the province bureau register a new court's system with its keys; the court then signs its own tokens", async () => {
    await hub.data(REGISTER, { ...ADMIN, variables: { input: court({ idempotencyKey: null, code: "ZZ-FY", name: "郑州市中级人民法院（知识产权庭）" }) } });
    const { publicKey, privateKey } = await generateKeyPair("ES256");
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "zz-fy-1" }] });
    const registered = (await hub.data(CLIENT, { as: "HA-AMR", scopes: ["registry:admin", "clients:manage"], variables: { input: { idempotencyKey: "zz-fy-case", agencyCode: "ZZ-FY", name: "case-system", jwks } } }))
      .registerClientSystem!;
    expect(registered).toMatchObject({ replayed: false, clientSystem: { name: "case-system", allowedScopes: [] } });
    // A city bureau is no registry administrator: the court's systems are not its to register.
    const byCity = await hub.graphql(CLIENT, { as: "XY-AMR", scopes: ["clients:manage"], variables: { input: { idempotencyKey: "zz-fy-x", agencyCode: "ZZ-FY", name: "other", jwks } } });
    expect(byCity.body.errors?.[0].extensions.code).toBe("FORBIDDEN");

    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: "zz-fy-1" })
      .setIssuer("ZZ-FY")
      .setSubject("ZZ-FY/case-system")
      .setAudience(hub.config.jwt.audience)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(privateKey);
    const credentials = await hub.graphql(`{ me { agency { code kind } } institution(creditCode: "91411500MA9F3K2L21") { name listingStatus technicalFields } }`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(credentials.body.errors).toBeUndefined();
    expect(credentials.body.data).toMatchObject({ me: { agency: { code: "ZZ-FY", kind: "COURT" } }, institution: { name: expect.any(String), technicalFields: expect.any(Array) } });
  });
});

describe("an institution's own agency", () => {
  const REGISTER_INSTITUTION = graphql(`mutation RegistryInstitution($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id name agencyCode } } }`);
  const input = (extra: Record<string, unknown> = {}) => ({
    idempotencyKey: "own-agency",
    name: "信阳新华知识产权鉴定所",
    creditCode: creditCodeFor("411502", 8801),
    regionCode: "411502",
    technicalFields: ["PATENT" as const],
    agencyCode: "XY-XHJD",
    ...extra,
  });

  it("is registered with the institution, with its default system, and linked both ways", async () => {
    const registered = (await hub.data(REGISTER_INSTITUTION, { as: "XY-AMR", variables: { input: input() } })).registerInstitution!;
    expect(registered.institution).toMatchObject({ name: "信阳新华知识产权鉴定所", agencyCode: "XY-XHJD" });
    const me = await hub.graphql(`{ me { agency { code kind regionCode parentCode institution { id name } } clientSystem } }`, { as: "XY-XHJD" });
    expect(me.body.data.me).toEqual({
      agency: { code: "XY-XHJD", kind: "APPRAISAL_INSTITUTION", regionCode: "411502", parentCode: "XY-AMR", institution: { id: registered.institution.id, name: "信阳新华知识产权鉴定所" } },
      clientSystem: "default",
    });
    // (Who reads the link is the authorization matrix's: the bureaus and associations covering the institution.)
    await hub.hub.deps.trail.flush();
    const audit = await hub.db.dataSource.query(`SELECT operation FROM audit_events WHERE request_id = (SELECT request_id FROM audit_events WHERE entity_id = $1 AND operation = 'registerInstitution') ORDER BY seq`, [registered.institution.id]);
    expect(audit.map((row: { operation: string }) => row.operation)).toEqual(["registerInstitution", "registerAgency", "registerClientSystem"]);
  });

  it("is registered later for an institution already in the directory, once", async () => {
    const [{ id }] = await hub.db.dataSource.query(`SELECT id FROM institutions WHERE credit_code = '52411500MJY123458K'`);
    const REGISTER_AGENCY = graphql(`mutation RegistryInstitutionAgency($id: ID!, $code: String!) { registerInstitutionAgency(institutionId: $id, agencyCode: $code) { institution { agencyCode } } }`);
    // 新乡's bureau does not see a suspended 信阳 institution at all.
    const outside = await hub.graphql(REGISTER_AGENCY, { as: "XX-AMR", variables: { id, code: "XY-LATEJD" } });
    expect(outside.body.errors?.[0].extensions.code).toBe("NOT_FOUND");
    const made = (await hub.data(REGISTER_AGENCY, { as: "XY-AMR", variables: { id, code: "XY-LATEJD" } })).registerInstitutionAgency!;
    expect(made.institution.agencyCode).toBe("XY-LATEJD");
    const again = await hub.graphql(REGISTER_AGENCY, { as: "XY-AMR", variables: { id, code: "XY-LATEJD2" } });
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "institutionId" });
    expect(await hub.db.dataSource.query(`SELECT code FROM agencies WHERE institution_id = $1`, [id])).toEqual([{ code: "XY-LATEJD" }]);
  });

  it("writes neither the institution nor the agency when the agency code is taken", async () => {
    const taken = await hub.graphql(REGISTER_INSTITUTION, { as: "XY-AMR", variables: { input: input({ idempotencyKey: null, creditCode: creditCodeFor("411502", 8802), agencyCode: "XY-COURT" }) } });
    expect(taken.body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.agencyCode" });
    expect(await hub.db.dataSource.query(`SELECT 1 FROM institutions WHERE credit_code = $1`, [creditCodeFor("411502", 8802)])).toEqual([]);
  });
});
