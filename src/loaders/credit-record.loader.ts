import { DataSource } from "typeorm";
import { CreditRecord, CreditShare } from "../entities/credit-record.entity";
import type { CreditViewerFacts } from "../policy/credit-record.visibility";
import { loadManyBy, loadOneBy } from "./entity-loaders";

/** Batched fetches for credit records; no visibility applied. `creditViewerFacts` is read at most once per request. */
export function createCreditRecordLoaders(dataSource: DataSource) {
  const facts = new Map<string, Promise<CreditViewerFacts>>();
  return {
    creditRecordById: loadOneBy(dataSource, CreditRecord, "id"),
    creditRecordsByInstitutionId: loadManyBy(dataSource, CreditRecord, "subjectInstitutionId", { decidedOn: "DESC" }),
    creditRecordsByAppraiserId: loadManyBy(dataSource, CreditRecord, "subjectAppraiserId", { decidedOn: "DESC" }),
    creditSharesByRecordId: loadManyBy(dataSource, CreditShare, "recordId", { agencyCode: "ASC" }),
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
