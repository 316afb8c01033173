import { DataSource } from "typeorm";
import { createAgencyLoaders } from "./agency.loader";
import { createAppraiserLoaders } from "./appraiser.loader";
import { createInstitutionLoaders } from "./institution.loader";

/** All loaders of one request. */
export function createLoaders(dataSource: DataSource) {
  return { ...createAgencyLoaders(dataSource), ...createInstitutionLoaders(dataSource), ...createAppraiserLoaders(dataSource) };
}

export type Loaders = ReturnType<typeof createLoaders>;
