import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 等级评价 (issue 18): the industry association's grades of institutions, with the decision, the day and how
 * long each is valid, kept as history; `institutions.grade` holds the latest, with the day it lapses. Grades
 * recorded before this migration become the first entries of the history (no decision, no validity).
 */
export class InstitutionGrades1765900000000 implements MigrationInterface {
  name = "InstitutionGrades1765900000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE institution_grades (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES institutions (id),
        grade text NOT NULL CHECK (grade IN ('A', 'AA', 'AAA', 'AAAA', 'AAAAA')),
        decided_on date,
        valid_until date,
        decision_doc_no text,
        decided_by_agency_code text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_until IS NULL OR decided_on IS NULL OR valid_until >= decided_on)
      )`);
    await q.query(`CREATE INDEX institution_grades_by_institution ON institution_grades (institution_id, decided_on DESC)`);
    await q.query(`ALTER TABLE institutions ADD COLUMN grade_valid_until date`);
    await q.query(`INSERT INTO institution_grades (institution_id, grade) SELECT id, grade FROM institutions WHERE grade IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE institutions DROP COLUMN grade_valid_until`);
    await q.query(`DROP TABLE institution_grades`);
  }
}
