import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { groupBy } from "./group-by";
import { Agency } from "../entities/agency.entity";
import { ClientSystem } from "../entities/client-system.entity";

/**
 * Batched fetches of agencies and their client systems. Contract of every loader: one SQL statement per
 * batch, results in the order of the keys, `null` (or an empty list) for keys with no row. Built per
 * request, so nothing is cached across callers.
 */
export function createAgencyLoaders(dataSource: DataSource) {
  const repo = dataSource.getRepository(Agency);
  return {
    agencyById: new DataLoader<string, Agency | null>(async (ids) => {
      const rows = await repo.findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    agencyByCode: new DataLoader<string, Agency | null>(async (codes) => {
      const rows = await repo.findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    clientSystemsByAgencyId: new DataLoader<string, ClientSystem[]>(async (agencyIds) => {
      const rows = await dataSource.getRepository(ClientSystem).find({ where: { agencyId: In([...agencyIds]) }, order: { name: "ASC" } });
      const groups = groupBy(rows, (row) => row.agencyId);
      return agencyIds.map((id) => groups.get(id) ?? []);
    }),
  };
}
