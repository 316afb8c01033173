/**
 * Feedback summaries per institution and per appraiser. `addToSummaries` runs in the transaction of every
 * post, so a summary read is one indexed row however many feedback rows exist; `rebuildFeedbackSummaries`
 * recomputes them all from the rows (after a bulk load, or to repair).
 */
import { EntityManager } from "typeorm";
import type { DataSource } from "typeorm";
import { CaseFeedback } from "../entities/case-feedback.entity";
import { FeedbackKind } from "../domain/case-enums";
import type { SummaryRow, SummarySubject } from "../loaders/case-feedback.loader";
import type { RatingsInput } from "../inputs/case-feedback.input";

export interface FeedbackSummaryView {
  /** Whose summary it is (for the fields read apart, `complaintsLast12Months`). */
  subject: SummarySubject;
  subjectId: string;
  count: number;
  averages: Record<keyof Required<RatingsInput>, number | null>;
  adoptionRate: number | null;
  complaintsTotal: number;
  lastFeedbackAt: Date | null;
}

export const RATING_COLUMNS: Record<keyof Required<RatingsInput>, string> = {
  timeliness: "timeliness",
  professionalism: "professionalism",
  reportQuality: "report_quality",
  conduct: "conduct",
  courtPerformance: "court_performance",
};

/** Adds one feedback row to its institution's and appraiser's summaries (one upsert for both). */
export async function addToSummaries(manager: EntityManager, f: CaseFeedback): Promise<void> {
  const ratingValues = (Object.keys(RATING_COLUMNS) as Array<keyof Required<RatingsInput>>).flatMap((key) => [f[key] ?? 0, f[key] === null ? 0 : 1]);
  const columns = Object.values(RATING_COLUMNS).flatMap((c) => [`${c}_sum`, `${c}_n`]);
  const params = [
    ...ratingValues,
    f.opinionAdopted === true ? 1 : 0,
    f.opinionAdopted === null ? 0 : 1,
    f.kind === FeedbackKind.COMPLAINT ? 1 : 0,
    f.postedAt,
  ];
  // A complaint about the institution as a whole counts for the institution only.
  const subjects = ([["INSTITUTION", f.institutionId], ["APPRAISER", f.appraiserId]] as const).filter(([, id]) => !!id);
  if (subjects.length === 0) return;
  const allColumns = [...columns, "adopted_count", "adoption_known_count", "complaint_count"];
  // One statement for both subjects (a round trip less on every post): their keys differ, so one upsert
  // never meets its own row twice.
  const width = allColumns.length + 3;
  const rows = subjects.map((_, r) => `($${r * width + 1}, $${r * width + 2}, 1, ${allColumns.map((_, i) => `$${r * width + i + 3}`).join(", ")}, $${r * width + width})`);
  await manager.query(
    `INSERT INTO feedback_summaries (subject_type, subject_id, feedback_count, ${allColumns.join(", ")}, last_feedback_at)
     VALUES ${rows.join(", ")}
     ON CONFLICT (subject_type, subject_id) DO UPDATE SET
       feedback_count = feedback_summaries.feedback_count + 1,
       ${allColumns.map((c) => `${c} = feedback_summaries.${c} + EXCLUDED.${c}`).join(",\n       ")},
       last_feedback_at = GREATEST(feedback_summaries.last_feedback_at, EXCLUDED.last_feedback_at)`,
    subjects.flatMap(([subject, id]) => [subject, id, ...params]),
  );
}

export function summaryView(subject: SummarySubject, subjectId: string, row: SummaryRow | null): FeedbackSummaryView {
  const avg = (sum: number, n: number) => (n > 0 ? Math.round((sum / n) * 100) / 100 : null);
  if (!row) {
    return { subject, subjectId, count: 0, averages: { timeliness: null, professionalism: null, reportQuality: null, conduct: null, courtPerformance: null }, adoptionRate: null, complaintsTotal: 0, lastFeedbackAt: null };
  }
  return {
    subject,
    subjectId,
    count: row.feedback_count,
    averages: {
      timeliness: avg(row.timeliness_sum, row.timeliness_n),
      professionalism: avg(row.professionalism_sum, row.professionalism_n),
      reportQuality: avg(row.report_quality_sum, row.report_quality_n),
      conduct: avg(row.conduct_sum, row.conduct_n),
      courtPerformance: avg(row.court_performance_sum, row.court_performance_n),
    },
    adoptionRate: row.adoption_known_count > 0 ? Math.round((row.adopted_count / row.adoption_known_count) * 1000) / 1000 : null,
    complaintsTotal: row.complaint_count,
    lastFeedbackAt: row.last_feedback_at,
  };
}

/** Recomputes every summary from the feedback rows, in one transaction. Returns the number of subjects. */
export async function rebuildFeedbackSummaries(dataSource: DataSource): Promise<number> {
  const sums = Object.values(RATING_COLUMNS)
    .map((c) => `coalesce(sum(rating_${c}), 0), count(rating_${c})`)
    .join(", ");
  const columns = Object.values(RATING_COLUMNS)
    .map((c) => `${c}_sum, ${c}_n`)
    .join(", ");
  return dataSource.transaction(async (manager) => {
    await manager.query(`DELETE FROM feedback_summaries`);
    let subjects = 0;
    for (const [subject, column] of [["INSTITUTION", "institution_id"], ["APPRAISER", "appraiser_id"]]) {
      const rows: Array<unknown> = await manager.query(
        `INSERT INTO feedback_summaries (subject_type, subject_id, feedback_count, ${columns}, adopted_count, adoption_known_count, complaint_count, last_feedback_at)
         SELECT '${subject}', ${column}, count(*), ${sums}, count(*) FILTER (WHERE opinion_adopted), count(opinion_adopted),
                count(*) FILTER (WHERE kind = 'COMPLAINT'), max(posted_at)
           FROM case_feedback WHERE ${column} IS NOT NULL GROUP BY ${column} RETURNING subject_id`,
      );
      subjects += rows.length;
    }
    return subjects;
  });
}
