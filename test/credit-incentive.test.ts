import { startTestHub, TestHub } from "./support/test-hub";
import { creditCodeFor, registerInstitution } from "./support/directory";
import { graphql } from "./gql";
import type { RecordCreditIncentiveInput } from "./gql/graphql";

/** Positive records (守信激励): recorded by the bureau covering the subject, published in their window, revocable. */
let clock = new Date("2026-05-20T02:00:00Z");
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
});
afterAll(() => hub.stop());

const RECORD = graphql(`mutation IncentiveRecord($input: RecordCreditIncentiveInput!) {
  recordCreditIncentive(input: $input) { replayed incentive { id kind status decidedOn publishFrom publishUntil measures version subjectType subjectName } }
}`);
const REVOKE = graphql(`mutation IncentiveRevoke($id: ID!, $v: Int!) { revokeCreditIncentive(id: $id, expectedVersion: $v, reason: "表彰依据被撤销") { status version } }`);
const ONE = graphql(`query IncentiveOne($id: ID!) { creditIncentive(id: $id) { id status } }`);
const ON_INSTITUTION = graphql(`query IncentiveOnInstitution($c: CreditCode!) { institution(creditCode: $c) { creditIncentives { kind } creditRecords { id } } }`);

let n = 0;
async function listedInstitution() {
  n++;
  const code = creditCodeFor("411502", 80_000 + n);
  const created = (await registerInstitution(hub, "XY-AMR", { name: `守信测试机构${n}`, creditCode: code, regionCode: "411502" })).body.data!.registerInstitution!.institution;
  // Listed, so the public can see it (the listing rules have their own tests).
  await hub.db.dataSource.query(`UPDATE institutions SET listing_status = 'LISTED', listed_since = '2026-05-01' WHERE id = $1`, [created.id]);
  return code;
}
const input = (code: string, extra: Partial<RecordCreditIncentiveInput> = {}): RecordCreditIncentiveInput => ({
  idempotencyKey: `incentive-${++n}`,
  subjectCreditCode: code,
  kind: "COMMENDATION",
  decisionDocNo: "信市监〔2026〕表彰1号",
  basis: "年度鉴定质量评查优秀",
  measures: ["优先推荐承接鉴定业务"],
  ...extra,
});

describe("positive credit records", () => {
  it("records a commendation published for 36 months from its decision, shown beside (never among) the determinations", async () => {
    const code = await listedInstitution();
    const res = await hub.graphql(RECORD, { as: "XY-AMR", variables: { input: input(code, { decidedOn: "2026-05-10" }) } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.recordCreditIncentive!).toMatchObject({
      replayed: false,
      incentive: { kind: "COMMENDATION", status: "ACTIVE", decidedOn: "2026-05-10", publishFrom: "2026-05-10", publishUntil: "2029-05-10", subjectType: "INSTITUTION", subjectName: `守信测试机构${n - 1}` },
    });
    // The public sees it on the institution; the institution's credit records (faults) stay empty, its grade unchanged.
    expect((await hub.data(ON_INSTITUTION, { variables: { c: code } })).institution).toEqual({ creditIncentives: [{ kind: "COMMENDATION" }], creditRecords: [] });
    // The grade measures fault: praise leaves it as it was (none yet).
    expect((await hub.db.dataSource.query(`SELECT credit_grade FROM institutions WHERE credit_code = $1`, [code]))[0].credit_grade).toBeNull();
    await hub.hub.deps.trail.flush();
    const audit = await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE operation = 'recordCreditIncentive' AND entity_id = $1 AND outcome = 'SUCCESS'`, [res.body.data!.recordCreditIncentive!.incentive.id]);
    expect(audit[0].n).toBe(1);
  });

  it("is recorded only by the bureau covering the subject, replays a retry, and refuses a second running one of the kind", async () => {
    const code = await listedInstitution();
    const first = input(code, { kind: "RED_LIST" });
    for (const outsider of ["XX-AMR", "XY-COURT", "XY-IPAA"]) {
      expect((await hub.graphql(RECORD, { as: outsider, variables: { input: first } })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    }
    const created = (await hub.data(RECORD, { as: "XY-AMR", variables: { input: first } })).recordCreditIncentive!;
    expect((await hub.data(RECORD, { as: "XY-AMR", variables: { input: first } })).recordCreditIncentive).toEqual({ ...created, replayed: true });
    const second = await hub.graphql(RECORD, { as: "HA-AMR", variables: { input: input(code, { kind: "RED_LIST" }) } });
    expect(second.body.errors?.[0].extensions).toEqual({ code: "CONFLICT", field: "input.kind" });
    // Another kind is another record.
    expect((await hub.graphql(RECORD, { as: "HA-AMR", variables: { input: input(code, { kind: "CREDIT_COMMITMENT_KEPT" }) } })).body.errors).toBeUndefined();
  });

  it("refuses a window past its maximum and a decision in the future, writing nothing", async () => {
    const code = await listedInstitution();
    const tooLong = await hub.graphql(RECORD, { as: "XY-AMR", variables: { input: input(code, { decidedOn: "2026-05-10", publishUntil: "2029-05-11" }) } });
    expect(tooLong.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.publishUntil" });
    expect((await hub.graphql(RECORD, { as: "XY-AMR", variables: { input: input(code, { decidedOn: "2026-05-21" }) } })).body.errors?.[0].extensions.field).toBe("input.decidedOn");
    expect((await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM credit_incentives WHERE subject_credit_code = $1`, [code]))[0].n).toBe(0);
  });

  it("stops being public when revoked or expired, and stays for the subject's supervisors", async () => {
    const code = await listedInstitution();
    const created = (await hub.data(RECORD, { as: "XY-AMR", variables: { input: input(code, { publishUntil: "2026-12-31" }) } })).recordCreditIncentive!.incentive;
    const seen = async (as?: string) => (await hub.data(ONE, { as, variables: { id: created.id } })).creditIncentive;
    expect(await seen()).toEqual({ id: created.id, status: "ACTIVE" });

    clock = new Date("2027-01-02T02:00:00Z");
    expect(await seen()).toBeNull();
    expect(await seen("XY-IPAA")).toEqual({ id: created.id, status: "EXPIRED" });
    clock = new Date("2026-05-20T02:00:00Z");

    // Another city's bureau sees it (published) but may not revoke it.
    expect((await hub.graphql(REVOKE, { as: "XX-AMR", variables: { id: created.id, v: created.version! } })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    const revoked = (await hub.data(REVOKE, { as: "XY-AMR", variables: { id: created.id, v: created.version! } })).revokeCreditIncentive!;
    expect(revoked.status).toBe("REVOKED");
    expect(await seen()).toBeNull();
    expect(await seen("XX-AMR")).toBeNull();
    expect(await seen("XY-AMR")).toEqual({ id: created.id, status: "REVOKED" });
    expect((await hub.graphql(REVOKE, { as: "XY-AMR", variables: { id: created.id, v: revoked.version! } })).body.errors?.[0].extensions.code).toBe("INVALID_STATE_TRANSITION");
    // Revoked, a subject can be commended again.
    expect((await hub.graphql(RECORD, { as: "XY-AMR", variables: { input: input(code) } })).body.errors).toBeUndefined();
  });

  it("lists them for everyone, published only, filtered by kind", async () => {
    const LIST = graphql(`query IncentiveList($kind: CreditIncentiveKind) { creditIncentives(filter: { kind: $kind }, first: 100) { edges { node { kind status subjectName } } } }`);
    const redList = (await hub.data(LIST, { variables: { kind: "RED_LIST" } })).creditIncentives!.edges.map((e) => e.node);
    expect(redList.length).toBeGreaterThan(0);
    expect(redList.every((i) => i.kind === "RED_LIST" && i.status === "ACTIVE")).toBe(true);
    // The demo's red list entry for 信阳中原 (decided a month before the demo was loaded, after this test's clock: not yet published).
    const forBureau = (await hub.data(LIST, { as: "XY-AMR", variables: { kind: "RED_LIST" } })).creditIncentives!.edges.map((e) => e.node.subjectName);
    expect(forBureau).toContain("信阳中原知识产权鉴定中心");
    const all = (await hub.data(LIST, { variables: {} })).creditIncentives!.edges.map((e) => e.node);
    expect(all.some((i) => i.status === "REVOKED")).toBe(false);
    const bureau = (await hub.data(LIST, { as: "XY-AMR", variables: {} })).creditIncentives!.edges.map((e) => e.node);
    expect(bureau.some((i) => i.status === "REVOKED")).toBe(true);
  });
});
