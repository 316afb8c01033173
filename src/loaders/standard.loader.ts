import { DataSource } from "typeorm";
import { Standard } from "../entities/standard.entity";
import { loadOneBy } from "./entity-loaders";

/** Batched fetches for the standards catalogue (see `entity-loaders.ts` for the contract). */
export function createStandardLoaders(dataSource: DataSource) {
  return {
    standardById: loadOneBy(dataSource, Standard, "id"),
  };
}
