import DataLoader from "dataloader";
import { DataSource } from "typeorm";
import { CaseFeedback } from "../entities/case-feedback.entity";
import { ComplaintEvent } from "../entities/complaint-event.entity";
import { SupervisionRecord } from "../entities/supervision-record.entity";
import { loadManyBy, loadOneBy } from "./entity-loaders";

export type SummarySubject = "INSTITUTION" | "APPRAISER";

/** A `feedback_summaries` row, plus complaints of the last 12 months. */
export interface SummaryRow {
  feedback_count: number;
  timeliness_sum: number; timeliness_n: number;
  professionalism_sum: number; professionalism_n: number;
  report_quality_sum: number; report_quality_n: number;
  conduct_sum: number; conduct_n: number;
  court_performance_sum: number; court_performance_n: number;
  adopted_count: number;
  adoption_known_count: number;
  complaint_count: number;
  last_feedback_at: Date | null;
  complaints_last_12_months: number;
}

/**
 * Batched fetches for feedback: summaries are one row per subject (maintained on write), plus one grouped
 * count of the last 12 months' complaints; keys are `INSTITUTION:<id>` or `APPRAISER:<id>`.
 */
export function createCaseFeedbackLoaders(dataSource: DataSource) {
  return {
    caseFeedbackById: loadOneBy(dataSource, CaseFeedback, "id"),
    feedbackSummary: new DataLoader<string, SummaryRow | null>(async (keys) => {
      const bySubject = new Map<SummarySubject, string[]>();
      for (const key of keys) {
        const [subject, id] = key.split(":") as [SummarySubject, string];
        bySubject.set(subject, [...(bySubject.get(subject) ?? []), id]);
      }
      const found = new Map<string, SummaryRow>();
      for (const [subject, ids] of bySubject) {
        const column = subject === "INSTITUTION" ? "institution_id" : "appraiser_id";
        const rows: Array<SummaryRow & { subject_id: string }> = await dataSource.query(
          `SELECT s.*, s.subject_id::text AS subject_id,
                  (SELECT count(*)::int FROM case_feedback f
                    WHERE f.${column} = s.subject_id AND f.kind = 'COMPLAINT' AND f.posted_at > now() - interval '12 months') AS complaints_last_12_months
             FROM feedback_summaries s WHERE s.subject_type = $1 AND s.subject_id = ANY($2::uuid[])`,
          [subject, ids],
        );
        for (const row of rows) found.set(`${subject}:${row.subject_id}`, row);
      }
      return keys.map((key) => found.get(key) ?? null);
    }),
    complaintEventsByFeedbackId: loadManyBy(dataSource, ComplaintEvent, "feedbackId", { seq: "ASC" }),
    supervisionRecordsByInstitutionId: loadManyBy(dataSource, SupervisionRecord, "institutionId", { conductedOn: "DESC" }),
  };
}
