import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { CreditRecord, CreditShare } from "../entities/credit-record.entity";
import type { CreditViewerFacts } from "../services/credit-visibility";
import { groupBy } from "./group-by";

/** Batched fetches for credit records; no visibility applied. `creditViewerFacts` is read at most once per request. */
export function createCreditRecordLoaders(dataSource: DataSource) {
  const facts = new Map<string, Promise<CreditViewerFacts>>();
  const bySubject = (column: "subjectInstitutionId" | "subjectAppraiserId") =>
    new DataLoader<string, CreditRecord[]>(async (ids) => {
      const rows = await dataSource.getRepository(CreditRecord).find({ where: { [column]: In([...ids]) }, order: { decidedOn: "DESC" } });
      const groups = groupBy(rows, (row) => row[column]!);
      return ids.map((id) => groups.get(id) ?? []);
    });
  return {
    creditRecordById: new DataLoader<string, CreditRecord | null>(async (ids) => {
      const rows = await dataSource.getRepository(CreditRecord).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    creditRecordsByInstitutionId: bySubject("subjectInstitutionId"),
    creditRecordsByAppraiserId: bySubject("subjectAppraiserId"),
    creditSharesByRecordId: new DataLoader<string, CreditShare[]>(async (ids) => {
      const rows = await dataSource.getRepository(CreditShare).find({ where: { recordId: In([...ids]) }, order: { agencyCode: "ASC" } });
      const groups = groupBy(rows, (row) => row.recordId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    /** What an agency's own dealings reveal to it: records shared with it, institutions and appraisers of its cases. */
    creditViewerFacts: (agencyId: string): Promise<CreditViewerFacts> => {
      let found = facts.get(agencyId);
      if (!found) {
        found = Promise.all([
          dataSource.query(`SELECT record_id::text AS id FROM credit_shares WHERE agency_id = $1`, [agencyId]),
          dataSource.query(`SELECT DISTINCT institution_id::text AS id FROM appraisal_cases WHERE entrusting_agency_id = $1`, [agencyId]),
          dataSource.query(`SELECT DISTINCT ca.appraiser_id::text AS id FROM case_appraisers ca JOIN appraisal_cases c ON c.id = ca.case_id WHERE c.entrusting_agency_id = $1`, [agencyId]),
        ]).then(([shared, institutions, appraisers]: Array<Array<{ id: string }>>) => ({
          sharedRecordIds: new Set(shared.map((r) => r.id)),
          caseInstitutionIds: new Set(institutions.map((r) => r.id)),
          caseAppraiserIds: new Set(appraisers.map((r) => r.id)),
        }));
        facts.set(agencyId, found);
      }
      return found;
    },
  };
}
