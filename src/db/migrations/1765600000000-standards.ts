import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The catalogue of IP-appraisal standards (issue 18), seeded with the standards whose publication could be
 * confirmed: GB/T 45563.2—2025 《知识产权鉴定规范 第2部分：专利》, issued and in force on 2025-04-25. Bureaus add
 * the rest (`addStandard`); no code is entered here that was not confirmed.
 */
export class Standards1765600000000 implements MigrationInterface {
  name = "Standards1765600000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE standards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        code_key text NOT NULL UNIQUE,
        title text NOT NULL,
        part text,
        kind text NOT NULL CHECK (kind IN ('NATIONAL', 'INDUSTRY', 'LOCAL', 'GROUP')),
        technical_field text,
        issued_by text,
        issued_on date,
        effective_on date,
        status text NOT NULL DEFAULT 'IN_FORCE' CHECK (status IN ('IN_FORCE', 'SUPERSEDED', 'WITHDRAWN')),
        added_by_agency_code text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `INSERT INTO standards (code, code_key, title, part, kind, technical_field, issued_by, issued_on, effective_on)
       VALUES ('GB/T 45563.2—2025', 'GB/T45563.2-2025', '知识产权鉴定规范', '第2部分：专利', 'NATIONAL', 'PATENT', '国家市场监督管理总局 国家标准化管理委员会', '2025-04-25', '2025-04-25')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE standards`);
  }
}
