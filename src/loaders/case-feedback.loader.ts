import DataLoader from "dataloader";
import { DataSource } from "typeorm";
import { CaseFeedback } from "../entities/case-feedback.entity";
import { ComplaintEvent } from "../entities/complaint-event.entity";
import { SupervisionRecord } from "../entities/supervision-record.entity";
import { loadManyBy, loadOneBy } from "./entity-loaders";

export type SummarySubject = "INSTITUTION" | "APPRAISER";

/** A `feedback_summaries` row. */
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
}

/** Keys `INSTITUTION:<id>` or `APPRAISER:<id>`, grouped by subject. */
function bySubject(keys: readonly string[]): Map<SummarySubject, string[]> {
  const groups = new Map<SummarySubject, string[]>();
  for (const key of keys) {
    const [subject, id] = key.split(":") as [SummarySubject, string];
    let ids = groups.get(subject);
    if (!ids) groups.set(subject, (ids = []));
    ids.push(id);
  }
  return groups;
}

/**
 * Batched fetches for feedback: summaries are one row per subject (maintained on write); the last 12 months'
 * complaints a grouped count of their own, for the queries that select them. Keys are `INSTITUTION:<id>` or
 * `APPRAISER:<id>`.
 */
export function createCaseFeedbackLoaders(dataSource: DataSource) {
  return {
    caseFeedbackById: loadOneBy(dataSource, CaseFeedback, "id"),
    feedbackSummary: new DataLoader<string, SummaryRow | null>(async (keys) => {
      const found = new Map<string, SummaryRow>();
      for (const [subject, ids] of bySubject(keys)) {
        const rows: Array<SummaryRow & { subject_id: string }> = await dataSource.query(
          `SELECT s.*, s.subject_id::text AS subject_id FROM feedback_summaries s WHERE s.subject_type = $1 AND s.subject_id = ANY($2::uuid[])`,
          [subject, ids],
        );
        for (const row of rows) found.set(`${subject}:${row.subject_id}`, row);
      }
      return keys.map((key) => found.get(key) ?? null);
    }),
    /** Complaints posted in the last 12 months, per subject: read only when a query asks (a grouped count over feedback rows). */
    recentComplaints: new DataLoader<string, number>(async (keys) => {
      const found = new Map<string, number>();
      for (const [subject, ids] of bySubject(keys)) {
        const column = subject === "INSTITUTION" ? "institution_id" : "appraiser_id";
        const rows: Array<{ subject_id: string; n: number }> = await dataSource.query(
          `SELECT ${column}::text AS subject_id, count(*)::int AS n FROM case_feedback
            WHERE ${column} = ANY($1::uuid[]) AND kind = 'COMPLAINT' AND posted_at > now() - interval '12 months' GROUP BY ${column}`,
          [ids],
        );
        for (const row of rows) found.set(`${subject}:${row.subject_id}`, row.n);
      }
      return keys.map((key) => found.get(key) ?? 0);
    }),
    complaintEventsByFeedbackId: loadManyBy(dataSource, ComplaintEvent, "feedbackId", { seq: "ASC" }),
    supervisionRecordsByInstitutionId: loadManyBy(dataSource, SupervisionRecord, "institutionId", { conductedOn: "DESC" }),
  };
}
