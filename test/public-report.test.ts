import { startTestHub, TestHub } from "./support/test-hub";
import { creditCodeFor } from "./support/directory";

/**
 * 受理公众举报 (issue 18): anyone reports an institution without signing in; the bureau covering it triages;
 * the reporter follows the report with a receipt code that tells its status and nothing else.
 */
describe("public reports", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ env: { HUB_PUBLIC_REPORTS_PER_HOUR: "4" } });
  }, 60_000);
  afterAll(() => hub?.stop());

  const SUBMIT = `mutation($input: SubmitPublicReportInput!) { submitPublicReport(input: $input) { receiptCode status receivedAt } }`;
  const STATUS = `query($code: String!) { publicReportStatus(receiptCode: $code) { status receivedAt triagedAt } }`;
  const LIST = `{ publicReports(first: 10) { edges { node { id version subjectCreditCode subjectName description status contact regionCode institution { name } } } } }`;
  const TRIAGE = `mutation($id: ID!, $v: Int!, $input: TriagePublicReportInput!) { triagePublicReport(id: $id, expectedVersion: $v, input: $input) { status triageReason mergedInto { id } } }`;
  const ZYJD = { subjectCreditCode: "91411500MA9F3K2L21", subjectName: "信阳中原知识产权鉴定中心" };

  it("takes a report anonymously, lets only the bureau covering the subject triage it, and tells the reporter its status and nothing else", async () => {
    const submitted = await hub.graphql(SUBMIT, { variables: { input: { ...ZYJD, description: "该机构鉴定人未到场却在鉴定意见书上签名。", contact: "13912345678" } } });
    expect(submitted.body.errors).toBeUndefined();
    const receipt = submitted.body.data.submitPublicReport;
    expect(receipt).toMatchObject({ status: "RECEIVED", receiptCode: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/) });
    // The code is kept hashed: the database never holds it.
    expect(await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM public_reports WHERE receipt_hash = $1 OR description LIKE $1`, [receipt.receiptCode])).toEqual([{ n: 0 }]);

    // The reporter: the status, nothing of the content; typed back loosely, the code still works.
    const progress = await hub.graphql(STATUS, { variables: { code: receipt.receiptCode.toLowerCase().replace(/-/g, " ") } });
    expect(progress.body.data.publicReportStatus).toEqual({ status: "RECEIVED", receivedAt: receipt.receivedAt, triagedAt: null });
    expect((await hub.graphql(`query($code: String!) { publicReportStatus(receiptCode: $code) { status description } }`, { variables: { code: receipt.receiptCode } })).body.errors?.[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect((await hub.graphql(STATUS, { variables: { code: "0000-0000-0000-0000" } })).body.data.publicReportStatus).toBeNull();

    // Who sees the report: the bureaus covering 信阳; not 新乡's, not a court, not the institution, not the public.
    const seen = async (as?: string) => {
      const res = await hub.graphql(LIST, as ? { as } : {});
      return res.body.errors ? res.body.errors[0].extensions.code : res.body.data.publicReports.edges.length;
    };
    expect(await seen("XY-AMR")).toBe(1);
    expect(await seen("HA-AMR")).toBe(1);
    expect(await seen("XX-AMR")).toBe(0);
    for (const as of ["XY-COURT", "XY-IPAA", "XY-ZYJD", undefined]) expect(await seen(as)).toBe("FORBIDDEN");

    const [report] = (await hub.graphql(LIST, { as: "XY-AMR" })).body.data.publicReports.edges.map((e: { node: unknown }) => e.node);
    expect(report).toMatchObject({ ...ZYJD, status: "RECEIVED", contact: "13912345678", regionCode: "411500", institution: { name: "信阳中原知识产权鉴定中心" } });
    await hub.hub.deps.trail.flush();
    const reads = await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE operation = 'read:PublicReport.contact' AND entity_id = $1`, [report.id]);
    // Read in full three times (XY-AMR twice, HA-AMR once): each read audited.
    expect(reads).toEqual([{ n: 3 }]);

    expect((await hub.graphql(TRIAGE, { as: "XX-AMR", variables: { id: report.id, v: report.version, input: { outcome: "ACCEPT", reason: "受理" } } })).body.errors?.[0].extensions.code).toBe("NOT_FOUND");
    const accepted = await hub.graphql(TRIAGE, { as: "XY-AMR", variables: { id: report.id, v: report.version, input: { outcome: "ACCEPT", reason: "线索具体，予以受理" } } });
    expect(accepted.body.data.triagePublicReport).toEqual({ status: "ACCEPTED", triageReason: "线索具体，予以受理", mergedInto: null });
    const again = await hub.graphql(TRIAGE, { as: "XY-AMR", variables: { id: report.id, v: report.version + 1, input: { outcome: "DISMISS", reason: "重复" } } });
    expect(again.body.errors?.[0].extensions).toEqual({ code: "INVALID_STATE_TRANSITION", from: "ACCEPTED", to: "DISMISSED" });

    // Accepted, it is a complaint about the institution on the reporter's behalf, handled like any other.
    const [{ id: zyjd }] = await hub.db.dataSource.query(`SELECT id FROM institutions WHERE credit_code = $1`, [ZYJD.subjectCreditCode]);
    const complaint = await hub.graphql(`query($id: ID!) { caseFeedbacks(first: 10, filter: { kind: COMPLAINT, institutionId: $id }) { edges { node { comment partyName partyContact complaintStatus postingAgencyCode } } } }`, { as: "XY-AMR", variables: { id: zyjd } });
    expect(complaint.body.data.caseFeedbacks.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      comment: "该机构鉴定人未到场却在鉴定意见书上签名。", partyName: "公众举报人", partyContact: "13912345678", complaintStatus: "SUBMITTED", postingAgencyCode: "XY-AMR",
    });

    const later = (await hub.graphql(STATUS, { variables: { code: receipt.receiptCode } })).body.data.publicReportStatus;
    expect(later).toMatchObject({ status: "ACCEPTED", triagedAt: expect.any(String) });
  });

  it("merges a report into another about the same subject, and refuses input that is not a report", async () => {
    const second = (await hub.graphql(SUBMIT, { variables: { input: { ...ZYJD, description: "同一事项再次举报。" } } })).body.data.submitPublicReport;
    expect(second.status).toBe("RECEIVED");
    const nodes = (await hub.graphql(LIST, { as: "XY-AMR" })).body.data.publicReports.edges.map((e: { node: { id: string; version: number; status: string } }) => e.node);
    const [fresh, first] = nodes;
    expect(fresh.status).toBe("RECEIVED");
    const merged = await hub.graphql(TRIAGE, { as: "XY-AMR", variables: { id: fresh.id, v: fresh.version, input: { outcome: "MERGE", reason: "同一事项", mergeIntoId: first.id } } });
    expect(merged.body.errors).toBeUndefined();
    expect(merged.body.data.triagePublicReport).toEqual({ status: "MERGED", triageReason: "同一事项", mergedInto: { id: first.id } });

    const bad = await hub.graphql(SUBMIT, { variables: { input: { subjectCreditCode: "91411500MA9F3K2L22", subjectName: "", description: "x" } } });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(bad.body.errors?.[0].extensions.problems.map((p: { field: string }) => p.field)).toEqual(["input.subjectCreditCode", "input.subjectName"]);
  });

  it("accepts as a complaint only a report naming an institution of the directory", async () => {
    // A valid credit code the directory does not hold: the report belongs to its registration region (信阳).
    const submitted = await hub.graphql(SUBMIT, { variables: { input: { subjectCreditCode: creditCodeFor("411500", 4242), subjectName: "某咨询公司", description: "冒用鉴定机构名义。" } } });
    expect(submitted.body.errors).toBeUndefined();
    const [outside] = await hub.db.dataSource.query(`SELECT id, version, region_code FROM public_reports WHERE description = '冒用鉴定机构名义。'`);
    expect(outside.region_code).toBe("411500");
    const accepted = await hub.graphql(TRIAGE, { as: "XY-AMR", variables: { id: outside.id, v: outside.version, input: { outcome: "ACCEPT", reason: "受理" } } });
    expect(accepted.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.outcome" });
    const dismissed = await hub.graphql(TRIAGE, { as: "XY-AMR", variables: { id: outside.id, v: outside.version, input: { outcome: "DISMISS", reason: "非鉴定机构，移交属地市场监管部门" } } });
    expect(dismissed.body.data.triagePublicReport.status).toBe("DISMISSED");
  });

  it("limits reports per address: the fifth in the hour is RATE_LIMITED and stores nothing", async () => {
    const [{ n: before }] = await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM public_reports`);
    // Three were filed above from this (in-process, anonymous) address; the fourth passes, the fifth does not.
    const fourth = await hub.graphql(SUBMIT, { variables: { input: { ...ZYJD, description: "第四份举报。" } } });
    expect(fourth.body.errors).toBeUndefined();
    const fifth = await hub.graphql(SUBMIT, { variables: { input: { ...ZYJD, description: "第五份举报。" } } });
    expect(fifth.body.errors?.[0].extensions.code).toBe("RATE_LIMITED");
    expect(await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM public_reports`)).toEqual([{ n: before + 1 }]);
  });
});
