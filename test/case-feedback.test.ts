import { startTestHub, TestHub } from "./support/test-hub";
import { usingServer } from "./support/test-database";
import { rebuildFeedbackSummaries } from "../src/services/feedback-summary";
import { CalendarYears1764500000000 } from "../src/db/migrations/1764500000000-calendar-years";
import { addDays } from "../src/domain/local-date";
import { createLogger } from "../src/logging/logger";
import { parseCalendar, syncShippedCalendar, warnWhenCalendarEndsSoon, writeCalendar } from "../src/seed/calendar";
import { graphql } from "./gql";
import type { HandleComplaintInput, PostCaseFeedbackInput, RecordInspectionInput } from "./gql/graphql";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const one = async (sql: string, params: unknown[] = []) => (await hub.db.dataSource.query(sql, params))[0];
const appraiserId = async (name: string) => (await one(`SELECT id FROM appraisers WHERE name = $1`, [name])).id as string;
const institutionId = async (code: string) => (await one(`SELECT id FROM institutions WHERE credit_code = $1`, [code])).id as string;

const POST = graphql(`mutation FeedbackPost($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { replayed feedback { id kind postingAgencyCode complaintStatus complaintRespondBy version } } }`);
const HANDLE = graphql(`mutation FeedbackHandleComplaint($id: ID!, $v: Int!, $input: HandleComplaintInput!) { handleComplaint(id: $id, expectedVersion: $v, input: $input) { complaintStatus version violationConfirmed nextSteps complaintHistory { toStatus actorAgencyCode } } }`);
const SUMMARY = graphql(`query FeedbackAppraiserSummary($id: ID!) { appraiser(id: $id) { feedbackSummary { count averages { timeliness professionalism reportQuality conduct courtPerformance } adoptionRate complaintsLast12Months complaintsTotal lastFeedbackAt } } }`);

/** Posts feedback as `as`; the case number and kind (EVALUATION) have defaults. */
async function post(as: string, input: Omit<PostCaseFeedbackInput, "agencyCaseNo" | "kind"> & Partial<Pick<PostCaseFeedbackInput, "agencyCaseNo" | "kind">>) {
  return hub.graphql(POST, { as, variables: { input: { agencyCaseNo: "(2025)豫15刑初7号", kind: "EVALUATION", ...input } } });
}

describe("posting feedback", () => {
  it("records an evaluation with the poster and time set by the hub, and updates the summaries in the same transaction", async () => {
    const id = await appraiserId("吴婷");
    const before = (await hub.data(SUMMARY, { as: "XX-COURT", variables: { id } })).appraiser!.feedbackSummary!;
    expect(before.count).toBe(0);
    const res = await post("XX-PSB", { idempotencyKey: "fb-1", appraiserId: id, ratings: { timeliness: 4, professionalism: 5 }, opinionAdopted: true, comment: "很好" });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.postCaseFeedback!.feedback).toMatchObject({ kind: "EVALUATION", postingAgencyCode: "XX-PSB", complaintStatus: null });
    const after = (await hub.data(SUMMARY, { as: "XX-COURT", variables: { id } })).appraiser!.feedbackSummary;
    expect(after).toMatchObject({ count: 1, averages: { timeliness: 4, professionalism: 5, reportQuality: null }, adoptionRate: 1, complaintsLast12Months: 0 });
  });

  it("returns the first result for a replay and writes nothing; a changed payload with the same key answers CONFLICT", async () => {
    const id = await appraiserId("周杰");
    const input = { idempotencyKey: "fb-retry", appraiserId: id, ratings: { conduct: 3 } };
    const first = await post("XX-PSB", input);
    const again = await post("XX-PSB", input);
    expect(again.body.data!.postCaseFeedback).toEqual({ ...first.body.data!.postCaseFeedback, replayed: true });
    const changed = await post("XX-PSB", { ...input, ratings: { conduct: 1 } });
    expect(changed.body.errors?.[0].extensions).toEqual({ code: "CONFLICT", field: "idempotencyKey" });
    expect(await one(`SELECT count(*)::int AS n FROM case_feedback WHERE appraiser_id = $1`, [id])).toEqual({ n: 1 });
    expect(await one(`SELECT feedback_count FROM feedback_summaries WHERE subject_type = 'APPRAISER' AND subject_id = $1`, [id])).toEqual({ feedback_count: 1 });
  });

  it("accepts the README's Chinese idempotency key and replays a retry", async () => {
    const example: PostCaseFeedbackInput = { idempotencyKey: "固公-2024-018-张伟", agencyCaseNo: "固公经立字〔2024〕018号", appraiserId: await appraiserId("张伟"), kind: "EVALUATION", ratings: { timeliness: 4, professionalism: 5 }, opinionAdopted: true };
    const first = await hub.graphql(POST, { as: "GS-PSB", variables: { input: example } });
    expect(first.body.errors).toBeUndefined();
    const again = await hub.graphql(POST, { as: "GS-PSB", variables: { input: example } });
    expect(again.body.data!.postCaseFeedback).toEqual({ ...first.body.data!.postCaseFeedback, replayed: true });
  });

  it("treats the NFC and NFD spellings of a key as the same key", async () => {
    const nfc = "Dossier-é-证据".normalize("NFC");
    const nfd = nfc.normalize("NFD");
    expect(nfd).not.toBe(nfc);
    const input = { appraiserId: await appraiserId("张伟"), ratings: { conduct: 4 } };
    const first = await post("XY-COURT", { ...input, idempotencyKey: nfd });
    expect(first.body.errors).toBeUndefined();
    const again = await post("XY-COURT", { ...input, idempotencyKey: nfc });
    expect(again.body.data!.postCaseFeedback).toEqual({ ...first.body.data!.postCaseFeedback, replayed: true });
    expect(await one(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key IN ($1, $2)`, [nfc, nfd])).toEqual({ n: 1 });
  });

  it("counts a key's length in characters: 200 CJK characters, even outside the BMP, are a valid key", async () => {
    const res = await post("XY-COURT", { idempotencyKey: "𠀀".repeat(200), appraiserId: await appraiserId("张伟"), ratings: { conduct: 4 } });
    expect(res.body.errors).toBeUndefined();
  });

  it.each([
    ["a zero-width space", "固公-2024\u200b-018"],
    ["a control character", "固公-2024\u0007-018"],
    ["a line feed", "固公-2024\n-018"],
    ["201 characters", "键".repeat(201)],
    ["an empty key", ""],
    ["only spaces", "   "],
    ["a trailing space", "固公-2024-018 "],
  ])("refuses an idempotency key with %s", async (_label, key) => {
    const res = await post("XY-COURT", { idempotencyKey: key, appraiserId: await appraiserId("张伟"), ratings: { conduct: 4 } });
    expect(res.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "idempotencyKey" });
  });

  it(`creates exactly one record for 20 concurrent posts with the same key (${usingServer() ? "PostgreSQL server" : "PGlite"})`, async () => {
    const id = await appraiserId("赵磊");
    const input = { idempotencyKey: "fb-storm", appraiserId: id, ratings: { timeliness: 5 } };
    const results = await Promise.all(Array.from({ length: 20 }, () => post("XX-PSB", input)));
    expect(results.every((r) => r.status === 200 && !r.body.errors)).toBe(true);
    expect(new Set(results.map((r) => r.body.data!.postCaseFeedback!.feedback.id)).size).toBe(1);
    expect(results.filter((r) => !r.body.data!.postCaseFeedback!.replayed)).toHaveLength(1);
    expect(await one(`SELECT count(*)::int AS n FROM case_feedback WHERE appraiser_id = $1 AND posting_agency_code = 'XX-PSB'`, [id])).toEqual({ n: 1 });
    expect((await one(`SELECT timeliness_n FROM feedback_summaries WHERE subject_type = 'APPRAISER' AND subject_id = $1`, [id])).timeliness_n).toBe(1);
  });

  it.each<[string, Partial<PostCaseFeedbackInput>, string]>([
    ["a rating outside 1–5", { ratings: { timeliness: 6 } }, "input.ratings.timeliness"],
    ["an evaluation without ratings", { ratings: {} }, "input.ratings"],
    ["a complaint without a comment", { kind: "COMPLAINT", ratings: {} }, "input.comment"],
    ["an unknown appraiser", { appraiserId: "00000000-0000-4000-8000-000000000000" }, "input.appraiserId"],
    ["an oversized comment", { comment: "字".repeat(4001) }, "input.comment"],
  ])("refuses %s with BAD_USER_INPUT and writes nothing", async (_label, override, field) => {
    const before = await one(`SELECT count(*)::int AS n FROM case_feedback`);
    const res = await post("XY-COURT", { idempotencyKey: `bad-${field}-${_label.length}`, appraiserId: await appraiserId("张伟"), ratings: { conduct: 4 }, ...override });
    expect(res.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field });
    expect(await one(`SELECT count(*)::int AS n FROM case_feedback`)).toEqual(before);
  });

  it("lets only courts, procuratorates and police post", async () => {
    for (const as of ["XY-AMR", "XY-IPAA", "XY-ZYJD"]) {
      const res = await post(as, { idempotencyKey: `who-${as}`, appraiserId: await appraiserId("张伟"), ratings: { conduct: 4 } });
      expect(res.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    }
  });

  it("keeps each summary equal to an aggregate of the rows it summarises", async () => {
    const id = await appraiserId("张伟");
    for (const [i, r] of [[3, 4], [5, 5], [2, null]].entries()) {
      await post("XY-PROC", { idempotencyKey: `agg-${i}`, appraiserId: id, ratings: { reportQuality: r[0], courtPerformance: r[1] }, opinionAdopted: i !== 2 });
    }
    const summary = (await hub.data(SUMMARY, { as: "XY-AMR", variables: { id } })).appraiser!.feedbackSummary!;
    const truth = await one(
      `SELECT count(*)::int AS count, round(avg(rating_report_quality), 2)::float AS rq, round(avg(rating_court_performance), 2)::float AS cp,
              round(avg(CASE WHEN opinion_adopted THEN 1.0 WHEN opinion_adopted = false THEN 0.0 END), 3)::float AS adoption
         FROM case_feedback WHERE appraiser_id = $1`,
      [id],
    );
    expect(summary.count).toBe(truth.count);
    expect(summary.averages.reportQuality).toBeCloseTo(truth.rq, 2);
    expect(summary.averages.courtPerformance).toBeCloseTo(truth.cp, 2);
    expect(summary.adoptionRate).toBeCloseTo(truth.adoption, 3);
  });
});

describe("summary maintenance", () => {
  it("matches what a rebuild from the rows computes, for every subject", async () => {
    const read = () => hub.db.dataSource.query(`SELECT * FROM feedback_summaries ORDER BY subject_type, subject_id`);
    const maintained = await read();
    expect(maintained.length).toBeGreaterThan(5);
    await rebuildFeedbackSummaries(hub.db.dataSource);
    expect(await read()).toEqual(maintained);
  });
});

describe("who sees feedback", () => {
  it("shows the poster its own, the bureau and association of the institution's region all, and others nothing but summaries", async () => {
    const id = await appraiserId("李娜");
    const posted = await post("XY-COURT", { idempotencyKey: "vis-1", appraiserId: id, ratings: { conduct: 5 } });
    const feedbackId = posted.body.data!.postCaseFeedback!.feedback.id;
    const sees = async (as?: string) => {
      const res = await hub.graphql(graphql(`query FeedbackSeen($id: ID!) { caseFeedback(id: $id) { id } }`), { as, variables: { id: feedbackId } });
      return res.body.errors?.[0]?.extensions.code ?? (res.body.data!.caseFeedback ? "ok" : "hidden");
    };
    expect(await sees("XY-COURT")).toBe("ok");
    expect(await sees("XY-AMR")).toBe("ok");
    expect(await sees("XY-IPAA")).toBe("ok");
    expect(await sees("HA-AMR")).toBe("ok");
    expect(await sees("XX-COURT")).toBe("hidden");
    expect(await sees("XY-PSB")).toBe("hidden");
    expect(await sees("XX-AMR")).toBe("hidden");
    expect(await sees("XY-ZYJD")).toBe("hidden");
    expect(await sees()).toBe("FORBIDDEN");
    const summary = await hub.graphql(SUMMARY, { as: "XX-COURT", variables: { id } });
    expect(summary.body.data!.appraiser!.feedbackSummary!.count).toBeGreaterThan(0);
    const anonymous = await hub.graphql(SUMMARY, { variables: { id } });
    expect(anonymous.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });
});

describe("complaints", () => {
  it("runs SUBMITTED → ACKNOWLEDGED → INVESTIGATING → RESOLVED with a response day, and offers the next steps for a confirmed false appraisal", async () => {
    const posted = await post("GS-PSB", {
      idempotencyKey: "complaint-1",
      kind: "COMPLAINT",
      appraiserId: await appraiserId("王强"),
      ratings: {},
      suspectedFalseAppraisal: true,
      comment: "鉴定意见与检材不符。",
    });
    const complaint = posted.body.data!.postCaseFeedback!.feedback;
    expect(complaint.complaintStatus).toBe("SUBMITTED");
    expect(complaint.complaintRespondBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const skip = await hub.graphql(HANDLE, { as: "XY-IPAA", variables: { id: complaint.id, v: complaint.version, input: { to: "RESOLVED", note: "x", resolution: "x", violationConfirmed: true } } });
    expect(skip.body.errors?.[0].extensions.code).toBe("INVALID_STATE_TRANSITION");
    expect((await hub.graphql(HANDLE, { as: "XY-COURT", variables: { id: complaint.id, v: 1, input: { to: "ACKNOWLEDGED", note: "x" } } })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    expect((await hub.graphql(HANDLE, { as: "XX-AMR", variables: { id: complaint.id, v: 1, input: { to: "ACKNOWLEDGED", note: "x" } } })).body.errors?.[0].extensions.code).toBe("NOT_FOUND");

    let v = complaint.version;
    const steps: HandleComplaintInput[] = [
      { to: "ACKNOWLEDGED", note: "已受理" },
      { to: "INVESTIGATING", note: "调查中" },
    ];
    for (const input of steps) {
      const res = await hub.graphql(HANDLE, { as: "XY-IPAA", variables: { id: complaint.id, v, input } });
      v = res.body.data!.handleComplaint!.version;
    }
    const noResolution = await hub.graphql(HANDLE, { as: "XY-AMR", variables: { id: complaint.id, v, input: { to: "RESOLVED", note: "核查完毕" } } });
    expect(noResolution.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.resolution" });
    const resolved = await hub.graphql(HANDLE, { as: "XY-AMR", variables: { id: complaint.id, v, input: { to: "RESOLVED", note: "核查完毕", resolution: "虚假鉴定属实", violationConfirmed: true } } });
    expect(resolved.body.data!.handleComplaint).toMatchObject({
      complaintStatus: "RESOLVED",
      violationConfirmed: true,
      nextSteps: ["RECORD_CREDIT_EVENT", "SUSPEND_LISTING"],
      complaintHistory: [
        { toStatus: "ACKNOWLEDGED", actorAgencyCode: "XY-IPAA" },
        { toStatus: "INVESTIGATING", actorAgencyCode: "XY-IPAA" },
        { toStatus: "RESOLVED", actorAgencyCode: "XY-AMR" },
      ],
    });
    const summary = (await hub.data(graphql(`query FeedbackInstitutionSummary { institution(creditCode: "91411500MA9F3K2L21") { feedbackSummary { complaintsLast12Months complaintsTotal } } }`), { as: "XY-COURT" })).institution!.feedbackSummary!;
    expect(summary.complaintsLast12Months).toBeGreaterThanOrEqual(1);
  });
});

describe("supervision records", () => {
  it("records an inspection for the institution's region and shows it to supervisors and the institution only", async () => {
    const inst = await institutionId("91410700MA9G0T8C63");
    const RECORD = graphql(`mutation FeedbackRecordInspection($input: RecordInspectionInput!) { recordInspection(input: $input) { id result score } }`);
    const input: RecordInspectionInput = { institutionId: inst, kind: "PRACTICE_INSPECTION", conductedOn: "2025-08-01", result: "RECTIFICATION_REQUIRED", score: 71.5, findings: "档案不全" };
    const noDeadline = await hub.graphql(RECORD, { as: "XX-AMR", variables: { input } });
    expect(noDeadline.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.rectificationDeadline" });
    expect((await hub.graphql(RECORD, { as: "XY-AMR", variables: { input: { ...input, rectificationDeadline: "2025-09-01" } } })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    const ok = await hub.graphql(RECORD, { as: "XX-AMR", variables: { input: { ...input, rectificationDeadline: "2025-09-01" } } });
    expect(ok.body.data!.recordInspection).toMatchObject({ result: "RECTIFICATION_REQUIRED", score: 71.5 });
    const records = async (as: string) =>
      (await hub.data(graphql(`query FeedbackSupervisionRecords { institution(creditCode: "91410700MA9G0T8C63") { supervisionRecords { findings } } }`), { as })).institution!.supervisionRecords!.length;
    expect(await records("XX-AMR")).toBe(1);
    expect(await records("XX-HXJD")).toBe(1);
    expect(await records("HA-AMR")).toBe(1);
    expect(await records("XX-COURT")).toBe(0);
    expect(await records("XY-AMR")).toBe(0);
  });
});

describe("complaint deadlines and the working-day calendar", () => {
  /** A made-up 2028 notice (the real one is not published yet): Spring Festival Tue 01-25 … Wed 02-02, no make-up days. */
  const NOTICE_2028 = [
    "day,kind,name,source",
    "2028-01-01,HOLIDAY,元旦,测试用2028年通知（虚构）",
    ...Array.from({ length: 9 }, (_, i) => `${addDays("2028-01-25", i)},HOLIDAY,春节,测试用2028年通知（虚构）`),
  ].join("\n");
  const DEADLINES = graphql(`query FeedbackCaseDeadlines($id: ID!) { appraisalCase(id: $id) { deadlines { acceptBy provisional provisionalYears } } }`);

  it("marks the stored years by their notices and keeps each complaint's working days when migrating; the shipped file then confirms 2026", async () => {
    const ds = hub.db.dataSource;
    const posted = await post("XY-COURT", { idempotencyKey: "calendar-migration-1", kind: "COMPLAINT", appraiserId: await appraiserId("张伟"), ratings: {}, comment: "报告迟交。" });
    const id = posted.body.data!.postCaseFeedback!.feedback.id;
    const migration = new CalendarYears1764500000000();
    const runner = ds.createQueryRunner();
    try {
      await migration.down(runner);
      // The database as the hub left it before issue 12: 2026 still "to be checked", 2027 statutory days only, and a
      // complaint filed Fri 2025-01-24 whose response day, 7 working days on, crosses the 2025 Spring Festival.
      await runner.query(`UPDATE calendar_days SET source = '2026年部分节假日安排（待核对）' WHERE day BETWEEN '2026-01-01' AND '2026-12-31'`);
      await runner.query(`INSERT INTO calendar_days (day, kind, name, source) VALUES ('2027-02-05', 'HOLIDAY', '春节', '法定节假日（暂定：2027年安排公布前仅含法定假日，无调休）')`);
      await runner.query(`UPDATE case_feedback SET posted_at = '2025-01-24T02:00:00Z', complaint_respond_by = '2025-02-10' WHERE id = $1`, [id]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await ds.query(`SELECT year, status FROM calendar_years WHERE year <= 2026 ORDER BY year`)).toEqual([
      { year: 2024, status: "CONFIRMED" },
      { year: 2025, status: "CONFIRMED" },
      { year: 2026, status: "PROVISIONAL" },
    ]);
    expect(await one(`SELECT count(*)::int AS n FROM calendar_days WHERE source LIKE '法定节假日（暂定%'`)).toEqual({ n: 0 });
    expect(await one(`SELECT complaint_response_working_days AS n FROM case_feedback WHERE id = $1`, [id])).toEqual({ n: 7 });

    await syncShippedCalendar(ds);
    expect(await one(`SELECT status, source FROM calendar_years WHERE year = 2026`)).toEqual({ status: "CONFIRMED", source: "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）" });
    expect(await one(`SELECT count(*)::int AS n FROM calendar_days WHERE source LIKE '%待核对%'`)).toEqual({ n: 0 });
    expect(await one(`SELECT to_char(complaint_respond_by, 'YYYY-MM-DD') AS d FROM case_feedback WHERE id = $1`, [id])).toEqual({ d: "2025-02-10" });
  });

  it("recomputes a stored complaint deadline when the calendar is synced or a notice imported; importing a year's notice confirms it", async () => {
    const ds = hub.db.dataSource;
    const posted = await post("XY-COURT", { idempotencyKey: "calendar-complaint-1", kind: "COMPLAINT", appraiserId: await appraiserId("张伟"), ratings: {}, comment: "出庭迟到。" });
    expect(posted.body.errors).toBeUndefined();
    const id = posted.body.data!.postCaseFeedback!.feedback.id;
    const respondBy = async () => (await one(`SELECT to_char(complaint_respond_by, 'YYYY-MM-DD') AS d FROM case_feedback WHERE id = $1`, [id])).d;
    // As if filed on Thu 2028-01-20 with 15 working days counted as before issue 12, with no 2028 holiday at all.
    await ds.query(`UPDATE case_feedback SET posted_at = '2028-01-20T02:00:00Z', complaint_respond_by = '2028-02-10' WHERE id = $1`, [id]);

    // Start-up: 2028 has no notice, so its Spring Festival is estimated (除夕 01-25 … 02-01): 15 working days end on 02-18.
    await syncShippedCalendar(ds);
    expect(await respondBy()).toBe("2028-02-18");
    expect(await one(`SELECT count(*)::int AS n FROM calendar_years WHERE year = 2028`)).toEqual({ n: 0 });

    // A case entrusted on the same day rests on the estimate too, and says so.
    const entrusted = await hub.graphql(graphql(`mutation FeedbackEntrust($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id } } }`), {
      as: "XY-COURT",
      variables: { input: { idempotencyKey: "calendar-case-1", agencyCaseNo: "(2025)豫15知民初2028号", institutionId: (await one(`SELECT id FROM institutions WHERE credit_code = '91411500MA9F3K2L21'`)).id, technicalField: "PATENT", matter: "专利侵权比对" } },
    });
    expect(entrusted.body.errors).toBeUndefined();
    const caseId = entrusted.body.data!.entrustAppraisal!.appraisalCase.id;
    await ds.query(`UPDATE appraisal_cases SET entrusted_on = '2028-01-20' WHERE id = $1`, [caseId]);
    const deadlines = async () => (await hub.data(DEADLINES, { as: "XY-COURT", variables: { id: caseId } })).appraisalCase!.deadlines;
    expect(await deadlines()).toEqual({ acceptBy: "2028-02-08", provisional: true, provisionalYears: [2028] });

    // `hub import holidays` with the notice: 2028 becomes confirmed, and the stored day moves to 02-21.
    const result = await writeCalendar(ds, parseCalendar(NOTICE_2028), { overwrite: true });
    expect(result).toMatchObject({ daysWritten: 10, years: [{ year: 2028, status: "CONFIRMED" }] });
    expect(result.complaintDeadlinesMoved).toBeGreaterThanOrEqual(1);
    expect(await one(`SELECT status FROM calendar_years WHERE year = 2028`)).toEqual({ status: "CONFIRMED" });
    expect(await respondBy()).toBe("2028-02-21");
    expect(await deadlines()).toEqual({ acceptBy: "2028-02-09", provisional: false, provisionalYears: [] });
    const complaint = await hub.graphql(graphql(`query FeedbackComplaintDay($id: ID!) { caseFeedback(id: $id) { complaintRespondBy version } }`), { as: "XY-COURT", variables: { id } });
    expect(complaint.body.data!.caseFeedback).toEqual({ complaintRespondBy: "2028-02-21", version: posted.body.data!.postCaseFeedback!.feedback.version });

    // The next start-up keeps the imported notice and the day it gave.
    await syncShippedCalendar(ds);
    expect(await respondBy()).toBe("2028-02-21");
  });

  it("warns at start when the confirmed calendar ends within 12 months", async () => {
    const lines: string[] = [];
    const logger = createLogger("warn", { write: (line: string) => void lines.push(line) });
    const warning = await warnWhenCalendarEndsSoon(hub.db.dataSource, logger, "2026-11-26");
    expect(warning).toBe("the working-day calendar is confirmed only until 2026-12-31; import the State Council notice with hub import holidays");
    expect(lines.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ level: "warn", msg: warning, confirmedUntil: "2026-12-31" })]);
    expect(await warnWhenCalendarEndsSoon(hub.db.dataSource, logger, "2025-11-26")).toBeNull();
    expect(lines).toHaveLength(1);
  });
});

