import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { AppraisalCase } from "../entities/appraisal-case.entity";
import { CaseAppraiser } from "../entities/case-appraiser.entity";
import { CaseEvent } from "../entities/case-event.entity";
import { CalendarKind, WorkingCalendar } from "../domain/working-days";
import { groupBy } from "./group-by";

/** Batched fetches for cases, and the working calendar (read at most once per request). */
export function createAppraisalCaseLoaders(dataSource: DataSource) {
  let calendar: Promise<WorkingCalendar> | undefined;
  return {
    caseById: new DataLoader<string, AppraisalCase | null>(async (ids) => {
      const rows = await dataSource.getRepository(AppraisalCase).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Oldest first. */
    caseEventsByCaseId: new DataLoader<string, CaseEvent[]>(async (ids) => {
      const rows = await dataSource.getRepository(CaseEvent).find({ where: { caseId: In([...ids]) }, order: { seq: "ASC" } });
      const groups = groupBy(rows, (row) => row.caseId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    caseAppraisersByCaseId: new DataLoader<string, CaseAppraiser[]>(async (ids) => {
      const rows = await dataSource.getRepository(CaseAppraiser).find({ where: { caseId: In([...ids]) }, order: { assignedOn: "ASC" } });
      const groups = groupBy(rows, (row) => row.caseId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    calendar: (): Promise<WorkingCalendar> => {
      calendar ??= dataSource
        .query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_days`)
        .then((rows: Array<{ day: string; kind: CalendarKind }>) => new WorkingCalendar(new Map(rows.map((r) => [r.day, r.kind]))));
      return calendar;
    },
  };
}
