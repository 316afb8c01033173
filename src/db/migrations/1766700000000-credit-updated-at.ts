import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Credit exchange (issue 19): the public credit information platform takes what changed since its last
 * delivery, so credit records and positive records carry the time of their last change (the transaction's
 * start, `now()`, which the export's watermark is built on).
 */
export class CreditUpdatedAt1766700000000 implements MigrationInterface {
  name = "CreditUpdatedAt1766700000000";

  async up(q: QueryRunner): Promise<void> {
    for (const table of ["credit_records", "credit_incentives"]) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
      await q.query(`UPDATE ${table} SET updated_at = created_at`);
      await q.query(`CREATE INDEX ${table}_updated_idx ON ${table} (updated_at, id)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["credit_records", "credit_incentives"]) await q.query(`ALTER TABLE ${table} DROP COLUMN updated_at`);
  }
}
