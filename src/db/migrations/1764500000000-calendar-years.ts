import { MigrationInterface, QueryRunner } from "typeorm";

/** The placeholder the shipped calendar carried for 2027 (statutory days only); the estimate of a provisional year replaces it. */
const SHIPPED_2027_PLACEHOLDER = "法定节假日（暂定：2027年安排公布前仅含法定假日，无调休）";

/**
 * The working-day calendar runs out visibly (issue 12):
 *
 * - `calendar_years` marks each year CONFIRMED (its State Council notice is in the data) or PROVISIONAL
 *   (estimated). Existing years are confirmed when a stored day cites the notice (国办发明电…, 国务院办公厅…,
 *   …部分节假日安排的通知); the start-up sync then confirms the years the shipped file confirms.
 * - `case_feedback.complaint_response_working_days` keeps the working days a complaint was given at filing, so
 *   its response day can be recomputed when the calendar changes. Existing complaints get the working days
 *   between their filing day and their stored response day, counted with the stored calendar that set it.
 * - The shipped 2027 placeholder days are removed once counted.
 */
export class CalendarYears1764500000000 implements MigrationInterface {
  name = "CalendarYears1764500000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_years (
        year int PRIMARY KEY CHECK (year BETWEEN 1949 AND 2200),
        status text NOT NULL CHECK (status IN ('CONFIRMED','PROVISIONAL')),
        source text NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE case_feedback ADD COLUMN complaint_response_working_days int CHECK (complaint_response_working_days >= 0)`);
    // The filing day is the posting day in China Standard Time (todayInChina); a day counts as the calendar then counted it.
    await q.query(`
      UPDATE case_feedback f SET complaint_response_working_days = (
        SELECT count(*)::int
        FROM generate_series(((f.posted_at AT TIME ZONE 'UTC') + interval '8 hours')::date + 1, f.complaint_respond_by, interval '1 day') AS g(d)
        LEFT JOIN calendar_days c ON c.day = g.d::date
        WHERE coalesce(c.kind = 'WORKDAY', extract(isodow FROM g.d) < 6)
      )
      WHERE f.kind = 'COMPLAINT' AND f.complaint_respond_by IS NOT NULL`);
    await q.query(`DELETE FROM calendar_days WHERE source = $1`, [SHIPPED_2027_PLACEHOLDER]);
    await q.query(`
      INSERT INTO calendar_years (year, status, source)
      SELECT extract(year FROM day)::int,
             CASE WHEN bool_or(source LIKE '%国办发明电%' OR source LIKE '%国务院办公厅%' OR source LIKE '%部分节假日安排的通知%') THEN 'CONFIRMED' ELSE 'PROVISIONAL' END,
             coalesce(string_agg(DISTINCT nullif(source, ''), '; '), '')
      FROM calendar_days GROUP BY 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_feedback DROP COLUMN complaint_response_working_days`);
    await q.query(`DROP TABLE calendar_years`);
  }
}
