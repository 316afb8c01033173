import { DataSource } from "typeorm";
import { AppraisalCase } from "../entities/appraisal-case.entity";
import { CaseAppraiser } from "../entities/case-appraiser.entity";
import { CaseEvent } from "../entities/case-event.entity";
import type { WorkingCalendar } from "../domain/working-days";
import { loadWorkingCalendar } from "../seed/calendar";
import { loadManyBy, loadOneBy } from "./entity-loaders";

/** Batched fetches for cases, and the working calendar (read at most once per request). */
export function createAppraisalCaseLoaders(dataSource: DataSource) {
  let calendar: Promise<WorkingCalendar> | undefined;
  return {
    appraisalCaseById: loadOneBy(dataSource, AppraisalCase, "id"),
    /** Oldest first. */
    caseEventsByCaseId: loadManyBy(dataSource, CaseEvent, "caseId", { seq: "ASC" }),
    caseAppraisersByCaseId: loadManyBy(dataSource, CaseAppraiser, "caseId", { assignedOn: "ASC" }),
    calendar: (): Promise<WorkingCalendar> => {
      calendar ??= loadWorkingCalendar(dataSource);
      return calendar;
    },
  };
}
