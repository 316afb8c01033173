import { startTestHub, TestHub } from "./support/test-hub";
import { creditCodeFor, idNumberFor, registerInstitution } from "./support/directory";
import { graphql } from "./gql";
import type { CreditSeverity, HandleComplaintInput, RecordCreditEventInput, RecordInspectionInput, SupervisionResult } from "./gql/graphql";

let clock = new Date("2026-01-15T02:00:00Z");
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
});
afterAll(() => hub.stop());

const RECORD = graphql(`mutation CreditRecordEvent($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { replayed record { id status subjectType behaviour severity version subjectName } } }`);
const REQUEST = graphql(`mutation CreditRequestRepair($id: ID!, $input: CreditRepairInput!) { requestCreditRepair(recordId: $id, input: $input) { status version } }`);
const DECIDE = graphql(`mutation CreditDecideRepair($id: ID!, $v: Int!, $approve: Boolean!) { decideCreditRepair(recordId: $id, expectedVersion: $v, approve: $approve, note: "整改到位") { status version } }`);
const one = async (sql: string, params: unknown[] = []) => (await hub.db.dataSource.query(sql, params))[0];

let n = 0;
async function freshInstitution(listed = false) {
  n++;
  const code = creditCodeFor("411502", 50_000 + n);
  const created = (await registerInstitution(hub, "XY-AMR", { name: `信用测试机构${n}`, creditCode: code, regionCode: "411502", technicalFields: ["PATENT"] })).body.data!.registerInstitution!.institution;
  if (listed) await hub.db.dataSource.query(`UPDATE institutions SET listing_status = 'LISTED', listed_since = '2025-01-01' WHERE id = $1`, [created.id]);
  return { id: created.id, code };
}
type RecordInput = Pick<RecordCreditEventInput, "idempotencyKey"> & Partial<RecordCreditEventInput>;
const recordInput = (input: RecordInput): RecordCreditEventInput => ({ severity: "GENERAL", decisionDocNo: "信市监信〔2026〕1号", basis: "事实与依据", behaviour: "OUT_OF_SCOPE", ...input });
const record = (as: string, input: RecordInput) => hub.graphql(RECORD, { as, variables: { input: recordInput(input) } });
/** The record written by a call that must succeed. */
const recorded = async (as: string, input: RecordInput) => (await hub.data(RECORD, { as, variables: { input: recordInput(input) } })).recordCreditEvent!.record;
const grade = async (id: string) => one(`SELECT credit_grade, credit_grade_why FROM institutions WHERE id = $1`, [id]);

describe("credit records", () => {
  it("turns a confirmed complaint into a record in one call, once", async () => {
    const complaint = await one(`SELECT id FROM case_feedback WHERE kind = 'COMPLAINT' AND violation_confirmed`);
    // The demo already turned it into a record.
    const again = await record("XY-AMR", { idempotencyKey: "from-complaint-again", fromComplaintId: complaint.id, severity: "SERIOUS" });
    expect(again.body.errors?.[0].extensions).toEqual({ code: "CONFLICT", field: "input.fromComplaintId" });
    const demo = await hub.data(graphql(`query CreditFalseAppraisalRecords { creditRecords(filter: { behaviour: FALSE_APPRAISAL }) { edges { node { subjectType subjectName severity status sharedWith { agencyCode } } } } }`), { as: "XY-AMR" });
    expect(demo.creditRecords!.edges[0].node).toMatchObject({ subjectType: "APPRAISER", subjectName: "刘洋", severity: "SERIOUS", status: "ACTIVE" });
  });

  it("is recorded only by the bureau covering the subject, and replays a retry", async () => {
    const inst = await freshInstitution();
    expect((await record("XX-AMR", { idempotencyKey: "c-1", subjectCreditCode: inst.code })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    expect((await record("XY-IPAA", { idempotencyKey: "c-1", subjectCreditCode: inst.code })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    const first = await record("XY-AMR", { idempotencyKey: "c-1", subjectCreditCode: inst.code });
    expect(first.body.data!.recordCreditEvent!.record).toMatchObject({ subjectType: "INSTITUTION", status: "ACTIVE" });
    const again = await record("XY-AMR", { idempotencyKey: "c-1", subjectCreditCode: inst.code });
    expect(again.body.data!.recordCreditEvent!.replayed).toBe(true);
  });

  it("is public inside its window and disappears from anonymous results the moment it is repaired", async () => {
    clock = new Date("2026-01-15T02:00:00Z");
    const inst = await freshInstitution();
    const created = await recorded("XY-AMR", { idempotencyKey: "pub-1", subjectCreditCode: inst.code, publishFrom: "2026-01-15", publishUntil: "2027-01-14" });
    const anonymousSees = async () => (await hub.data(graphql(`query CreditPublicCount($c: CreditCode) { creditRecords(filter: { subjectCreditCode: $c }) { totalCount } }`), { variables: { c: inst.code } })).creditRecords!.totalCount;
    expect(await anonymousSees()).toBe(1);

    clock = new Date("2026-07-15T02:00:00Z");
    const requested = await hub.graphql(REQUEST, { as: "XY-IPAA", variables: { id: created.id, input: { commitment: "已整改并作出信用承诺", evidence: ["整改报告-2026-07"] } } });
    expect(requested.body.data!.requestCreditRepair!.status).toBe("REPAIR_REQUESTED");
    expect(await anonymousSees()).toBe(1);
    const approved = await hub.graphql(DECIDE, { as: "XY-AMR", variables: { id: created.id, v: requested.body.data!.requestCreditRepair!.version!, approve: true } });
    expect(approved.body.data!.decideCreditRepair!.status).toBe("REPAIRED");
    expect(await anonymousSees()).toBe(0);
    // The bureau still sees it, as REPAIRED.
    const bureau = await hub.data(graphql(`query CreditBureauView($c: CreditCode) { creditRecords(filter: { subjectCreditCode: $c }) { edges { node { status repairCommitment } } } }`), { as: "XY-AMR", variables: { c: inst.code } });
    expect(bureau.creditRecords!.edges[0].node).toEqual({ status: "REPAIRED", repairCommitment: "已整改并作出信用承诺" });
  });

  it("refuses repair until the day after a GENERAL record's three-month minimum, naming that day", async () => {
    clock = new Date("2026-02-10T02:00:00Z");
    const inst = await freshInstitution();
    const created = await recorded("XY-AMR", { idempotencyKey: "wait-1", subjectCreditCode: inst.code });
    // Decided 2026-02-10 (China time): the minimum period ends 2026-05-10, repair from 2026-05-11.
    const shown = await hub.data(graphql(`query CreditRepairableFrom($id: ID!) { creditRecord(id: $id) { decidedOn repairableFrom publishUntil } }`), { as: "XY-AMR", variables: { id: created.id } });
    expect(shown.creditRecord).toEqual({ decidedOn: "2026-02-10", repairableFrom: "2026-05-11", publishUntil: "2027-02-10" });
    clock = new Date("2026-05-10T02:00:00Z");
    const early = await hub.graphql(REQUEST, { as: "XY-AMR", variables: { id: created.id, input: { commitment: "承诺" } } });
    expect(early.body.errors?.[0].extensions).toEqual({ code: "INVALID_STATE_TRANSITION", from: "ACTIVE", to: "REPAIR_REQUESTED", reason: "MINIMUM_PERIOD_NOT_OVER", repairableFrom: "2026-05-11" });
    expect(early.body.errors?.[0].message).toContain("2026-05-11");
    clock = new Date("2026-05-11T02:00:00Z");
    const onTime = await hub.graphql(REQUEST, { as: "XY-AMR", variables: { id: created.id, input: { commitment: "承诺" } } });
    expect(onTime.body.data!.requestCreditRepair!.status).toBe("REPAIR_REQUESTED");
    const twice = await hub.graphql(REQUEST, { as: "XY-AMR", variables: { id: created.id, input: { commitment: "承诺" } } });
    expect(twice.body.errors?.[0].extensions.code).toBe("INVALID_STATE_TRANSITION");
    const refused = await hub.graphql(DECIDE, { as: "XY-AMR", variables: { id: created.id, v: onTime.body.data!.requestCreditRepair!.version!, approve: false } });
    expect(refused.body.data!.decideCreditRepair!.status).toBe("ACTIVE");
  });

  it("publishes a record from 29 February until the 28th of the next year, as PostgreSQL counts a year", async () => {
    clock = new Date("2026-02-20T02:00:00Z");
    const inst = await freshInstitution();
    const res = await hub.graphql(graphql(`mutation CreditRecordLeapDay($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { record { id publishFrom publishUntil } } }`), {
      as: "XY-AMR",
      variables: { input: { idempotencyKey: "leap-1", subjectCreditCode: inst.code, severity: "GENERAL", behaviour: "OUT_OF_SCOPE", decisionDocNo: "信市监信〔2026〕9号", basis: "事实与依据", decidedOn: "2024-02-29" } },
    });
    expect(res.body.errors).toBeUndefined();
    const expected = await one(`SELECT (date '2024-02-29' + interval '1 year')::date::text AS until`);
    expect(res.body.data!.recordCreditEvent!.record).toMatchObject({ publishFrom: "2024-02-29", publishUntil: expected.until });
    expect(expected.until).toBe("2025-02-28");
  });

  it("suspends the institution's listing with a serious record, in the same transaction, both audited", async () => {
    clock = new Date("2026-03-01T02:00:00Z");
    const inst = await freshInstitution(true);
    const res = await record("XY-AMR", { idempotencyKey: "susp-1", subjectCreditCode: inst.code, severity: "SERIOUS", behaviour: "FALSE_APPRAISAL", suspendListing: true, shareWithAgencyCodes: ["XY-COURT"] });
    expect(res.body.errors).toBeUndefined();
    expect(await one(`SELECT listing_status FROM institutions WHERE id = $1`, [inst.id])).toEqual({ listing_status: "SUSPENDED" });
    await hub.hub.deps.trail.flush();
    const ops = (await hub.db.dataSource.query(`SELECT operation FROM audit_events WHERE entity_id IN ($1, $2) ORDER BY seq`, [inst.id, res.body.data!.recordCreditEvent!.record.id])).map((r: { operation: string }) => r.operation);
    expect(ops).toEqual(expect.arrayContaining(["recordCreditEvent", "shareCreditRecord", "changeListingStatus"]));
    const general = await record("XY-AMR", { idempotencyKey: "susp-2", subjectCreditCode: inst.code, suspendListing: true });
    expect(general.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.suspendListing" });
  });

  it("shares a serious record for joint punishment: the agency sees it and acknowledges it", async () => {
    clock = new Date("2026-03-02T02:00:00Z");
    const inst = await freshInstitution();
    const created = await recorded("XY-AMR", { idempotencyKey: "share-1", subjectCreditCode: inst.code, severity: "SERIOUS", shareWithAgencyCodes: ["XX-COURT"], decidedOn: "2023-03-02" });
    clock = new Date("2026-04-01T02:00:00Z"); // three years after its decision, out of its window: no longer public
    const seen = async (as?: string) => (await hub.graphql(graphql(`query CreditSharedRecord($id: ID!) { creditRecord(id: $id) { status sharedWith { agencyCode acknowledgedAt } } }`), { as, variables: { id: created.id } })).body.data!.creditRecord;
    expect(await seen()).toBeNull();
    expect(await seen("XY-COURT")).toBeNull();
    expect((await seen("XX-COURT"))!.status).toBe("EXPIRED");
    const ack = await hub.graphql(graphql(`mutation CreditAcknowledgeShare($id: ID!) { acknowledgeCreditShare(recordId: $id) { agencyCode acknowledgedAt } }`), { as: "XX-COURT", variables: { id: created.id } });
    expect(ack.body.data!.acknowledgeCreditShare!.agencyCode).toBe("XX-COURT");
    expect((await seen("XY-AMR"))!.sharedWith).toEqual([{ agencyCode: "XX-COURT", acknowledgedAt: expect.any(String) }]);
    expect((await hub.graphql(graphql(`mutation CreditAcknowledgeShareElsewhere($id: ID!) { acknowledgeCreditShare(recordId: $id) { agencyCode } }`), { as: "XY-PSB", variables: { id: created.id } })).body.errors?.[0].extensions.code).toBe("NOT_FOUND");
  });
});

describe("who sees unpublished credit records", () => {
  it("shows a court the records about subjects of its own cases, and hides them from other courts", async () => {
    clock = new Date("2026-06-01T02:00:00Z");
    // 张伟 worked on XY-COURT's demo case (2024)豫15知民初32号.
    const zhangWei = (await one(`SELECT id FROM appraisers WHERE name = '张伟'`)).id;
    const created = await recorded("XY-AMR", { idempotencyKey: "own-case-1", subjectAppraiserId: zhangWei, decidedOn: "2025-01-01" }); // published until 2026-01-01
    const sees = async (as?: string) => !!(await hub.graphql(graphql(`query CreditRecordSeen($id: ID!) { creditRecord(id: $id) { id } }`), { as, variables: { id: created.id } })).body.data!.creditRecord;
    expect(await sees("XY-COURT")).toBe(true);
    expect(await sees("XY-AMR")).toBe(true);
    expect(await sees("XY-IPAA")).toBe(true);
    expect(await sees("XX-COURT")).toBe(false);
    expect(await sees("XX-AMR")).toBe(false);
    expect(await sees()).toBe(false);
  });

  it("revokes a record: publication stops and the grade is recomputed", async () => {
    clock = new Date("2026-06-02T02:00:00Z");
    const inst = await freshInstitution();
    const created = await recorded("XY-AMR", { idempotencyKey: "revoke-1", subjectCreditCode: inst.code });
    expect((await grade(inst.id)).credit_grade).toBe("C");
    const REVOKE = graphql(`mutation CreditRevoke($id: ID!, $v: Int!) { revokeCreditRecord(recordId: $id, expectedVersion: $v, reason: "行政复议撤销") { status } }`);
    expect((await hub.graphql(REVOKE, { as: "XY-AMR", variables: { id: created.id, v: created.version! } })).body.data!.revokeCreditRecord!.status).toBe("REVOKED");
    expect((await grade(inst.id)).credit_grade).toBe("A");
    expect((await hub.graphql(REVOKE, { as: "XY-AMR", variables: { id: created.id, v: created.version! + 1 } })).body.errors?.[0].extensions.code).toBe("INVALID_STATE_TRANSITION");
  });
});

describe("graded supervision", () => {
  it("grades C after a failed inspection", async () => {
    clock = new Date("2026-06-03T02:00:00Z");
    const inst = await freshInstitution();
    await hub.graphql(graphql(`mutation CreditFailedInspection($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`), {
      as: "XY-AMR",
      variables: { input: { institutionId: inst.id, kind: "DOCUMENT_QUALITY_REVIEW", conductedOn: "2026-06-01", result: "FAILED" } },
    });
    expect(await grade(inst.id)).toEqual({ credit_grade: "C", credit_grade_why: ["1 failed inspection(s) in 12 months"] });
  });

  it("recomputes the grade for each rule of the default: A, B, C, D, and back after repair", async () => {
    clock = new Date("2026-05-01T02:00:00Z");
    const inst = await freshInstitution(true);
    // A: nothing against it. Registration leaves no grade; every change that affects it computes one.
    const inspect = (result: SupervisionResult, extra: Partial<RecordInspectionInput> = {}) =>
      hub.graphql(graphql(`mutation CreditInspection($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`), { as: "XY-IPAA", variables: { input: { institutionId: inst.id, kind: "PRACTICE_INSPECTION", conductedOn: "2026-04-20", result, ...extra } } });
    await inspect("PASSED");
    expect((await grade(inst.id)).credit_grade).toBe("A");
    // B: an inspection requiring rectification.
    await inspect("RECTIFICATION_REQUIRED", { rectificationDeadline: "2026-06-30" });
    expect(await grade(inst.id)).toEqual({ credit_grade: "B", credit_grade_why: ["1 inspection(s) requiring rectification in 12 months"] });
    // C: a general record.
    const general = await recorded("XY-AMR", { idempotencyKey: "g-1", subjectCreditCode: inst.code });
    expect((await grade(inst.id)).credit_grade).toBe("C");
    // D: three general records.
    await record("XY-AMR", { idempotencyKey: "g-2", subjectCreditCode: inst.code });
    await record("XY-AMR", { idempotencyKey: "g-3", subjectCreditCode: inst.code });
    expect(await grade(inst.id)).toEqual({ credit_grade: "D", credit_grade_why: ["3 active general credit records (D from 3)"] });
    // Repairing one (after the waiting period) takes it back to C.
    clock = new Date("2026-11-02T02:00:00Z");
    const requested = await hub.graphql(REQUEST, { as: "XY-AMR", variables: { id: general.id, input: { commitment: "承诺" } } });
    await hub.graphql(DECIDE, { as: "XY-AMR", variables: { id: general.id, v: requested.body.data!.requestCreditRepair!.version!, approve: true } });
    expect((await grade(inst.id)).credit_grade).toBe("C");
    // D again: a serious record.
    await record("XY-AMR", { idempotencyKey: "g-4", subjectCreditCode: inst.code, severity: "SERIOUS" });
    expect((await grade(inst.id)).credit_grade).toBe("D");
    const shown = await hub.graphql(graphql(`query CreditInstitutionGrade($c: CreditCode!) { institution(creditCode: $c) { creditGrade creditGradeWhy } }`), { as: "XY-COURT", variables: { c: inst.code } });
    // Two general records remain active, below the three that make D by themselves: the serious one decides.
    expect(shown.body.data!.institution).toEqual({ creditGrade: "D", creditGradeWhy: ["1 active serious credit record(s)"] });
  });

  it("grades an appraiser C after a confirmed complaint, and B after an open one", async () => {
    clock = new Date("2026-05-10T02:00:00Z");
    const inst = await freshInstitution(true);
    const REGISTER = graphql(`mutation CreditRegisterAppraiser($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { appraiser { id } replayed } }`);
    const appraiserId = (await hub.graphql(REGISTER, { as: "XY-AMR", variables: { input: { institutionId: inst.id, name: "等级测试", idNumber: idNumberFor("411502", 7777), technicalFields: ["PATENT"] } } })).body.data!.registerAppraiser!.appraiser.id;
    const posted = await hub.graphql(graphql(`mutation CreditPostComplaint($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { feedback { id version } } }`), {
      as: "XY-COURT",
      variables: { input: { idempotencyKey: "grade-complaint", agencyCaseNo: "(2026)豫15知民初5号", appraiserId, kind: "COMPLAINT", comment: "鉴定拖延" } },
    });
    const appraiserGrade = async () => (await one(`SELECT credit_grade FROM appraisers WHERE id = $1`, [appraiserId])).credit_grade;
    expect(await appraiserGrade()).toBe("B");
    let { id, version } = posted.body.data!.postCaseFeedback!.feedback;
    const steps: HandleComplaintInput[] = [{ to: "ACKNOWLEDGED", note: "受理" }, { to: "INVESTIGATING", note: "调查" }, { to: "RESOLVED", note: "属实", resolution: "属实", violationConfirmed: true }];
    for (const input of steps) {
      version = (await hub.graphql(graphql(`mutation CreditHandleComplaint($id: ID!, $v: Int!, $input: HandleComplaintInput!) { handleComplaint(id: $id, expectedVersion: $v, input: $input) { version } }`), { as: "XY-AMR", variables: { id, v: version, input } })).body.data!.handleComplaint!.version;
    }
    expect(await appraiserGrade()).toBe("C");
    expect((await grade(inst.id)).credit_grade).toBe("C");
  });
});

describe("policy: serious records not repairable", () => {
  let strict: TestHub;
  beforeAll(async () => {
    strict = await startTestHub({ env: { HUB_CREDIT_SERIOUS_REPAIRABLE: "false", HUB_CREDIT_GENERAL_REPAIR_MONTHS: "0" } });
  });
  afterAll(() => strict.stop());

  it("refuses repair of a serious record, and allows it for a general one", async () => {
    const zhangWei = (await strict.db.dataSource.query(`SELECT id FROM appraisers WHERE name = '张伟'`))[0].id;
    const make = async (key: string, severity: CreditSeverity) =>
      (await strict.graphql(RECORD, { as: "XY-AMR", variables: { input: { idempotencyKey: key, subjectAppraiserId: zhangWei, severity, behaviour: "FAILED_RECUSAL", decisionDocNo: "x", basis: "y" } } })).body.data!.recordCreditEvent!.record;
    const ask = async (id: string) => strict.graphql(REQUEST, { as: "XY-AMR", variables: { id, input: { commitment: "承诺" } } });
    expect((await ask((await make("s-1", "SERIOUS")).id)).body.errors?.[0].extensions.code).toBe("INVALID_STATE_TRANSITION");
    expect((await ask((await make("s-2", "GENERAL")).id)).body.data!.requestCreditRepair!.status).toBe("REPAIR_REQUESTED");
  });
});
