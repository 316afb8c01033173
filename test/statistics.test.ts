import { regionCovers, regionLevel } from "../src/auth/region";
import { queryCounter } from "../src/db/data-source";
import { IndustrySection } from "../src/domain/industry";
import { CollaborationKind } from "../src/domain/collaboration-enums";
import { CreditBehaviour, CreditSeverity } from "../src/domain/credit-enums";
import { CreditGrade, CultivationStage, ListingLevel, ListingStatus, TechnicalField } from "../src/domain/directory-enums";
import { allRegions, findRegion } from "../src/domain/region-directory";
import { AgencyKind } from "../src/entities/agency-kind";
import { LABELS } from "../src/services/statistics/labels";
import { addBureau } from "./support/agencies";
import { creditCodeFor } from "./support/directory";
import { GraphqlResponse, startTestHub, TestHub } from "./support/test-hub";
import { graphql } from "./gql";
import type {
  StatsAbnormalPatentsQuery,
  StatsBreakdownFragment,
  StatsCasesQuery,
  StatsCollaborationQuery,
  StatsCreditQuery,
  StatsDirectoryQuery,
  StatsDirectoryQueryVariables,
  StatsFeedbackQuery,
} from "./gql/graphql";

/**
 * statistics(regionCode, from, to) through the real schema, on a fixture in 南阳 (411300), where the demo
 * has nothing: who may ask for which region, small-count suppression for courts, procuratorates and police
 * (and not for bureaus and associations, nor when the threshold is 1), and the figures of every section
 * against hand-computed values or the raw rows.
 */
let hub: TestHub;
const ids: Record<string, string> = {};

/** The whole statistics, asked section by section and in parallel, as the dashboard does. */
// The fragments the sections spread (graphql() makes them known to codegen, which appends them to each document).
graphql(`fragment StatsHeader on Statistics { regionCode regionName from to threshold }`);
graphql(`fragment StatsBreakdown on StatBreakdown { key total totalSuppressed cells { key value suppressed } }`);
graphql(`fragment StatsRate on StatisticsWithdrawalRate { key label itemCount withdrawnCount appealUpheldCount withdrawalRate meetsTarget suppressed }`);
const SECTIONS = {
  directory: graphql(`query StatsDirectory($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader directory {
    institutionsByStatus { ...StatsBreakdown } institutionsByLevel { ...StatsBreakdown } institutionsByField { ...StatsBreakdown } institutionsByRegion { ...StatsBreakdown }
    cultivation { ...StatsBreakdown } institutionCreditGrades { ...StatsBreakdown } appraisersByField { ...StatsBreakdown } appraisersByTitleLevel { ...StatsBreakdown }
    appraisersByRegion { ...StatsBreakdown } appraiserCreditGrades { ...StatsBreakdown } } } }`),
  cases: graphql(`query StatsCases($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader cases {
    entrustedByAgencyKind { ...StatsBreakdown } entrustedByMonth { ...StatsBreakdown } open overdue openByRegion { ...StatsBreakdown } overdueByRegion { ...StatsBreakdown }
    issued medianWorkingDays onTimeRate courtAppearancesRequested courtAppearancesAttended courtAppearancesMissed opinionAdoptionRate } } }`),
  feedback: graphql(`query StatsFeedback($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader feedback {
    count averages { timeliness professionalism reportQuality conduct courtPerformance } adoptionRate feedbackByMonth { ...StatsBreakdown }
    ratingsByMonth { month count averages { timeliness } } complaintsByMonth { ...StatsBreakdown } complaintsByRegion { ...StatsBreakdown } complaintsResolvedByRegion { ...StatsBreakdown }
    institutions(first: 100) { institutionId name regionCode count averages { timeliness } complaints complaintsSuppressed } } } }`),
  credit: graphql(`query StatsCredit($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader credit {
    activeByBehaviour { ...StatsBreakdown } activeBySeverity { ...StatsBreakdown } repairs { ...StatsBreakdown } repairRate institutionGrades { ...StatsBreakdown }
    appraiserGrades { ...StatsBreakdown } } } }`),
  abnormalPatents: graphql(`query StatsAbnormalPatents($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader abnormalPatents {
    withdrawalTarget total { ...StatsRate } byBatch { ...StatsRate } byRegion { ...StatsRate } } } }`),
  collaboration: graphql(`query StatsCollaboration($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader collaboration {
    opened closed byKind { ...StatsBreakdown } flows { fromKind toKind count } responded averageResponseHours } } }`),
};

type Section<Q extends { statistics: unknown }> = NonNullable<Q["statistics"]>;
/** The six sections' answers merged: the header once, and each section (null when the hub refused it). */
type Statistics = Section<StatsDirectoryQuery> &
  Section<StatsCasesQuery> &
  Section<StatsFeedbackQuery> &
  Section<StatsCreditQuery> &
  Section<StatsAbnormalPatentsQuery> &
  Section<StatsCollaborationQuery>;
type StatisticsVariables = StatsDirectoryQueryVariables;
type Errors = NonNullable<GraphqlResponse["body"]["errors"]>;
/** The merged answer when every section succeeded, else the first body that carried errors. */
type StatisticsBody = { data: { statistics: Statistics }; errors?: undefined } | { data?: { statistics: Partial<Statistics> | null }; errors: Errors };

type Breakdown = StatsBreakdownFragment;

const cell = <C extends { key: string }>(b: { cells: C[] }, key: string) => b.cells.find((c) => c.key === key)!;
const values = (b: { cells: Array<{ key: string; value: number | null }> }) => Object.fromEntries(b.cells.filter((c) => c.value !== 0).map((c) => [c.key, c.value]));

/** Every section for `as`, merged into one `statistics` object; the first body with errors when a section answered with errors. */
async function statisticsBody(as: string, variables: StatisticsVariables): Promise<StatisticsBody> {
  const [directory, cases, feedback, credit, abnormalPatents, collaboration] = await Promise.all([
    hub.graphql(SECTIONS.directory, { as, variables }),
    hub.graphql(SECTIONS.cases, { as, variables }),
    hub.graphql(SECTIONS.feedback, { as, variables }),
    hub.graphql(SECTIONS.credit, { as, variables }),
    hub.graphql(SECTIONS.abnormalPatents, { as, variables }),
    hub.graphql(SECTIONS.collaboration, { as, variables }),
  ]);
  const failed = [directory, cases, feedback, credit, abnormalPatents, collaboration].map((r) => r.body).find((b) => b.errors);
  if (failed) return { data: failed.data, errors: failed.errors! };
  return {
    data: {
      statistics: {
        ...directory.body.data!.statistics!,
        ...cases.body.data!.statistics!,
        ...feedback.body.data!.statistics!,
        ...credit.body.data!.statistics!,
        ...abnormalPatents.body.data!.statistics!,
        ...collaboration.body.data!.statistics!,
      },
    },
  };
}

/** The merged statistics of a call that must succeed. */
async function statistics(as: string, variables: StatisticsVariables): Promise<Statistics> {
  const body = await statisticsBody(as, variables);
  if (body.errors) throw new Error(`the statistics failed: ${JSON.stringify(body.errors.map((e) => [e.extensions.code, e.message]))}`);
  return body.data.statistics;
}

async function sql(text: string, params: unknown[] = []) {
  return hub.db.dataSource.query(text, params);
}

/** Every breakdown in a response, wherever it sits. */
function breakdowns(value: unknown, out: Breakdown[] = []): Breakdown[] {
  if (Array.isArray(value)) value.forEach((v) => breakdowns(v, out));
  else if (value && typeof value === "object") {
    if ("cells" in value && "totalSuppressed" in value) out.push(value as Breakdown);
    Object.values(value).forEach((v) => breakdowns(v, out));
  }
  return out;
}

beforeAll(async () => {
  hub = await startTestHub();
  for (const [code, kind, region] of [
    ["NY-AMR", "MARKET_REGULATION", "411300"],
    ["NY-COURT", "COURT", "411300"],
    ["NY-PROC", "PROCURATORATE", "411300"],
    ["NY-PSB", "POLICE", "411300"],
    ["NY-IPAA", "INDUSTRY_ASSOCIATION", "411300"],
    ["WC-COURT", "COURT", "411302"],
  ]) {
    await addBureau(hub, { code, name: `南阳 ${code}`, regionCode: region, kind });
  }
  for (const row of await sql(`SELECT id, code FROM agencies`)) ids[row.code] = row.id;

  // Institutions: two listed (宛城区, 卧龙区), one under review (南召县), one removed at city level.
  const institutions: Array<[string, string, string, string, string | null, string | null, string | null]> = [
    ["I1", "411302", "LISTED", "{PATENT}", "MUNICIPAL", "A", "CULTIVATING"],
    ["I2", "411303", "LISTED", "{PATENT,TRADEMARK}", "PROVINCIAL", "C", null],
    ["I3", "411321", "UNDER_REVIEW", "{TRADEMARK}", null, null, "CANDIDATE"],
    ["I4", "411300", "REMOVED", "{COPYRIGHT}", null, "D", null],
  ];
  for (const [name, region, status, fields, level, grade, stage] of institutions) {
    const [{ id }] = await sql(
      `INSERT INTO institutions (name, credit_code, region_code, listing_status, technical_fields, listing_level, credit_grade, cultivation_stage)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [`南阳机构${name}`, creditCodeFor(region, 900 + Number(name.slice(1))), region, status, fields, level, grade, stage],
    );
    ids[name] = id;
  }
  // Practising appraisers: 5 in 宛城区 (I1), 1 in 卧龙区 (I2), 4 in 南召县 without an institution; one retired.
  const appraisers: Array<[string, string | null, number, string, string | null]> = [
    ["411302", "I1", 5, `[{"title":"高级工程师","level":"SENIOR"}]`, null],
    ["411303", "I2", 1, `[{"title":"工程师","level":"INTERMEDIATE"}]`, "D"],
    ["411321", null, 4, `[]`, null],
  ];
  let n = 0;
  for (const [region, institution, count, titles, grade] of appraisers) {
    for (let i = 0; i < count; i++, n++) {
      const [{ id }] = await sql(
        `INSERT INTO appraisers (name, id_number_sealed, id_number_hash, id_number_masked, institution_id, region_code, technical_fields, titles, credit_grade)
         VALUES ($1, 'sealed', md5($1) || md5($1 || 'x'), '411300********0000', $2, $3, '{PATENT}', $4::jsonb, $5) RETURNING id`,
        [`南阳鉴定人${n}`, institution ? ids[institution] : null, region, titles, grade],
      );
      if (institution && !ids[`${institution}-appraiser`]) ids[`${institution}-appraiser`] = id;
    }
  }
  await sql(`INSERT INTO appraisers (name, id_number_sealed, id_number_hash, id_number_masked, region_code, status) VALUES ('退休鉴定人', 's', md5('r') || md5('rr'), 'x', '411302', 'RETIRED')`);

  // Feedback (2025) by 南阳's court about I1 and I2, at China-time month edges.
  const feedback: Array<[string, string, string, number, boolean | null, string | null]> = [
    ["I1", "EVALUATION", "2025-03-14T15:59:00Z", 5, true, null], // 2025-03-14 23:59 in China
    ["I1", "EVALUATION", "2025-03-14T16:00:00Z", 4, true, null], // 2025-03-15 00:00
    ["I1", "EVALUATION", "2025-04-30T16:30:00Z", 3, false, null], // 2025-05-01 00:30: May, not April
    ["I1", "COMPLAINT", "2025-06-10T02:00:00Z", 1, null, "SUBMITTED"],
    ["I1", "COMPLAINT", "2025-07-10T02:00:00Z", 2, null, "SUBMITTED"],
    ["I2", "EVALUATION", "2025-08-01T02:00:00Z", 2, true, null],
    ["I2", "COMPLAINT", "2025-09-01T02:00:00Z", 1, null, "SUBMITTED"],
    ["I2", "COMPLAINT", "2025-09-02T02:00:00Z", 1, null, "SUBMITTED"],
    ["I2", "COMPLAINT", "2025-10-10T15:00:00Z", 1, null, "SUBMITTED"], // 2025-10-10 23:00
    ["I2", "COMPLAINT", "2025-10-10T16:00:00Z", 1, null, "SUBMITTED"], // 2025-10-11 00:00: after a period ending 10-10
    ["I2", "COMPLAINT", "2025-11-20T02:00:00Z", 2, null, "SUBMITTED"],
  ];
  for (const [i, [institution, kind, at, rating, adopted, complaint]] of feedback.entries()) {
    await sql(
      `INSERT INTO case_feedback (kind, posting_agency_id, posting_agency_code, posting_region_code, agency_case_no, appraiser_id, institution_id,
         institution_region_code, rating_timeliness, rating_professionalism, opinion_adopted, posted_at, complaint_status)
       SELECT $1, $2, 'NY-COURT', '411300', $3, $4, i.id, i.region_code, $5, $5, $6, $7, $8 FROM institutions i WHERE i.id = $9`,
      [kind, ids["NY-COURT"], `(2025)豫13知民初${i}号`, ids[`${institution}-appraiser`], rating, adopted, at, complaint, ids[institution]],
    );
  }
  // One complaint is resolved later: the rollup follows updates.
  await sql(`UPDATE case_feedback SET complaint_status = 'RESOLVED' WHERE posted_at = '2025-09-01T02:00:00Z'`);

  // Cases of I1 entrusted by 南阳's court: three issued in 2025 (10, 4 and 43 working days; the last one late),
  // one still waiting for acceptance since 2025-10-09 (overdue on every later day).
  const cases: Array<[string, string, string | null, string | null]> = [
    ["ISSUED", "2025-09-01", "2025-09-01", "2025-09-15"],
    ["ISSUED", "2025-06-02", "2025-06-02", "2025-06-06"],
    ["CLOSED", "2025-07-01", "2025-07-01", "2025-08-29"],
    ["ENTRUSTED", "2025-10-09", null, null],
  ];
  for (const [i, [status, entrusted, accepted, issued]] of cases.entries()) {
    const [{ id }] = await sql(
      `INSERT INTO appraisal_cases (entrusting_agency_id, entrusting_agency_code, entrusting_region_code, agency_case_no, agency_case_no_key, institution_id, institution_region_code,
         technical_field, matter, status, entrusted_on, accepted_on, issued_on)
       VALUES ($1, 'NY-COURT', '411300', $2, $2, $3, '411302', 'PATENT', '专利侵权比对', $4, $5, $6, $7) RETURNING id`,
      [ids["NY-COURT"], `(2025)豫13知民初${100 + i}号`, ids.I1, status, entrusted, accepted, issued],
    );
    ids[`case${i}`] = id;
  }
  for (const [to, day] of [["COURT_APPEARANCE_REQUESTED", "2025-09-20"], ["APPEARED", "2025-10-15"], ["COURT_APPEARANCE_REQUESTED", "2024-12-01"]]) {
    await sql(`INSERT INTO case_events (case_id, action, from_status, to_status, occurred_on, actor_agency_code) VALUES ($1, 'X', 'ISSUED', $2, $3, 'NY-COURT')`, [
      ids.case2,
      to,
      day,
    ]);
  }

  // Credit: two active records about 宛城区 subjects, one serious; one repaired in 2025.
  const records: Array<[string, string, string, string | null, string | null]> = [
    ["FALSE_APPRAISAL", "SERIOUS", "ACTIVE", null, null],
    ["UNJUSTIFIED_ABSENCE", "GENERAL", "ACTIVE", null, null],
    ["UNJUSTIFIED_ABSENCE", "GENERAL", "REPAIRED", "2025-05-01", "2025-05-20"],
  ];
  for (const [i, [behaviour, severity, status, requested, decided]] of records.entries()) {
    await sql(
      `INSERT INTO credit_records (subject_type, subject_credit_code, subject_institution_id, subject_name, subject_region_code, behaviour, severity,
         deciding_agency_code, decision_doc_no, basis, decided_on, publish_from, publish_until, status, repair_requested_on, repair_decided_on)
       VALUES ('INSTITUTION', $1, $2, '南阳机构I1', '411302', $3, $4, 'NY-AMR', $5, '依据', '2025-01-10', '2025-01-10', '2099-01-10', $6, $7, $8)`,
      [creditCodeFor("411302", 901), ids.I1, behaviour, severity, `宛市监信〔2025〕${i}号`, status, requested, decided],
    );
  }

  // Collaboration: 南阳's bureau transfers a case to its police (answered 6 hours later) and to its procuratorate.
  const [{ id: record }] = await sql(
    `INSERT INTO collaboration_records (kind, title, initiator_agency_id, initiator_agency_code, region_code, opened_at)
     VALUES ('CASE_TRANSFER', '移送涉嫌假冒专利案', $1, 'NY-AMR', '411300', '2025-04-01T02:00:00Z') RETURNING id`,
    [ids["NY-AMR"]],
  );
  await sql(
    `INSERT INTO collaboration_participants (record_id, agency_id, agency_code, role) VALUES ($1, $2, 'NY-AMR', 'INITIATOR'), ($1, $3, 'NY-PSB', 'PARTICIPANT'), ($1, $4, 'NY-PROC', 'PARTICIPANT')`,
    [record, ids["NY-AMR"], ids["NY-PSB"], ids["NY-PROC"]],
  );
  await sql(
    `INSERT INTO collaboration_events (record_id, kind, actor_agency_code, occurred_at) VALUES ($1, 'SENT', 'NY-AMR', '2025-04-01T02:00:00Z'), ($1, 'ACCEPTED', 'NY-PSB', '2025-04-01T08:00:00Z')`,
    [record],
  );
}, 120_000);
afterAll(() => hub?.stop());

const YEAR_2025 = { region: "411300", from: "2025-01-01", to: "2025-12-31" };

describe("who may ask for which region", () => {
  // caller × region → FORBIDDEN, or the threshold that applies to the caller.
  const MATRIX: Array<[string, string, "FORBIDDEN" | number]> = [
    ["NY-COURT", "411300", 3],
    ["NY-PROC", "411300", 3],
    ["NY-PSB", "411300", 3],
    ["NY-AMR", "411300", 1],
    ["NY-IPAA", "411300", 1],
    ["HA-AMR", "411300", 1],
    ["CNIPA", "411300", 1],
    ["WC-COURT", "411302", 3],
    ["WC-COURT", "411300", "FORBIDDEN"],
    ["NY-COURT", "411500", "FORBIDDEN"],
    ["NY-PSB", "410000", "FORBIDDEN"],
    ["XY-AMR", "411300", "FORBIDDEN"],
    ["NY-IPAA", "411500", "FORBIDDEN"],
    ["XY-ZYJD", "411500", "FORBIDDEN"],
  ];
  it.each(MATRIX)("%s asking for %s → %s", async (as, region, outcome) => {
    const body = await statisticsBody(as, { ...YEAR_2025, region });
    if (outcome === "FORBIDDEN") {
      expect(body.data?.statistics ?? null).toBeNull();
      expect(body.errors!.map((e) => e.extensions.code)).toEqual(["FORBIDDEN"]);
    } else {
      expect(body.errors).toBeUndefined();
      expect(body.data!.statistics!.threshold).toBe(outcome);
      expect(body.data!.statistics!.regionCode).toBe(region);
    }
  });

  it("refuses the anonymous public", async () => {
    const res = await hub.graphql(graphql(`query StatsAnonymous { statistics { regionCode } }`));
    expect(res.body.data?.statistics ?? null).toBeNull();
    expect(res.body.errors![0].extensions.code).toBe("FORBIDDEN");
  });

  it("defaults to the caller's region and the last twelve months", async () => {
    const s = await statistics("NY-AMR", {});
    expect(s.regionCode).toBe("411300");
    expect(s.regionName).toBe("南阳市");
    const { from, to } = s;
    expect(from.endsWith("-01")).toBe(true);
    expect(Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)))).toBe(11);
  });

  it.each([
    [{ region: "4113" }, "regionCode"],
    [{ region: "999999" }, "regionCode"],
    [{ region: "411300", from: "2025-05-01", to: "2025-04-30" }, "from"],
    [{ region: "411300", from: "2014-01-01", to: "2025-01-01" }, "to"],
  ])("answers BAD_USER_INPUT for %j", async (variables, field) => {
    const body = await statisticsBody("NY-AMR", variables);
    expect(body.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(body.errors![0].extensions.field).toBe(field);
  });
});

describe("small-count suppression", () => {
  it("hides small counts about people from a court, with a second cell so the total gives nothing back", async () => {
    const s = await statistics("NY-COURT", YEAR_2025);
    // Appraisers by region as a court sees them: 宛城区 5 (I1), 卧龙区 1 (I2); the 4 in 南召县 have no
    // institution, so they do not exist for a court → 卧龙区 hidden, and 宛城区 (the smallest other non-zero) with it.
    expect(values(s.directory!.appraisersByRegion)).toEqual({ "411302": null, "411303": null });
    expect(cell(s.directory!.appraisersByRegion, "411303").suppressed).toBe(true);
    expect(s.directory!.appraisersByRegion.total).toBe(6);
    // A single institution's complaints: I1 has 2 (hidden), I2 has 5 in 2025 (hidden as its complement).
    const byName = Object.fromEntries(s.feedback!.institutions.map((i) => [i.name, i]));
    expect(byName["南阳机构I1"]).toMatchObject({ complaints: null, complaintsSuppressed: true, count: 5 });
    expect(byName["南阳机构I2"]).toMatchObject({ complaints: null, complaintsSuppressed: true, count: 6 });
    // Credit records about a subject: 1 serious, 1 general → both hidden, and the total of 2 too.
    expect(s.credit!.activeBySeverity).toMatchObject({ total: null, totalSuppressed: true });
    expect(s.credit!.activeBySeverity.cells.filter((c) => c.key !== "MINOR").every((c) => c.value === null && c.suppressed)).toBe(true);
    // No MINOR record: a zero tells nothing about anyone.
    expect(s.credit!.activeBySeverity.cells.find((c) => c.key === "MINOR")).toMatchObject({ value: 0, suppressed: false });
    // Institutions are a public register: never suppressed. A court counts only those it can see: I3,
    // under review, does not exist for it.
    expect(values(s.directory!.institutionsByStatus)).toEqual({ LISTED: 2, REMOVED: 1 });
  });

  it("never shows a small count about people, nor a lone hidden cell beside a published total", async () => {
    for (const as of ["NY-COURT", "NY-PROC", "NY-PSB"]) {
      const s = await statistics(as, YEAR_2025);
      const aboutPeople: Breakdown[] = [
        s.directory!.appraisersByField,
        s.directory!.appraisersByTitleLevel,
        s.directory!.appraisersByRegion,
        s.directory!.appraiserCreditGrades,
        s.feedback!.complaintsByMonth,
        s.feedback!.complaintsByRegion,
        s.feedback!.complaintsResolvedByRegion,
        s.credit!.activeByBehaviour,
        s.credit!.activeBySeverity,
        s.credit!.repairs,
        s.credit!.appraiserGrades,
      ];
      for (const b of aboutPeople) {
        const hidden = b.cells.filter((c) => c.suppressed);
        if (b.total !== null && hidden.length > 0) expect(hidden.length).toBeGreaterThanOrEqual(2);
        for (const c of b.cells) expect(c.suppressed ? c.value === null : c.value === 0 || c.value! >= 3).toBe(true);
      }
    }
  });

  it("shows bureaus and associations every count", async () => {
    for (const as of ["NY-AMR", "NY-IPAA"]) {
      const s = await statistics(as, YEAR_2025);
      expect(values(s.directory!.appraisersByRegion)).toEqual({ "411302": 5, "411303": 1, "411321": 4 });
      expect(values(s.credit!.activeBySeverity)).toEqual({ SERIOUS: 1, GENERAL: 1 });
      expect(breakdowns(s).flatMap((b) => b.cells).some((c) => c.suppressed)).toBe(false);
    }
  });
});

describe("counts follow the caller's row visibility", () => {
  it("counts for a court only the institutions it can list, and their appraisers", async () => {
    const q = graphql(`query StatsVisibleDirectory { statistics(regionCode: "411500") { directory { institutionsByStatus { total cells { key value } } cultivation { total } appraisersByRegion { total } } } }`);
    const court = (await hub.data(q, { as: "XY-COURT" })).statistics!.directory!;
    const bureau = (await hub.data(q, { as: "XY-AMR" })).statistics!.directory!;
    const listed = (await sql(`SELECT listing_status, count(*)::int AS n FROM institutions WHERE region_code LIKE '4115%' GROUP BY 1`)) as Array<{ listing_status: string; n: number }>;
    const expected = (statuses: string[]) => Object.fromEntries(listed.filter((r) => statuses.includes(r.listing_status)).map((r) => [r.listing_status, r.n]));
    expect(values(court.institutionsByStatus)).toEqual(expected(["LISTED", "SUSPENDED", "REMOVED"]));
    expect(values(bureau.institutionsByStatus)).toEqual(expected(listed.map((r) => r.listing_status)));
    // The demo has institutions in Xinyang that a court cannot see (recommended, not listed).
    expect(bureau.institutionsByStatus.total).toBeGreaterThan(court.institutionsByStatus.total!);
    // What a court counts equals what it can list.
    const page = (await hub.data(graphql(`query StatsCourtInstitutions { institutions(first: 100, filter: { regionCode: "411500" }) { totalCount } }`), { as: "XY-COURT" })).institutions!;
    expect(court.institutionsByStatus.total).toBe(page.totalCount);
    const appraisers = (await hub.data(graphql(`query StatsCourtAppraisers { appraisers(first: 100, filter: { regionCode: "411500" }) { edges { node { status } } } }`), { as: "XY-COURT" })).appraisers!;
    expect(court.appraisersByRegion.total).toBe(appraisers.edges.filter((e) => e.node.status === "ACTIVE").length);
  });
});

describe("the figures", () => {
  it("counts the directory as it stands", async () => {
    const d = (await statistics("NY-AMR", YEAR_2025)).directory!;
    expect(values(d.institutionsByLevel)).toEqual({ MUNICIPAL: 1, PROVINCIAL: 1 });
    expect(values(d.institutionsByField)).toEqual({ PATENT: 2, TRADEMARK: 1 });
    expect(d.institutionsByField.total).toBe(2);
    expect(values(d.institutionsByRegion)).toEqual({ "411300": 1, "411302": 1, "411303": 1, "411321": 1 });

    expect(values(d.cultivation)).toEqual({ CANDIDATE: 1, CULTIVATING: 1 });
    expect(values(d.institutionCreditGrades)).toEqual({ A: 1, C: 1, D: 1, NONE: 1 });
    expect(values(d.appraisersByTitleLevel)).toEqual({ SENIOR: 5, INTERMEDIATE: 1, NONE: 4 });
    expect(values(d.appraisersByField)).toEqual({ PATENT: 10 });
    expect(values(d.appraiserCreditGrades)).toEqual({ D: 1, NONE: 9 });
  });

  it("labels every key in Chinese", async () => {
    const data = await hub.data(
      graphql(`query StatsLabels { statistics(regionCode: "411300") { directory { institutionsByStatus { label cells { key label } } institutionsByRegion { cells { key label } } } } }`),
      { as: "NY-AMR" },
    );
    const d = data.statistics!.directory!;
    expect(d.institutionsByStatus.label).toBe("机构入库状态");
    expect(cell(d.institutionsByStatus, "LISTED").label).toBe("已入库");
    expect(cell(d.institutionsByRegion, "411300").label).toBe("南阳市本级");
    expect(cell(d.institutionsByRegion, "411302").label).toBe("宛城区");
  });

  it("counts cases: entrustments by kind and month, open and overdue today, working days and on-time share", async () => {
    const c = (await statistics("NY-AMR", YEAR_2025)).cases!;
    expect(values(c.entrustedByAgencyKind)).toEqual({ COURT: 4 });
    expect(c.entrustedByMonth).toHaveLength(12);
    expect(c.entrustedByMonth.filter((m) => m.total! > 0).map((m) => m.key)).toEqual(["2025-06", "2025-07", "2025-09", "2025-10"]);
    expect(c).toMatchObject({ open: 1, overdue: 1, issued: 3, medianWorkingDays: 10, courtAppearancesRequested: 1, courtAppearancesAttended: 1, courtAppearancesMissed: 0 });
    expect(c.onTimeRate).toBeCloseTo(2 / 3);
    expect(values(c.overdueByRegion)).toEqual({ "411302": 1 });
  });

  it("reads feedback from the monthly rollup and the raw rows of partial months alike", async () => {
    for (const [from, to] of [
      ["2025-01-01", "2025-12-31"],
      ["2025-03-15", "2025-10-10"],
      ["2025-03-15", "2025-03-20"],
      ["2025-05-01", "2025-05-31"],
    ]) {
      const f = (await statistics("NY-AMR", { region: "411300", from, to })).feedback!;
      const [raw] = await sql(
        `SELECT count(*)::int AS n, avg(rating_timeliness)::float AS timeliness, count(*) FILTER (WHERE kind = 'COMPLAINT')::int AS complaints,
                count(*) FILTER (WHERE complaint_status = 'RESOLVED')::int AS resolved,
                (count(*) FILTER (WHERE opinion_adopted))::float / nullif(count(opinion_adopted), 0) AS adoption
         FROM case_feedback WHERE institution_region_code LIKE '4113%' AND posted_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
           AND posted_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
        [from, to],
      );
      expect(f.count).toBe(raw.n);
      expect(f.averages.timeliness ?? null).toBeCloseTo(raw.timeliness ?? 0);
      expect(f.adoptionRate ?? 0).toBeCloseTo(raw.adoption ?? 0);
      expect(f.complaintsByRegion.total).toBe(raw.complaints);
      expect(f.complaintsResolvedByRegion.total).toBe(raw.resolved);
      expect(f.feedbackByMonth.total).toBe(raw.n);
    }
    const f = (await statistics("NY-AMR", { region: "411300", from: "2025-03-15", to: "2025-10-10" })).feedback!;
    // 03-14 23:59 China time is outside; 05-01 00:30 China time counts in May; 10-11 00:00 is outside.
    expect(values(f.feedbackByMonth)).toEqual({ "2025-03": 1, "2025-05": 1, "2025-06": 1, "2025-07": 1, "2025-08": 1, "2025-09": 2, "2025-10": 1 });
    expect(values(f.complaintsByRegion)).toEqual({ "411302": 2, "411303": 3 });
    expect(values(f.complaintsResolvedByRegion)).toEqual({ "411303": 1 });
    expect(f.ratingsByMonth.find((m) => m.month === "2025-05")!.averages.timeliness).toBe(3);
  });

  it("reads a period reaching today from the monthly rollup alone (nothing is posted after now), and counts today's feedback", async () => {
    const [posted] = await sql(
      `INSERT INTO case_feedback (kind, posting_agency_id, posting_agency_code, posting_region_code, agency_case_no, appraiser_id, institution_id,
         institution_region_code, rating_timeliness, opinion_adopted, posted_at)
       SELECT 'EVALUATION', $1, 'NY-COURT', '411300', '(2026)豫13知民初今日号', $2, i.id, i.region_code, 4, true, now() FROM institutions i WHERE i.id = $3 RETURNING id`,
      [ids["NY-COURT"], ids["I2-appraiser"], ids.I2],
    );
    const counter = queryCounter(hub.db.dataSource);
    const read: string[] = [];
    const log = counter.logQuery;
    counter.logQuery = (query, parameters, runner) => {
      read.push(query);
      log.call(counter, query, parameters, runner);
    };
    let feedback: StatsFeedbackQuery["statistics"];
    try {
      feedback = (await hub.data(SECTIONS.feedback, { as: "NY-AMR", variables: { region: "411300" } })).statistics;
    } finally {
      counter.logQuery = log;
    }
    expect(read.filter((query) => /FROM case_feedback/.test(query))).toEqual([]);
    const [raw] = await sql(
      `SELECT count(*)::int AS n FROM case_feedback WHERE institution_region_code LIKE '4113%' AND posted_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
      [feedback!.from],
    );
    expect(feedback!.feedback!.count).toBe(raw.n);
    await sql(`DELETE FROM case_feedback WHERE id = $1`, [posted.id]);
  });

  it("keeps the rollup equal to the raw rows after inserts and updates", async () => {
    const [diff] = await sql(
      `SELECT count(*)::int AS n FROM (
         SELECT institution_id, date_trunc('month', posted_at AT TIME ZONE 'Asia/Shanghai')::date AS month, kind, count(*)::int AS c,
                count(*) FILTER (WHERE complaint_status IN ('RESOLVED','DISMISSED'))::int AS closed
         FROM case_feedback GROUP BY 1, 2, 3
         EXCEPT SELECT institution_id, month, kind, feedback_count, complaints_closed FROM feedback_monthly WHERE feedback_count <> 0) d`,
    );
    expect(diff.n).toBe(0);
  });

  it("counts credit records and repairs", async () => {
    const c = (await statistics("NY-AMR", YEAR_2025)).credit!;
    expect(values(c.activeByBehaviour)).toEqual({ FALSE_APPRAISAL: 1, UNJUSTIFIED_ABSENCE: 1 });
    expect(values(c.repairs)).toEqual({ GRANTED: 1 });
    expect(c.repairRate).toBe(1);
    expect(values(c.institutionGrades)).toEqual({ A: 1, C: 1, D: 1, NONE: 1 });
  });

  it("counts collaboration flows between agency kinds and the first response", async () => {
    const c = (await statistics("NY-AMR", YEAR_2025)).collaboration!;
    expect(c).toMatchObject({ opened: 1, closed: 0, responded: 1, averageResponseHours: 6 });
    expect(c.flows).toEqual([
      { fromKind: "MARKET_REGULATION", toKind: "POLICE", count: 1 },
      { fromKind: "MARKET_REGULATION", toKind: "PROCURATORATE", count: 1 },
    ]);
    expect(values(c.byKind)).toEqual({ CASE_TRANSFER: 1 });
  });

  it("gives the same withdrawal rates as the abnormal-patent queries, per batch and county", async () => {
    const rates = await hub.data(graphql(`query StatsRegionWithdrawalRates { abnormalPatentWithdrawalRates(groupBy: REGION) { key itemCount withdrawnCount withdrawalRate } }`), { as: "XY-AMR" });
    const s = (await statistics("XY-AMR", { region: "411500", from: "2024-01-01", to: `${new Date().getFullYear() + 1}-12-31` })).abnormalPatents!;
    expect(s.withdrawalTarget).toBe(0.9);
    for (const r of rates.abnormalPatentWithdrawalRates!) {
      expect(s.byRegion.find((x) => x.key === r.key)).toMatchObject({ itemCount: r.itemCount, withdrawnCount: r.withdrawnCount, withdrawalRate: r.withdrawalRate });
    }
    const total = rates.abnormalPatentWithdrawalRates!.reduce((sum, r) => sum + r.itemCount, 0);
    expect(s.total.itemCount).toBe(total);
    expect(s.byBatch.map((b) => b.label)).toContain("2024年第3批");
  });
});

/**
 * The key lists of every breakdown in a `statistics` answer, by path (`cases.openByRegion`,
 * `cases.entrustedByMonth.3`), and of the abnormal-patent rows per region.
 */
function keyLists(value: unknown, path = "", out: Record<string, string[]> = {}): Record<string, string[]> {
  if (Array.isArray(value)) value.forEach((v, i) => keyLists(v, `${path}.${i}`, out));
  else if (value && typeof value === "object") {
    if ("cells" in value && "totalSuppressed" in value) out[path] = (value as Breakdown).cells.map((c) => c.key);
    for (const [k, v] of Object.entries(value)) if (k !== "cells" && k !== "byBatch" && k !== "flows" && k !== "institutions") keyLists(v, path ? `${path}.${k}` : k, out);
  }
  if (path === "abnormalPatents.byRegion") out[path] = (value as Array<{ key: string }>).map((r) => r.key);
  return out;
}

/**
 * The rows a region breakdown must list, read from the region table: the region's own row (本级: records
 * filed at the region itself) first, unless it is a county, then its children valid today.
 */
function expectedRegionKeys(code: string): string[] {
  const level = regionLevel(code);
  if (level === "COUNTY") return [code];
  const children = allRegions().filter((r) => !r.validUntil && r.code !== code && regionCovers(code, r.code));
  const below =
    level === "PROVINCE"
      ? children.filter((r) => regionLevel(r.code) === "CITY" || (regionLevel(r.code) === "COUNTY" && !findRegion(`${r.code.slice(0, 4)}00`)))
      : level === "NATIONAL"
        ? children.filter((r) => regionLevel(r.code) === "PROVINCE")
        : children;
  return [code, ...below.map((r) => r.code)];
}

const isRegionList = (path: string) => /ByRegion$|^abnormalPatents\.byRegion$/.test(path);

describe("every breakdown lists its declared keys, whatever the data", () => {
  it("lists the same keys for a region full of records and for one without any", async () => {
    // 南阳 (411300) holds the fixture; 商丘 (411400) holds nothing, in the demo or here.
    const full = await statistics("HA-AMR", YEAR_2025);
    const empty = await statistics("HA-AMR", { ...YEAR_2025, region: "411400" });
    expect(full.directory!.institutionsByStatus.total).toBeGreaterThan(0);
    expect(full.cases!.open).toBeGreaterThan(0);
    expect([empty.directory!.institutionsByStatus.total, empty.cases!.open, empty.feedback!.count, empty.credit!.repairs.total, empty.collaboration!.opened]).toEqual([0, 0, 0, 0, 0]);
    const fullKeys = keyLists(full);
    const emptyKeys = keyLists(empty);
    expect(Object.keys(emptyKeys).sort()).toEqual(Object.keys(fullKeys).sort());
    expect(Object.keys(fullKeys).filter(isRegionList).sort()).toEqual(
      [
        "abnormalPatents.byRegion",
        "cases.openByRegion",
        "cases.overdueByRegion",
        "directory.appraisersByRegion",
        "directory.institutionsByRegion",
        "feedback.complaintsByRegion",
        "feedback.complaintsResolvedByRegion",
      ].sort(),
    );
    for (const [path, keys] of Object.entries(fullKeys)) {
      if (isRegionList(path)) {
        expect([path, keys]).toEqual([path, expectedRegionKeys("411300")]);
        expect([path, emptyKeys[path]]).toEqual([path, expectedRegionKeys("411400")]);
      } else {
        expect([path, emptyKeys[path]]).toEqual([path, keys]);
      }
    }
    // Listed institutions without a level: a declared key, listed at zero too.
    expect(cell(full.directory!.institutionsByLevel, "NONE")).toMatchObject({ value: 0, suppressed: false });
  });

  it.each([
    ["a province", "HA-AMR", "410000"],
    ["a county", "WC-COURT", "411302"],
  ])("lists every region row for %s, its own level included", async (_level, as, region) => {
    const s = await statistics(as, { ...YEAR_2025, region });
    const keys = keyLists(s);
    for (const path of Object.keys(keys).filter(isRegionList)) expect([path, keys[path]]).toEqual([path, expectedRegionKeys(region)]);
  });

  it("lists the city's own row (本级) beside its counties for open and overdue cases alike", async () => {
    // The README's example: a court entrusts 信阳中原知识产权鉴定中心, an institution at the city itself.
    // Entrusted today, the case is open and not yet overdue.
    const [{ id }] = await sql(`SELECT id FROM institutions WHERE credit_code = '91411500MA9F3K2L21'`);
    const entrusted = await hub.graphql(
      graphql(`mutation StatsEntrust($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id } } }`),
      { as: "XY-COURT", variables: { input: { idempotencyKey: "statistics-keys-1", agencyCaseNo: "(2026)豫15知民初88号", institutionId: id, technicalField: "PATENT", matter: "专利侵权比对" } } },
    );
    expect(entrusted.body.errors).toBeUndefined();
    for (const as of ["XY-AMR", "XY-PSB"]) {
      const c = (await hub.data(graphql(`query StatsOpenOverdueByRegion { statistics(regionCode: "411500") { cases { openByRegion { ...StatsBreakdown } overdueByRegion { ...StatsBreakdown } } } }`), { as })).statistics!.cases!;
      expect(c.openByRegion.cells.map((x) => x.key)).toEqual(c.overdueByRegion.cells.map((x) => x.key));
      expect(c.openByRegion.cells.map((x) => x.key)).toEqual(expectedRegionKeys("411500"));
      expect(cell(c.openByRegion, "411500").value).toBeGreaterThanOrEqual(1);
      expect(cell(c.overdueByRegion, "411500").value).toBe(0);
    }
    const labels = (await hub.data(graphql(`query StatsOpenByRegionLabels { statistics(regionCode: "411500") { cases { openByRegion { cells { key label } } } } }`), { as: "XY-AMR" })).statistics!.cases!;
    expect(cell(labels.openByRegion, "411500").label).toBe("信阳市本级");
  });

  it("declares a label for every value of the enumerations it breaks down by", () => {
    const declared: Array<[string, string[]]> = [
      ["listingStatus", Object.values(ListingStatus)],
      ["listingLevel", [...Object.values(ListingLevel), "NONE"]],
      ["technicalField", Object.values(TechnicalField)],
      ["cultivationStage", Object.values(CultivationStage)],
      ["agencyKind", Object.values(AgencyKind)],
      ["creditGrade", [...Object.values(CreditGrade), "NONE"]],
      ["creditSeverity", Object.values(CreditSeverity)],
      ["creditBehaviour", Object.values(CreditBehaviour)],
      ["collaborationKind", Object.values(CollaborationKind)],
      ["industrySection", [...Object.values(IndustrySection), "NONE"]],
    ];
    for (const [dimension, values] of declared) expect([dimension, Object.keys(LABELS[dimension]).sort()]).toEqual([dimension, [...values].sort()]);
  });
});

// Last: a second hub on the same test database server, started with suppression turned off.
describe("with HUB_STATISTICS_MIN_COUNT=1", () => {
  it("is off for everyone when the threshold is 1", async () => {
    const open = await startTestHub({ env: { HUB_STATISTICS_MIN_COUNT: "1" } });
    try {
      const data = await open.data(graphql(`query StatsThresholdOne { statistics { threshold credit { activeBySeverity { total cells { value suppressed } } } } }`), { as: "XY-COURT" });
      expect(data.statistics!.threshold).toBe(1);
      expect(data.statistics!.credit!.activeBySeverity.cells.some((c) => c.suppressed)).toBe(false);
    } finally {
      await open.stop();
    }
  }, 60_000);
});
