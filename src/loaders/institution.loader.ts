import { DataSource } from "typeorm";
import { Institution } from "../entities/institution.entity";
import { ListingEvent } from "../entities/listing-event.entity";
import { InstitutionGradeRecord } from "../entities/institution-grade.entity";
import { RemovalProposal } from "../entities/removal-proposal.entity";
import { loadManyBy, loadOneBy } from "./entity-loaders";

/** Batched fetches for institutions (see `entity-loaders.ts` for the contract). */
export function createInstitutionLoaders(dataSource: DataSource) {
  return {
    institutionById: loadOneBy(dataSource, Institution, "id"),
    institutionByCreditCode: loadOneBy(dataSource, Institution, "creditCode"),
    /** Removal proposals about each institution, newest first. */
    removalProposalsByInstitutionId: loadManyBy(dataSource, RemovalProposal, "institutionId", { proposedAt: "DESC" }),
    /** The association's grades of each institution, the latest decision first. */
    gradesByInstitutionId: loadManyBy(dataSource, InstitutionGradeRecord, "institutionId", { decidedOn: { direction: "DESC", nulls: "LAST" }, createdAt: "DESC" }),
    /** Newest first: effective date, then order of recording. */
    listingEventsByInstitutionId: loadManyBy(dataSource, ListingEvent, "institutionId", { effectiveOn: "DESC", seq: "DESC" }),
  };
}
