import type { DataSource } from "typeorm";
import { OPEN_CASE_STATUSES } from "../domain/case-deadlines";
import type { EventSubjectFacts } from "../policy/hub-event.visibility";
import type { EventEntityType } from "./event-types";

/**
 * For each kind of record an event can be about: the facts the recipient decision reads (`hubEvent.recipient`,
 * loaded when the event is delivered, so a record that changed hands since is judged as it is now), and how a
 * subscriber reads the record through the API, as itself: the shield, the row visibility and the masking
 * decide what the event carries, exactly as for a query. A read that answers null means the record does not
 * exist for the subscriber, and nothing is sent. Selections stay clear of personal data.
 */
export interface EventSubject {
  facts(dataSource: DataSource, id: string): Promise<(EventSubjectFacts & { readVariables: Record<string, unknown> }) | null>;
  /** A query whose root field is aliased `record`; its variables come from the facts. */
  read: string;
  /** The event's record within what `read` answered, when the read reaches it through another (a client system through its agency). */
  pick?(record: Record<string, unknown>, id: string): Record<string, unknown> | null;
}

type Row = Record<string, unknown>;

async function one(dataSource: DataSource, sql: string, params: unknown[]): Promise<Row | undefined> {
  const rows: Row[] = await dataSource.query(sql, params);
  return rows[0];
}

/** The agencies with a case still open at the institution `column` names (an array column; `$2` is the open statuses). */
const openCaseAgencies = (column: string) =>
  `ARRAY(SELECT DISTINCT c.entrusting_agency_id FROM appraisal_cases c WHERE c.institution_id = ${column} AND c.status = ANY($2::text[])) AS open_case_agencies`;

const facts = (f: Partial<EventSubjectFacts> & { readVariables: Record<string, unknown> }): EventSubjectFacts & { readVariables: Record<string, unknown> } => ({
  regionCodes: [],
  partyAgencyIds: [],
  institutionId: null,
  openCaseAgencyIds: [],
  procuratorialSupervision: false,
  ...f,
});

export const EVENT_SUBJECTS: Record<EventEntityType, EventSubject> = {
  Institution: {
    async facts(dataSource, id) {
      const row = await one(
        dataSource,
        `SELECT i.region_code, ${openCaseAgencies("i.id")} FROM institutions i WHERE i.id = $1`,
        [id, OPEN_CASE_STATUSES],
      );
      if (!row) return null;
      return facts({ regionCodes: [row.region_code as string], institutionId: id, openCaseAgencyIds: row.open_case_agencies as string[], readVariables: { id } });
    },
    read: `query EventRecord($id: ID!) { record: institution(id: $id) { id name creditCode regionCode listingStatus listingLevel version } }`,
  },
  AppraisalCase: {
    async facts(dataSource, id) {
      const row = await one(dataSource, `SELECT entrusting_agency_id, institution_id, institution_region_code, entrusting_region_code FROM appraisal_cases WHERE id = $1`, [id]);
      if (!row) return null;
      return facts({
        regionCodes: [row.institution_region_code as string, row.entrusting_region_code as string],
        partyAgencyIds: [row.entrusting_agency_id as string],
        institutionId: row.institution_id as string,
        procuratorialSupervision: true,
        readVariables: { id },
      });
    },
    read: `query EventRecord($id: ID!) { record: appraisalCase(id: $id) { id agencyCaseNo entrustingAgencyCode technicalField status entrustedOn acceptedOn issuedOn version deadlines { acceptBy completeBy overdue } } }`,
  },
  CaseFeedback: {
    async facts(dataSource, id) {
      const row = await one(dataSource, `SELECT posting_agency_id, institution_id, institution_region_code FROM case_feedback WHERE id = $1`, [id]);
      if (!row) return null;
      return facts({ regionCodes: [row.institution_region_code as string], partyAgencyIds: [row.posting_agency_id as string], institutionId: row.institution_id as string, readVariables: { id } });
    },
    read: `query EventRecord($id: ID!) { record: caseFeedback(id: $id) { id kind postingAgencyCode agencyCaseNo postedAt complaintStatus complaintRespondBy version } }`,
  },
  CreditRecord: {
    async facts(dataSource, id) {
      const row = await one(dataSource, `SELECT r.subject_institution_id, r.subject_region_code, ${openCaseAgencies("r.subject_institution_id")} FROM credit_records r WHERE r.id = $1`, [id, OPEN_CASE_STATUSES]);
      if (!row) return null;
      const institutionId = (row.subject_institution_id as string | null) ?? null;
      return facts({ regionCodes: [row.subject_region_code as string], institutionId, openCaseAgencyIds: row.open_case_agencies as string[], readVariables: { id } });
    },
    read: `query EventRecord($id: ID!) { record: creditRecord(id: $id) { id subjectType subjectCreditCode subjectRegionCode behaviour severity decidingAgencyCode decidedOn publishFrom publishUntil status version } }`,
  },
  CollaborationRecord: {
    async facts(dataSource, id) {
      const row = await one(dataSource, `SELECT region_code FROM collaboration_records WHERE id = $1`, [id]);
      if (!row) return null;
      const parties: Array<{ agency_id: string }> = await dataSource.query(`SELECT agency_id FROM collaboration_participants WHERE record_id = $1`, [id]);
      return facts({ regionCodes: [row.region_code as string], partyAgencyIds: parties.map((p) => p.agency_id), readVariables: { id } });
    },
    read: `query EventRecord($id: ID!) { record: collaborationRecord(id: $id) { id kind title initiatorAgencyCode regionCode status openedAt closedAt version } }`,
  },
  AbnormalPatentBatch: {
    async facts(dataSource, id) {
      const row = await one(dataSource, `SELECT region_code FROM abnormal_patent_batches WHERE id = $1`, [id]);
      if (!row) return null;
      const allocated: Array<{ agency_id: string }> = await dataSource.query(`SELECT DISTINCT allocated_agency_id AS agency_id FROM abnormal_patent_items WHERE batch_id = $1`, [id]);
      return facts({ regionCodes: [row.region_code as string], partyAgencyIds: allocated.map((a) => a.agency_id), readVariables: { id } });
    },
    read: `query EventRecord($id: ID!) { record: abnormalPatentBatch(id: $id) { id batchNo regionCode issuedByAgencyCode receivedOn deadline itemCount } }`,
  },
  AbnormalPatentItem: {
    async facts(dataSource, id) {
      const row = await one(dataSource, `SELECT allocated_agency_id, allocated_region_code, region_code FROM abnormal_patent_items WHERE id = $1`, [id]);
      if (!row) return null;
      return facts({ regionCodes: [row.allocated_region_code as string, row.region_code as string], partyAgencyIds: [row.allocated_agency_id as string], readVariables: { id } });
    },
    read: `query EventRecord($id: ID!) { record: abnormalPatentItem(id: $id) { id applicationNumber patentType regionCode allocatedAgencyCode status deadline version } }`,
  },
  CustodyTrademark: {
    async facts(dataSource, id) {
      const row = await one(dataSource, `SELECT custodian_agency_id, region_code FROM custody_trademarks WHERE id = $1`, [id]);
      if (!row) return null;
      return facts({ regionCodes: [row.region_code as string], partyAgencyIds: [row.custodian_agency_id as string], readVariables: { id } });
    },
    read: `query EventRecord($id: ID!) { record: custodyTrademark(id: $id) { id registrationNumber niceClass markName regionCode custodianAgencyCode expiresOn custodyStatus version alerts { id kind status dueOn raisedOn } } }`,
  },
  Agency: {
    async facts(dataSource, id) {
      const row = await one(dataSource, `SELECT id, code, region_code, institution_id FROM agencies WHERE id = $1`, [id]);
      if (!row) return null;
      return facts({ regionCodes: [row.region_code as string], partyAgencyIds: [id], institutionId: (row.institution_id as string | null) ?? null, readVariables: { code: row.code } });
    },
    read: `query EventRecord($code: String!) { record: agency(code: $code) { id code name kind regionCode status statusReason version } }`,
  },
  ClientSystem: {
    async facts(dataSource, id) {
      const row = await one(dataSource, `SELECT a.id, a.code, a.region_code FROM client_systems c JOIN agencies a ON a.id = c.agency_id WHERE c.id = $1`, [id]);
      if (!row) return null;
      return facts({ regionCodes: [row.region_code as string], partyAgencyIds: [row.id as string], readVariables: { code: row.code, id } });
    },
    // A client system is read through its agency (there is no root field of its own); `record` is then the agency.
    read: `query EventRecord($code: String!) { record: agency(code: $code) { id code clientSystems { id name status version } } }`,
    pick: (agency, id) => ((agency.clientSystems as Array<Record<string, unknown>> | null) ?? []).find((client) => client.id === id) ?? null,
  },
  FiledMonthlyReport: {
    async facts(dataSource, id) {
      const row = await one(dataSource, `SELECT region_code, agency_id FROM monthly_reports WHERE id = $1`, [id]);
      if (!row) return null;
      return facts({ regionCodes: [row.region_code as string], partyAgencyIds: [row.agency_id as string], readVariables: { id } });
    },
    // The files are not carried: a receiver fetches them by query when it wants them.
    read: `query EventRecord($id: ID!) { record: filedMonthlyReport(id: $id) { id regionCode regionName month filedAt filedBy { code } } }`,
  },
};
