import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Filed monthly reports (issue 19): the supervision report each city and province bureau sends up for a month
 * (定期汇总上报), made by the scheduler on the first of the next month and kept as filed: the figures, the
 * `.xlsx` and the page to print. One per region and month.
 */
export class MonthlyReports1766900000000 implements MigrationInterface {
  name = "MonthlyReports1766900000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE monthly_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      region_code text NOT NULL,
      month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      agency_id uuid NOT NULL REFERENCES agencies (id),
      filed_at timestamptz NOT NULL DEFAULT now(),
      figures jsonb NOT NULL,
      xlsx bytea NOT NULL,
      html text NOT NULL,
      CONSTRAINT monthly_reports_region_month UNIQUE (region_code, month)
    )`);
    // The province's list: its regions' reports, newest month first.
    await q.query(`CREATE INDEX monthly_reports_list_idx ON monthly_reports (region_code text_pattern_ops, month DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE monthly_reports`);
  }
}
