import { DataSource } from "typeorm";
import { AppraisalCase } from "../entities/appraisal-case.entity";
import { CaseAppraiser } from "../entities/case-appraiser.entity";
import { CaseEvent } from "../entities/case-event.entity";
import { CalendarKind, WorkingCalendar } from "../domain/working-days";
import { loadManyBy, loadOneBy } from "./entity-loaders";

/** Batched fetches for cases, and the working calendar (read at most once per request). */
export function createAppraisalCaseLoaders(dataSource: DataSource) {
  let calendar: Promise<WorkingCalendar> | undefined;
  return {
    caseById: loadOneBy(dataSource, AppraisalCase, "id"),
    /** Oldest first. */
    caseEventsByCaseId: loadManyBy(dataSource, CaseEvent, "caseId", { seq: "ASC" }),
    caseAppraisersByCaseId: loadManyBy(dataSource, CaseAppraiser, "caseId", { assignedOn: "ASC" }),
    calendar: (): Promise<WorkingCalendar> => {
      calendar ??= dataSource
        .query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_days`)
        .then((rows: Array<{ day: string; kind: CalendarKind }>) => new WorkingCalendar(new Map(rows.map((r) => [r.day, r.kind]))));
      return calendar;
    },
  };
}
