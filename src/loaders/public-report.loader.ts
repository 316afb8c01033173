import { DataSource } from "typeorm";
import { PublicReport } from "../entities/public-report.entity";
import { loadOneBy } from "./entity-loaders";

/** Batched fetches for public reports (see `entity-loaders.ts` for the contract). */
export function createPublicReportLoaders(dataSource: DataSource) {
  return {
    /** A page of merged reports names the reports they joined: one statement for all of them. */
    publicReportById: loadOneBy(dataSource, PublicReport, "id"),
  };
}
