import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { groupBy } from "./group-by";
import { Institution } from "../entities/institution.entity";
import { ListingEvent } from "../entities/listing-event.entity";

/** Batched fetches for institutions: one statement per batch, results in key order, no visibility applied. */
export function createInstitutionLoaders(dataSource: DataSource) {
  return {
    institutionById: new DataLoader<string, Institution | null>(async (ids) => {
      const rows = await dataSource.getRepository(Institution).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    institutionByCreditCode: new DataLoader<string, Institution | null>(async (codes) => {
      const rows = await dataSource.getRepository(Institution).findBy({ creditCode: In([...codes]) });
      const byCode = new Map(rows.map((row) => [row.creditCode, row]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    /** Newest first: effective date, then order of recording. */
    listingEventsByInstitutionId: new DataLoader<string, ListingEvent[]>(async (ids) => {
      const rows = await dataSource.getRepository(ListingEvent).find({ where: { institutionId: In([...ids]) }, order: { effectiveOn: "DESC", seq: "DESC" } });
      const groups = groupBy(rows, (row) => row.institutionId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
  };
}
