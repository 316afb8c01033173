import { CaseNumberKeys1764400000000 } from "../src/db/migrations/1764400000000-case-number-keys";
import { caseNumberKey } from "../src/domain/case-number";
import { startTestHub, TestHub } from "./support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const one = async (sql: string, params: unknown[] = []) => (await hub.db.dataSource.query(sql, params))[0];
const institutionId = async (code: string) => (await one(`SELECT id FROM institutions WHERE credit_code = $1`, [code])).id as string;
const appraiserId = async (name: string) => (await one(`SELECT id FROM appraisers WHERE name = $1`, [name])).id as string;

const ENTRUST = `mutation($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { replayed appraisalCase { id version status } } }`;
const PROGRESS = `mutation($id: ID!, $v: Int!, $input: CaseProgressInput!) { recordCaseProgress(caseId: $id, expectedVersion: $v, input: $input) { id version status deadlines { acceptBy completeBy clockPaused overdue } } }`;

async function entrust(as: string, input: Record<string, unknown>) {
  return hub.graphql(ENTRUST, { as, variables: { input: { technicalField: "PATENT", matter: "专利侵权比对", ...input } } });
}

/** Records a step and returns the new version (failing the test on an error). */
async function step(as: string, id: string, v: number, input: Record<string, unknown>): Promise<number> {
  const res = await hub.graphql(PROGRESS, { as, variables: { id, v, input } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.recordCaseProgress.version;
}

describe("an appraisal case from entrustment to court", () => {
  it("walks entrust → issue → appearance → close, with the trail visible to the entrusting court", async () => {
    const zhongyuan = await institutionId("91411500MA9F3K2L21");
    const created = await entrust("XY-COURT", { idempotencyKey: "walk-1", agencyCaseNo: "(2025)豫15知民初88号", institutionId: zhongyuan, subject: "涉案专利" });
    expect(created.body.errors).toBeUndefined();
    const { id, version } = created.body.data.entrustAppraisal.appraisalCase;
    const declarations = [await appraiserId("张伟"), await appraiserId("李娜")].map((a) => ({ appraiserId: a, recusalDeclaration: "无应当回避情形。" }));
    let v = version;
    v = await step("XY-ZYJD", id, v, { action: "ACCEPT" });
    v = await step("XY-ZYJD", id, v, { action: "ASSIGN_APPRAISERS", appraisers: declarations });
    v = await step("XY-ZYJD", id, v, { action: "SUBMIT_FOR_REVIEW" });
    v = await step("XY-ZYJD", id, v, { action: "ISSUE", opinionDocNo: "中原知鉴〔2025〕第088号", opinionSha256: "a".repeat(64) });
    v = await step("XY-COURT", id, v, { action: "REQUEST_COURT_APPEARANCE" });
    v = await step("XY-COURT", id, v, { action: "RECORD_APPEARANCE" });
    v = await step("XY-COURT", id, v, { action: "CLOSE" });

    const res = await hub.graphql(
      `query($id: ID!) { appraisalCase(id: $id) { status opinionDocNo opinionSha256 assignedAppraisers { recusalDeclaration appraiser { name } } history { action fromStatus toStatus actorAgencyCode } } }`,
      { as: "XY-COURT", variables: { id } },
    );
    const c = res.body.data.appraisalCase;
    expect(c).toMatchObject({ status: "CLOSED", opinionDocNo: "中原知鉴〔2025〕第088号", opinionSha256: "a".repeat(64) });
    expect(c.assignedAppraisers.map((a: any) => a.appraiser.name).sort()).toEqual(["张伟", "李娜"].sort());
    expect(c.history.map((e: any) => [e.action, e.toStatus, e.actorAgencyCode])).toEqual([
      ["ENTRUST", "ENTRUSTED", "XY-COURT"],
      ["ACCEPT", "ACCEPTED", "XY-ZYJD"],
      ["ASSIGN_APPRAISERS", "IN_PROGRESS", "XY-ZYJD"],
      ["SUBMIT_FOR_REVIEW", "UNDER_REVIEW", "XY-ZYJD"],
      ["ISSUE", "ISSUED", "XY-ZYJD"],
      ["REQUEST_COURT_APPEARANCE", "COURT_APPEARANCE_REQUESTED", "XY-COURT"],
      ["RECORD_APPEARANCE", "APPEARED", "XY-COURT"],
      ["CLOSE", "CLOSED", "XY-COURT"],
    ]);
    await hub.hub.deps.trail.flush();
    const audit = await hub.graphql(`query($id: String) { auditEvents(first: 50, filter: { entityId: $id }) { edges { node { operation agencyCode } } } }`, { as: "XY-COURT", variables: { id } });
    expect(audit.body.data.auditEvents.edges.map((e: any) => e.node.operation)).toEqual(["recordCaseProgress", "recordCaseProgress", "recordCaseProgress", "entrustAppraisal"]);
  });

  it("lets each party record only its own steps, and hides the case from others", async () => {
    const zhongyuan = await institutionId("91411500MA9F3K2L21");
    const { id, version } = (await entrust("XY-COURT", { idempotencyKey: "actors-1", agencyCaseNo: "(2025)豫15知民初89号", institutionId: zhongyuan })).body.data.entrustAppraisal.appraisalCase;
    const attempt = async (as: string, action: string) => (await hub.graphql(PROGRESS, { as, variables: { id, v: version, input: { action } } })).body.errors?.[0].extensions.code;
    expect(await attempt("XY-COURT", "ACCEPT")).toBe("FORBIDDEN");
    expect(await attempt("XY-AMR", "ACCEPT")).toBe("FORBIDDEN");
    expect(await attempt("XX-COURT", "CLOSE")).toBe("NOT_FOUND");
    expect(await attempt("XX-HXJD", "ACCEPT")).toBe("NOT_FOUND");
    expect(await attempt("XY-ZYJD", "ISSUE")).toBe("INVALID_STATE_TRANSITION");
    expect(await attempt("XY-ZYJD", "CLOSE")).toBe("FORBIDDEN");
  });

  it.each([
    ["one appraiser only", (a: string[]) => [{ appraiserId: a[0], recusalDeclaration: "无" }]],
    ["an appraiser of another institution", (a: string[]) => [{ appraiserId: a[0], recusalDeclaration: "无" }, { appraiserId: a[2], recusalDeclaration: "无" }]],
    ["an empty recusal declaration", (a: string[]) => [{ appraiserId: a[0], recusalDeclaration: "无" }, { appraiserId: a[1], recusalDeclaration: " " }]],
  ])("refuses an assignment with %s", async (_label, pick) => {
    const zhongyuan = await institutionId("91411500MA9F3K2L21");
    const { id, version } = (await entrust("XY-COURT", { idempotencyKey: `assign-${_label.replace(/ /g, "-")}`, agencyCaseNo: `(2025)豫15知民初9${_label.length}号`, institutionId: zhongyuan })).body.data.entrustAppraisal.appraisalCase;
    const v = await step("XY-ZYJD", id, version, { action: "ACCEPT" });
    const people = [await appraiserId("张伟"), await appraiserId("李娜"), await appraiserId("赵磊")];
    const res = await hub.graphql(PROGRESS, { as: "XY-ZYJD", variables: { id, v, input: { action: "ASSIGN_APPRAISERS", appraisers: pick(people) } } });
    expect(res.body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0].extensions.field).toMatch(/^input\.appraisers/);
  });

  it("entrusts only listed institutions for their fields, and replays a retried entrustment", async () => {
    const suspended = await entrust("XY-PSB", { idempotencyKey: "e-1", agencyCaseNo: "信公经立字〔2025〕101号", institutionId: await institutionId("52411500MJY123458K"), technicalField: "TRADE_SECRET" });
    expect(suspended.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.institutionId" });
    const wrongField = await entrust("XY-PSB", { idempotencyKey: "e-2", agencyCaseNo: "信公经立字〔2025〕102号", institutionId: await institutionId("91411500MA9F3K2L21"), technicalField: "PLANT_VARIETY" });
    expect(wrongField.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.technicalField" });
    const input = { idempotencyKey: "e-3", agencyCaseNo: "信公经立字〔2025〕103号", institutionId: await institutionId("91411500MA9F3K2L21") };
    const first = await entrust("XY-PSB", input);
    const again = await entrust("XY-PSB", input);
    expect(again.body.data.entrustAppraisal).toEqual({ ...first.body.data.entrustAppraisal, replayed: true });
    const changed = await entrust("XY-PSB", { ...input, matter: "另一事项" });
    expect(changed.body.errors?.[0].extensions.code).toBe("CONFLICT");
    expect((await hub.graphql(ENTRUST, { as: "XY-IPAA", variables: { input: { ...input, technicalField: "PATENT", matter: "x", idempotencyKey: "e-4" } } })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });
});

describe("case numbers across their usual spellings", () => {
  const CASES = `query($no: String) { appraisalCases(filter: { agencyCaseNo: $no }) { totalCount edges { node { id agencyCaseNo } } } }`;

  it("finds a case entrusted as (2026)豫15知民初101号 by its full-width, 〔〕 and spaced spellings, and returns it as written", async () => {
    const zhongyuan = await institutionId("91411500MA9F3K2L21");
    const created = await entrust("XY-COURT", { idempotencyKey: "spell-1", agencyCaseNo: "(2026)豫15知民初101号", institutionId: zhongyuan });
    expect(created.body.errors).toBeUndefined();
    await entrust("XY-COURT", { idempotencyKey: "spell-2", agencyCaseNo: "(2026)豫15知民初1010号", institutionId: zhongyuan });
    const { id } = created.body.data.entrustAppraisal.appraisalCase;
    for (const spelling of ["(2026)豫15知民初101号", "（2026）豫15知民初101号", "〔2026〕豫15知民初101号", " (２０２６)豫15知民初101号 ", "【2026】豫 15 知民初 101 号"]) {
      const found = await hub.graphql(CASES, { as: "XY-COURT", variables: { no: spelling } });
      expect([spelling, found.body.data.appraisalCases]).toEqual([spelling, { totalCount: 1, edges: [{ node: { id, agencyCaseNo: "(2026)豫15知民初101号" } }] }]);
    }
  });

  it("fills the key of the cases recorded before the migration", async () => {
    const migration = new CaseNumberKeys1764400000000();
    const runner = hub.db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const rows: Array<{ agency_case_no: string; agency_case_no_key: string }> = await hub.db.dataSource.query(`SELECT agency_case_no, agency_case_no_key FROM appraisal_cases`);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.filter((r) => r.agency_case_no_key !== caseNumberKey(r.agency_case_no))).toEqual([]);
    const demo = await hub.graphql(`{ appraisalCases(filter: { agencyCaseNo: "（2024）豫15知民初32号" }) { edges { node { agencyCaseNo } } } }`, { as: "XY-COURT" });
    expect(demo.body.data.appraisalCases.edges).toEqual([{ node: { agencyCaseNo: "(2024)豫15知民初32号" } }]);
  });

  it("accepts feedback on a case under another spelling of its number", async () => {
    const zhongyuan = await institutionId("91411500MA9F3K2L21");
    const created = await entrust("XY-COURT", { idempotencyKey: "spell-3", agencyCaseNo: "(2026)豫15知民初102号", institutionId: zhongyuan });
    const posted = await hub.graphql(`mutation($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { feedback { id } } }`, {
      as: "XY-COURT",
      variables: { input: { idempotencyKey: "spell-fb-1", agencyCaseNo: "（2026）豫15知民初102号", caseId: created.body.data.entrustAppraisal.appraisalCase.id, appraiserId: await appraiserId("张伟"), kind: "EVALUATION", ratings: { conduct: 4 } } },
    });
    expect(posted.body.errors).toBeUndefined();
  });
});

describe("deadlines in working days", () => {
  it("counts across the 2025 Spring Festival and its make-up days, stops while materials are requested, and adds extensions", async () => {
    const zhongyuan = await institutionId("91411500MA9F3K2L21");
    const created = await entrust("XY-COURT", { idempotencyKey: "clock-1", agencyCaseNo: "(2025)豫15知民初1号", institutionId: zhongyuan, entrustedOn: "2025-01-24" });
    let { id, version: v } = created.body.data.entrustAppraisal.appraisalCase;
    const deadlines = async () => (await hub.graphql(`query($id: ID!) { appraisalCase(id: $id) { deadlines { acceptBy completeBy clockPaused overdue } } }`, { as: "XY-COURT", variables: { id } })).body.data.appraisalCase.deadlines;

    // Fri 01-24 + 7 working days: Sun 01-26 (make-up), 01-27, [01-28..02-04 holiday], 02-05, 02-06, 02-07, Sat 02-08 (make-up), 02-10.
    expect(await deadlines()).toEqual({ acceptBy: "2025-02-10", completeBy: null, clockPaused: false, overdue: true });

    v = await step("XY-ZYJD", id, v, { action: "ACCEPT", occurredOn: "2025-02-05" });
    // 02-05 + 30: 02-06, 02-07, Sat 02-08 (make-up), then weekdays to 03-18.
    expect(await deadlines()).toMatchObject({ acceptBy: "2025-02-10", completeBy: "2025-03-18" });

    const people = [await appraiserId("张伟"), await appraiserId("李娜")].map((a) => ({ appraiserId: a, recusalDeclaration: "无应当回避情形。" }));
    v = await step("XY-ZYJD", id, v, { action: "ASSIGN_APPRAISERS", occurredOn: "2025-02-06", appraisers: people });
    v = await step("XY-ZYJD", id, v, { action: "REQUEST_MATERIALS", occurredOn: "2025-02-10", note: "补充检材" });
    expect(await deadlines()).toMatchObject({ completeBy: null, clockPaused: true, overdue: false });

    v = await step("XY-COURT", id, v, { action: "RESUME", occurredOn: "2025-02-17" });
    // Paused 02-10..02-14: five working days more.
    expect(await deadlines()).toEqual({ acceptBy: "2025-02-10", completeBy: "2025-03-25", clockPaused: false, overdue: true });

    v = await step("XY-COURT", id, v, { action: "EXTEND_DEADLINE", extensionWorkingDays: 5, note: "案情复杂，准予延长" });
    expect((await deadlines()).completeBy).toBe("2025-04-01");
    const noNote = await hub.graphql(PROGRESS, { as: "XY-COURT", variables: { id, v, input: { action: "EXTEND_DEADLINE", extensionWorkingDays: 5 } } });
    expect(noNote.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.note" });
    const early = await hub.graphql(PROGRESS, { as: "XY-ZYJD", variables: { id, v, input: { action: "SUBMIT_FOR_REVIEW", occurredOn: "2025-02-01" } } });
    expect(early.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.occurredOn" });
  });
});
