import { DataSource } from "typeorm";
import { createAgencyLoaders } from "./agency.loader";

/** All loaders of one request. */
export function createLoaders(dataSource: DataSource) {
  return { ...createAgencyLoaders(dataSource) };
}

export type Loaders = ReturnType<typeof createLoaders>;
