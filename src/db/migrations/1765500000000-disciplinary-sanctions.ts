import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 行业惩戒 (issue 18): an industry association's sanctions against an appraiser under its own charter
 * (通报批评, 公开谴责, 取消会员资格), kept apart from a bureau's status decisions.
 */
export class DisciplinarySanctions1765500000000 implements MigrationInterface {
  name = "DisciplinarySanctions1765500000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE disciplinary_sanctions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        appraiser_id uuid NOT NULL REFERENCES appraisers (id),
        kind text NOT NULL CHECK (kind IN ('CIRCULATED_CRITICISM', 'PUBLIC_CENSURE', 'MEMBERSHIP_REVOKED')),
        reason text NOT NULL,
        decision_doc_no text,
        decided_on date NOT NULL,
        decided_by_agency_id uuid NOT NULL REFERENCES agencies (id),
        decided_by_agency_code text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX disciplinary_sanctions_by_appraiser ON disciplinary_sanctions (appraiser_id, decided_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE disciplinary_sanctions`);
  }
}
