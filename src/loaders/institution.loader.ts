import { DataSource } from "typeorm";
import { Institution } from "../entities/institution.entity";
import { ListingEvent } from "../entities/listing-event.entity";
import { loadManyBy, loadOneBy } from "./entity-loaders";

/** Batched fetches for institutions (see `entity-loaders.ts` for the contract). */
export function createInstitutionLoaders(dataSource: DataSource) {
  return {
    institutionById: loadOneBy(dataSource, Institution, "id"),
    institutionByCreditCode: loadOneBy(dataSource, Institution, "creditCode"),
    /** Newest first: effective date, then order of recording. */
    listingEventsByInstitutionId: loadManyBy(dataSource, ListingEvent, "institutionId", { effectiveOn: "DESC", seq: "DESC" }),
  };
}
