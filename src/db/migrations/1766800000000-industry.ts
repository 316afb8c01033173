import { MigrationInterface, QueryRunner } from "typeorm";

const SECTIONS = "ARRAY['A','B','C','D','E','F','G','H','I','J','K','L','M','N','O','P','Q','R','S','T']::text[]";

/**
 * The industry dimension of special statistics (专项统计, issue 19): the GB/T 4754 sections an institution
 * serves, and the section of a case's matter (unknown for the cases entrusted before).
 */
export class Industry1766800000000 implements MigrationInterface {
  name = "Industry1766800000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE institutions ADD COLUMN industry_sections text[] NOT NULL DEFAULT '{}' CHECK (industry_sections <@ ${SECTIONS})`);
    await q.query(`ALTER TABLE appraisal_cases ADD COLUMN industry_section text CHECK (industry_section = ANY (${SECTIONS}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appraisal_cases DROP COLUMN industry_section`);
    await q.query(`ALTER TABLE institutions DROP COLUMN industry_sections`);
  }
}
