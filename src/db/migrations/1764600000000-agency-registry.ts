import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The agency registry is written through the API (issue 14): agencies gain the kinds OTHER_DEPARTMENT (科技、教育、
 * 卫生 and other departments the credit plan notifies), ARBITRATION (仲裁机构) and MEDIATION (调解组织), a parent
 * agency (the bureau or court above it), and the reason of their last disable or enable.
 */
export class AgencyRegistry1764600000000 implements MigrationInterface {
  name = "AgencyRegistry1764600000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agencies DROP CONSTRAINT agencies_kind_check`);
    await q.query(
      `ALTER TABLE agencies ADD CONSTRAINT agencies_kind_check CHECK (kind IN ('COURT','PROCURATORATE','POLICE','MARKET_REGULATION','INDUSTRY_ASSOCIATION','APPRAISAL_INSTITUTION','OTHER_DEPARTMENT','ARBITRATION','MEDIATION'))`,
    );
    await q.query(`ALTER TABLE agencies ADD COLUMN parent_code text REFERENCES agencies(code) CHECK (parent_code <> code)`);
    await q.query(`ALTER TABLE agencies ADD COLUMN status_reason text CHECK (length(status_reason) <= 500)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agencies DROP COLUMN status_reason`);
    await q.query(`ALTER TABLE agencies DROP COLUMN parent_code`);
    await q.query(`ALTER TABLE agencies DROP CONSTRAINT agencies_kind_check`);
    await q.query(
      `ALTER TABLE agencies ADD CONSTRAINT agencies_kind_check CHECK (kind IN ('COURT','PROCURATORATE','POLICE','MARKET_REGULATION','INDUSTRY_ASSOCIATION','APPRAISAL_INSTITUTION'))`,
    );
  }
}
