import { DataSource } from "typeorm";
import { Agency } from "../entities/agency.entity";
import { ClientSystem } from "../entities/client-system.entity";
import { IdentityProvider } from "../entities/identity-provider.entity";
import { loadManyBy, loadOneBy } from "./entity-loaders";

/** Batched fetches of agencies, their client systems and identity providers (see `entity-loaders.ts` for the contract). */
export function createAgencyLoaders(dataSource: DataSource) {
  return {
    agencyById: loadOneBy(dataSource, Agency, "id"),
    agencyByCode: loadOneBy(dataSource, Agency, "code"),
    /** An institution's own agency (kind APPRAISAL_INSTITUTION), if it has one. */
    agencyByInstitutionId: loadOneBy(dataSource, Agency, "institutionId"),
    clientSystemsByAgencyId: loadManyBy(dataSource, ClientSystem, "agencyId", { name: "ASC" }),
    identityProviderByAgencyId: loadOneBy(dataSource, IdentityProvider, "agencyId"),
  };
}
