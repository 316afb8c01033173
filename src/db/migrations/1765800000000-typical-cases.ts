import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 知识产权鉴定应用案例库 (issue 18): closed cases a bureau or association published as typical, de-identified.
 * One publication per case; it copies the field and matter (so the library never reads the case again) and
 * points at the catalogue for the standards applied.
 */
export class TypicalCases1765800000000 implements MigrationInterface {
  name = "TypicalCases1765800000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE typical_cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL UNIQUE REFERENCES appraisal_cases (id),
        institution_id uuid NOT NULL REFERENCES institutions (id),
        region_code text NOT NULL,
        technical_field text NOT NULL,
        matter text NOT NULL,
        title text NOT NULL,
        summary text NOT NULL,
        key_points text[] NOT NULL DEFAULT '{}',
        standard_ids uuid[] NOT NULL DEFAULT '{}',
        published_on date NOT NULL,
        published_by_agency_code text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX typical_cases_by_field ON typical_cases (technical_field, published_on DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE typical_cases`);
  }
}
