import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { InspectionOutcome, PublicRatings } from "../resolvers/public-evaluation.types";

/** An average with the number of ratings behind it. */
export interface RatedAverage {
  average: number | null;
  ratings: number;
}

export interface EvaluationFacts {
  /** Evaluations and commendations (complaints carry no ratings, and are not a satisfaction figure). */
  feedbackCount: number;
  averages: Record<keyof PublicRatings, RatedAverage>;
  latestInspection: InspectionOutcome | null;
}

/**
 * Each institution's feedback over the period since `since` (count and average ratings) and its latest
 * inspection: two statements per batch, whatever the number of institutions on the page.
 */
export function createInstitutionEvaluationLoaders(dataSource: DataSource, since: () => string) {
  return {
    evaluationByInstitutionId: new DataLoader<string, EvaluationFacts>(async (ids) => {
      const keys = [...ids];
      const [ratings, inspections] = await Promise.all([
        dataSource.query(
          `SELECT institution_id AS id, count(*)::int AS n,
                  avg(rating_timeliness)::float8 AS timeliness, count(rating_timeliness)::int AS timeliness_n,
                  avg(rating_professionalism)::float8 AS professionalism, count(rating_professionalism)::int AS professionalism_n,
                  avg(rating_report_quality)::float8 AS report_quality, count(rating_report_quality)::int AS report_quality_n,
                  avg(rating_conduct)::float8 AS conduct, count(rating_conduct)::int AS conduct_n,
                  avg(rating_court_performance)::float8 AS court_performance, count(rating_court_performance)::int AS court_performance_n
             FROM case_feedback WHERE institution_id = ANY($1::uuid[]) AND posted_at >= $2::date AND kind <> 'COMPLAINT' GROUP BY institution_id`,
          [keys, since()],
        ),
        dataSource.query(
          `SELECT DISTINCT ON (institution_id) institution_id AS id, kind, to_char(conducted_on, 'YYYY-MM-DD') AS conducted_on, result, score::float8 AS score
             FROM supervision_records WHERE institution_id = ANY($1::uuid[]) AND kind IN ('PRACTICE_INSPECTION', 'DOCUMENT_QUALITY_REVIEW')
            ORDER BY institution_id, conducted_on DESC, created_at DESC`,
          [keys],
        ),
      ]);
      const byInstitution = new Map<string, Record<string, number | null>>(ratings.map((r: Record<string, number | null> & { id: string }) => [r.id, r]));
      const inspected = new Map<string, Record<string, unknown>>(inspections.map((r: Record<string, unknown> & { id: string }) => [r.id, r]));
      const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);
      const rated = (r: Record<string, number | null> | undefined, column: string): RatedAverage => ({ average: round(r?.[column]), ratings: (r?.[`${column}_n`] as number | undefined) ?? 0 });
      return keys.map((id) => {
        const r = byInstitution.get(id);
        const i = inspected.get(id);
        return {
          feedbackCount: (r?.n as number | undefined) ?? 0,
          averages: {
            timeliness: rated(r, "timeliness"),
            professionalism: rated(r, "professionalism"),
            reportQuality: rated(r, "report_quality"),
            conduct: rated(r, "conduct"),
            courtPerformance: rated(r, "court_performance"),
          },
          latestInspection: i ? ({ kind: i.kind, conductedOn: i.conducted_on, result: i.result, score: i.score } as InspectionOutcome) : null,
        };
      });
    }),
  };
}
