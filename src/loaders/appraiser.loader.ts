import { DataSource } from "typeorm";
import { Appraiser } from "../entities/appraiser.entity";
import { AppraiserPractice } from "../entities/appraiser-practice.entity";
import { AppraiserStatusEvent } from "../entities/appraiser-status-event.entity";
import { DisciplinarySanction } from "../entities/disciplinary-sanction.entity";
import { loadManyBy, loadOneBy, perSelection } from "./entity-loaders";

/** Batched fetches for appraisers (see `entity-loaders.ts` for the contract). */
export function createAppraiserLoaders(dataSource: DataSource) {
  return {
    appraiserById: loadOneBy(dataSource, Appraiser, "id"),
    /** Current appraisers of each institution, by name: the columns given (`loaders/column-selection.ts`), or all. */
    appraisersByInstitutionId: perSelection((properties) => loadManyBy(dataSource, Appraiser, "institutionId", { name: "ASC", id: "ASC" }, properties)),
    practicesByAppraiserId: loadManyBy(dataSource, AppraiserPractice, "appraiserId", { startedOn: "DESC" }),
    /** Each appraiser's statuses, oldest first (recorded in the order they take effect). */
    statusEventsByAppraiserId: loadManyBy(dataSource, AppraiserStatusEvent, "appraiserId", { id: "ASC" }),
    /** Associations' sanctions against each appraiser, newest first. */
    sanctionsByAppraiserId: loadManyBy(dataSource, DisciplinarySanction, "appraiserId", { decidedOn: "DESC", createdAt: "DESC" }),
  };
}
