import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The standards an appraisal applied (issue 18), recorded with its ISSUE step as catalogue entries, so the
 * statistics can count adoption by region. The GIN index serves "cases that applied this standard".
 */
export class StandardsApplied1766100000000 implements MigrationInterface {
  name = "StandardsApplied1766100000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appraisal_cases ADD COLUMN standard_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX appraisal_cases_standard_ids ON appraisal_cases USING gin (standard_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appraisal_cases DROP COLUMN standard_ids`);
  }
}
