import { DataSource } from "typeorm";
import { CreditIncentive } from "../entities/credit-incentive.entity";
import { PatentAttorney } from "../entities/patent-attorney.entity";
import { loadManyBy, loadOneBy } from "./entity-loaders";

/** Batched fetches for positive records and the patent attorneys credit records name; no visibility applied. */
export function createCreditIncentiveLoaders(dataSource: DataSource) {
  return {
    creditIncentiveById: loadOneBy(dataSource, CreditIncentive, "id"),
    creditIncentivesByInstitutionId: loadManyBy(dataSource, CreditIncentive, "subjectInstitutionId", { decidedOn: "DESC" }),
    creditIncentivesByAppraiserId: loadManyBy(dataSource, CreditIncentive, "subjectAppraiserId", { decidedOn: "DESC" }),
    patentAttorneyById: loadOneBy(dataSource, PatentAttorney, "id"),
  };
}
