import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { groupBy } from "./group-by";
import { Appraiser } from "../entities/appraiser.entity";
import { AppraiserPractice } from "../entities/appraiser-practice.entity";

/** Batched fetches for appraisers: one statement per batch, results in key order, no visibility applied. */
export function createAppraiserLoaders(dataSource: DataSource) {
  return {
    appraiserById: new DataLoader<string, Appraiser | null>(async (ids) => {
      const rows = await dataSource.getRepository(Appraiser).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Current appraisers of each institution, by name. */
    appraisersByInstitutionId: new DataLoader<string, Appraiser[]>(async (ids) => {
      const rows = await dataSource.getRepository(Appraiser).find({ where: { institutionId: In([...ids]) }, order: { name: "ASC", id: "ASC" } });
      const groups = groupBy(rows, (row) => row.institutionId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    practicesByAppraiserId: new DataLoader<string, AppraiserPractice[]>(async (ids) => {
      const rows = await dataSource.getRepository(AppraiserPractice).find({ where: { appraiserId: In([...ids]) }, order: { startedOn: "DESC" } });
      const groups = groupBy(rows, (row) => row.appraiserId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
  };
}
