import { Viewer } from "../src/auth/viewer";
import { createLoaders } from "../src/loaders";
import { alertWindow } from "../src/loaders/trademark-alert-feed";
import { type Clause, policyDecisions } from "../src/policy/decision";
import { abnormalPatentBatchVisibility, abnormalPatentVisibility } from "../src/policy/abnormal-patent.visibility";
import { appraisalCaseVisibility } from "../src/policy/appraisal-case.visibility";
import { appraiserVisibility } from "../src/policy/appraiser.visibility";
import { auditEventVisibility } from "../src/policy/audit-event.visibility";
import { caseFeedbackVisibility } from "../src/policy/case-feedback.visibility";
import { collaborationRecordVisibility } from "../src/policy/collaboration-record.visibility";
import { creditExportVisibility } from "../src/policy/credit-export.visibility";
import { creditIncentiveVisibility } from "../src/policy/credit-incentive.visibility";
import { filedMonthlyReportVisibility } from "../src/policy/monthly-report.visibility";
import { creditRecordVisibility } from "../src/policy/credit-record.visibility";
import { custodyTrademarkVisibility } from "../src/policy/custody-trademark.visibility";
import { institutionVisibility } from "../src/policy/institution.visibility";
import { supervisionRecordVisibility } from "../src/policy/supervision-record.visibility";
import { publicReportVisibility } from "../src/policy/public-report.visibility";
import { circularVisibility } from "../src/policy/circular.visibility";
import { webhookSubscriptionVisibility } from "../src/policy/webhook-subscription.visibility";
import { registryLookup } from "../src/services/client-system.service";
import { CALLERS } from "./support/authorization-matrix";
import { startTestHub, TestHub } from "./support/test-hub";

/**
 * Each row predicate says the same thing in SQL and in memory. For every caller of the matrix, generated rows
 * (every combination of the columns the predicate reads, over the demo's agencies, institutions and regions)
 * are filtered both ways: by the SQL clause over a VALUES table standing in for the real one, and by the
 * in-memory test over the same rows. Subqueries in the clauses (credit shares, participants, a batch's items)
 * read the real tables, and the in-memory side gets the same facts from the real tables.
 */
let hub: TestHub;
let viewers: Array<{ caller: string; viewer: Viewer }>;
let agencyIds: string[];
let institutionIds: string[];
const REGIONS = ["100000", "410000", "410700", "410783", "411500", "411502", "411525"];
const STATUSES = ["LISTED", "SUSPENDED", "REMOVED", "NOT_LISTED", "RECOMMENDED", "UNDER_REVIEW"];

beforeAll(async () => {
  hub = await startTestHub();
  const lookup = registryLookup(hub.db.dataSource);
  viewers = [];
  for (const caller of CALLERS) {
    if (caller === "anonymous") viewers.push({ caller, viewer: Viewer.anonymous() });
    else {
      const found = (await lookup(caller, "default"))!;
      viewers.push({ caller, viewer: Viewer.of(found.agency, { id: found.client.id, name: found.client.name }, []) });
    }
  }
  agencyIds = (await hub.db.dataSource.query(`SELECT id::text AS id FROM agencies ORDER BY code`)).map((r: { id: string }) => r.id);
  institutionIds = (await hub.db.dataSource.query(`SELECT id::text AS id FROM institutions ORDER BY credit_code`)).map((r: { id: string }) => r.id);
});
afterAll(() => hub.stop());

type Value = string | null;
type Row = Record<string, Value>;

/** Every combination of the given columns' values. */
function combinations(columns: Record<string, Value[]>): Row[] {
  return Object.entries(columns).reduce<Row[]>((rows, [column, values]) => rows.flatMap((row) => values.map((value) => ({ ...row, [column]: value }))), [{}]);
}

const literal = (value: Value, type: string) => (value === null ? `NULL::${type}` : `'${value}'::${type}`);

/** The indexes of `rows` the SQL clause keeps, with `rows` as a VALUES table aliased `alias` (columns typed by `types`). */
async function keptBySql(rows: Row[], types: Record<string, string>, alias: string, clause: Clause, join = ""): Promise<number[]> {
  const columns = Object.keys(types);
  const values = rows.map((row, index) => `(${index}, ${columns.map((c) => literal(row[c], types[c])).join(", ")})`).join(",\n");
  const sql = `SELECT ${alias}.n FROM (VALUES ${values}) AS ${alias}(n, ${columns.join(", ")}) ${join} WHERE ${clause.clause} ORDER BY 1`;
  const [query, params] = hub.db.dataSource.driver.escapeQueryWithParameters(sql, clause.params);
  return (await hub.db.dataSource.query(query, params)).map((r: { n: number }) => Number(r.n));
}

async function expectAgreement(name: string, rows: Row[], types: Record<string, string>, sql: (viewer: Viewer) => Promise<number[]>, test: (viewer: Viewer, row: Row) => boolean | Promise<boolean>) {
  const disagreements: string[] = [];
  let keptSomewhere = 0;
  for (const { caller, viewer } of viewers) {
    const bySql = await sql(viewer);
    const inMemory: number[] = [];
    for (const [index, row] of rows.entries()) if (await test(viewer, row)) inMemory.push(index);
    keptSomewhere += inMemory.length;
    if (JSON.stringify(bySql) !== JSON.stringify(inMemory)) {
      const differ = rows.filter((_row, i) => bySql.includes(i) !== inMemory.includes(i)).slice(0, 3);
      disagreements.push(`${caller}: ${JSON.stringify(differ)}`);
    }
  }
  expect({ name, disagreements }).toEqual({ name, disagreements: [] });
  // Generated rows that nobody may see, or everyone, would prove nothing.
  expect(keptSomewhere).toBeGreaterThan(0);
  expect(keptSomewhere).toBeLessThan(rows.length * viewers.length);
  void types;
}

it("institution.visible", async () => {
  const types = { id: "uuid", listing_status: "text", region_code: "text" };
  const rows = combinations({ id: institutionIds.slice(0, 4), listing_status: STATUSES, region_code: REGIONS });
  await expectAgreement(
    "institution.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", institutionVisibility.sql(viewer, "g")),
    (viewer, row) => institutionVisibility.test(viewer, { id: row.id!, listingStatus: row.listing_status as never, regionCode: row.region_code! }),
  );
});

it("appraiser.visible", async () => {
  const types = { region_code: "text", inst_id: "uuid", inst_status: "text", inst_region: "text" };
  const rows = combinations({ region_code: REGIONS, inst_id: [null, ...institutionIds.slice(0, 3)], inst_status: STATUSES.slice(0, 4), inst_region: ["410700", "411500", "411525"] }).filter(
    (row) => row.inst_id !== null || (row.inst_status === "LISTED" && row.inst_region === "410700"),
  );
  // The institution columns stand in for the LEFT JOINed institutions alias: NULL id when there is none.
  const join = `LEFT JOIN LATERAL (SELECT g.inst_id AS id, g.inst_status AS listing_status, g.inst_region AS region_code WHERE g.inst_id IS NOT NULL) gi ON true`;
  await expectAgreement(
    "appraiser.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", appraiserVisibility.sql(viewer, "g", "gi"), join),
    (viewer, row) =>
      appraiserVisibility.test(viewer, { regionCode: row.region_code! }, row.inst_id ? { id: row.inst_id, listingStatus: row.inst_status as never, regionCode: row.inst_region! } : null),
  );
});

it("appraisalCase.visible", async () => {
  const types = { entrusting_agency_id: "uuid", institution_id: "uuid", institution_region_code: "text", entrusting_region_code: "text" };
  const rows = combinations({ entrusting_agency_id: agencyIds, institution_id: institutionIds.slice(0, 6), institution_region_code: ["410700", "411502"], entrusting_region_code: ["411500", "411525"] });
  await expectAgreement(
    "appraisalCase.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", appraisalCaseVisibility.sql(viewer, "g")),
    (viewer, row) =>
      appraisalCaseVisibility.test(viewer, { entrustingAgencyId: row.entrusting_agency_id!, institutionId: row.institution_id!, institutionRegionCode: row.institution_region_code!, entrustingRegionCode: row.entrusting_region_code! }),
  );
});

it("caseFeedback.visible", async () => {
  const types = { posting_agency_id: "uuid", institution_region_code: "text" };
  const rows = combinations({ posting_agency_id: agencyIds, institution_region_code: REGIONS });
  await expectAgreement(
    "caseFeedback.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", caseFeedbackVisibility.sql(viewer, "g")),
    (viewer, row) => caseFeedbackVisibility.test(viewer, { postingAgencyId: row.posting_agency_id!, institutionRegionCode: row.institution_region_code! }),
  );
});

it("supervisionRecord.visible", async () => {
  const types = { institution_id: "uuid", institution_region_code: "text" };
  const rows = combinations({ institution_id: institutionIds, institution_region_code: REGIONS });
  await expectAgreement(
    "supervisionRecord.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", supervisionRecordVisibility.sql(viewer, "g")),
    (viewer, row) => supervisionRecordVisibility.test(viewer, { institutionId: row.institution_id!, institutionRegionCode: row.institution_region_code! }),
  );
});

it("publicReport.visible", async () => {
  const types = { region_code: "text" };
  const rows = combinations({ region_code: REGIONS });
  await expectAgreement(
    "publicReport.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", publicReportVisibility.sql(viewer, "g")),
    (viewer, row) => publicReportVisibility.test(viewer, { regionCode: row.region_code! }),
  );
});

it("circular.visible", async () => {
  const types = { region_code: "text" };
  const rows = combinations({ region_code: REGIONS });
  await expectAgreement(
    "circular.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", circularVisibility.sql(viewer, "g")),
    (viewer, row) => circularVisibility.test(viewer, { regionCode: row.region_code! }),
  );
});

it("creditRecord.visible", async () => {
  const today = "2025-06-15";
  const recordIds = (await hub.db.dataSource.query(`SELECT id::text AS id FROM credit_records ORDER BY id`)).map((r: { id: string }) => r.id);
  const caseAppraisers = (await hub.db.dataSource.query(`SELECT DISTINCT appraiser_id::text AS id FROM case_appraisers ORDER BY 1`)).map((r: { id: string }) => r.id);
  const types = { id: "uuid", status: "text", announced: "boolean", publish_from: "date", publish_until: "date", subject_region_code: "text", subject_institution_id: "uuid", subject_appraiser_id: "uuid" };
  const rows = combinations({
    id: recordIds,
    status: ["ACTIVE", "REPAIR_REQUESTED", "REPAIRED", "REVOKED"],
    announced: ["true", "false"],
    publish_from: ["2025-01-01", "2025-07-01"],
    publish_until: ["2025-06-15", "2025-06-14"],
    subject_region_code: ["410000", "411500"],
    subject_institution_id: [null, ...institutionIds.slice(0, 6)],
    subject_appraiser_id: [null, ...caseAppraisers.slice(0, 2)],
  }).filter((row) => (row.subject_institution_id === null) !== (row.subject_appraiser_id === null));
  const loaders = createLoaders(hub.db.dataSource, () => alertWindow(today, 6), () => today);
  await expectAgreement(
    "creditRecord.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", creditRecordVisibility.sql(viewer, "g", today)),
    async (viewer, row) => {
      const facts = viewer.agency ? await loaders.creditViewerFacts(viewer.agency.id) : { sharedRecordIds: new Set<string>(), caseInstitutionIds: new Set<string>(), caseAppraiserIds: new Set<string>() };
      const record = {
        id: row.id!,
        storedStatus: row.status as never,
        announced: row.announced === "true",
        publishFrom: row.publish_from!,
        publishUntil: row.publish_until!,
        subjectRegionCode: row.subject_region_code!,
        subjectInstitutionId: row.subject_institution_id,
        subjectAppraiserId: row.subject_appraiser_id,
      };
      return creditRecordVisibility.test(viewer, record, today, facts);
    },
  );
});

it("creditIncentive.visible", async () => {
  const today = "2025-06-15";
  const types = { status: "text", publish_from: "date", publish_until: "date", subject_region_code: "text" };
  const rows = combinations({
    status: ["ACTIVE", "REVOKED"],
    publish_from: ["2025-01-01", "2025-06-15", "2025-07-01"],
    publish_until: ["2025-06-15", "2025-06-14"],
    subject_region_code: REGIONS,
  });
  await expectAgreement(
    "creditIncentive.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", creditIncentiveVisibility.sql(viewer, "g", today)),
    (viewer, row) =>
      creditIncentiveVisibility.test(viewer, { storedStatus: row.status as never, publishFrom: row.publish_from!, publishUntil: row.publish_until!, subjectRegionCode: row.subject_region_code! }, today),
  );
});

it("creditExport.visible", async () => {
  const types = { subject_region_code: "text" };
  const rows = combinations({ subject_region_code: REGIONS });
  await expectAgreement(
    "creditExport.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", creditExportVisibility.sql(viewer, "g")),
    (viewer, row) => creditExportVisibility.test(viewer, { subjectRegionCode: row.subject_region_code! }),
  );
});

it("monthlyReport.visible", async () => {
  const types = { region_code: "text" };
  const rows = combinations({ region_code: REGIONS });
  await expectAgreement(
    "monthlyReport.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", filedMonthlyReportVisibility.sql(viewer, "g")),
    (viewer, row) => filedMonthlyReportVisibility.test(viewer, { regionCode: row.region_code! }),
  );
});

it("custodyTrademark.visible", async () => {
  const types = { region_code: "text", custodian_agency_id: "uuid" };
  const rows = combinations({ region_code: REGIONS, custodian_agency_id: agencyIds });
  await expectAgreement(
    "custodyTrademark.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", custodyTrademarkVisibility.sql(viewer, "g")),
    (viewer, row) => custodyTrademarkVisibility.test(viewer, { regionCode: row.region_code!, custodianAgencyId: row.custodian_agency_id! }),
  );
});

it("collaborationRecord.visible", async () => {
  const participants: Array<{ record_id: string; agency_id: string }> = await hub.db.dataSource.query(`SELECT record_id::text AS record_id, agency_id::text AS agency_id FROM collaboration_participants`);
  const recordIds = [...new Set(participants.map((p) => p.record_id))];
  const types = { id: "uuid", region_code: "text" };
  const rows = combinations({ id: recordIds, region_code: REGIONS });
  await expectAgreement(
    "collaborationRecord.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", collaborationRecordVisibility.sql(viewer, "g")),
    (viewer, row) => collaborationRecordVisibility.test(viewer, { regionCode: row.region_code! }, participants.filter((p) => p.record_id === row.id).map((p) => p.agency_id)),
  );
});

it("abnormalPatent.visible and abnormalPatentBatch.visible", async () => {
  const itemTypes = { region_code: "text" };
  const itemRows = combinations({ region_code: REGIONS });
  await expectAgreement(
    "abnormalPatent.visible",
    itemRows,
    itemTypes,
    (viewer) => keptBySql(itemRows, itemTypes, "g", abnormalPatentVisibility.sql(viewer, "g")),
    (viewer, row) => abnormalPatentVisibility.test(viewer, { regionCode: row.region_code! }),
  );
  const items: Array<{ batch_id: string; region_code: string }> = await hub.db.dataSource.query(`SELECT batch_id::text AS batch_id, region_code FROM abnormal_patent_items`);
  const batchTypes = { id: "uuid", region_code: "text" };
  const batchRows = combinations({ id: [...new Set(items.map((i) => i.batch_id))], region_code: REGIONS });
  await expectAgreement(
    "abnormalPatentBatch.visible",
    batchRows,
    batchTypes,
    (viewer) => keptBySql(batchRows, batchTypes, "g", abnormalPatentBatchVisibility.sql(viewer, "g")),
    (viewer, row) =>
      abnormalPatentBatchVisibility.test(
        viewer,
        { regionCode: row.region_code! },
        items.filter((i) => i.batch_id === row.id).map((i) => i.region_code),
      ),
  );
});

it("auditEvent.visible", async () => {
  const codes: string[] = (await hub.db.dataSource.query(`SELECT code FROM agencies ORDER BY code`)).map((r: { code: string }) => r.code);
  const types = { agency_code: "text", region_code: "text" };
  const rows = combinations({ agency_code: [null, ...codes], region_code: [null, ...REGIONS] });
  await expectAgreement(
    "auditEvent.visible",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "g", auditEventVisibility.sql(viewer, "g")),
    (viewer, row) => auditEventVisibility.test(viewer, { agencyCode: row.agency_code, regionCode: row.region_code }),
  );
});

it("webhookSubscription.own", async () => {
  const clients: string[] = (await hub.db.dataSource.query(`SELECT id::text AS id FROM client_systems ORDER BY id`)).map((r: { id: string }) => r.id);
  const types = { agency_id: "uuid", client_system_id: "uuid" };
  const rows = combinations({ agency_id: agencyIds, client_system_id: clients });
  await expectAgreement(
    "webhookSubscription.own",
    rows,
    types,
    (viewer) => keptBySql(rows, types, "s", webhookSubscriptionVisibility.sql(viewer, "s")),
    (viewer, row) => webhookSubscriptionVisibility.test(viewer, { agencyId: row.agency_id!, clientSystemId: row.client_system_id! }),
  );
});

it("covers every row predicate that has a SQL form", () => {
  const withSql = [...policyDecisions().values()].filter((d) => d.layer === "row" && "sql" in d).map((d) => d.name);
  const tested = ["institution.visible", "appraiser.visible", "appraisalCase.visible", "caseFeedback.visible", "supervisionRecord.visible", "creditRecord.visible", "custodyTrademark.visible", "collaborationRecord.visible", "abnormalPatent.visible", "abnormalPatentBatch.visible", "auditEvent.visible", "webhookSubscription.own", "publicReport.visible", "circular.visible", "creditIncentive.visible", "creditExport.visible", "monthlyReport.visible"];
  expect(withSql.sort()).toEqual(tested.sort());
});
