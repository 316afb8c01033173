import { MigrationInterface, QueryRunner } from "typeorm";
import { caseSubjectKeys } from "../../domain/case-subject";

/**
 * Duplicate and repeated appraisals (issue 18): each case's subject keys (`domain/case-subject.ts`), indexed
 * for overlap, and the case a re-appraisal (重新鉴定) repeats. Existing cases get the keys their subject text holds.
 */
export class CaseSubjects1765300000000 implements MigrationInterface {
  name = "CaseSubjects1765300000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appraisal_cases
      ADD COLUMN object_keys text[] NOT NULL DEFAULT '{}',
      ADD COLUMN party_keys text[] NOT NULL DEFAULT '{}',
      ADD COLUMN matter_key text NOT NULL DEFAULT '',
      ADD COLUMN reappraisal_of uuid REFERENCES appraisal_cases (id)`);
    await q.query(`CREATE INDEX appraisal_cases_object_keys ON appraisal_cases USING gin (object_keys)`);
    await q.query(`CREATE INDEX appraisal_cases_party_keys ON appraisal_cases USING gin (party_keys)`);
    await q.query(`CREATE INDEX appraisal_cases_reappraisal_of ON appraisal_cases (reappraisal_of) WHERE reappraisal_of IS NOT NULL`);
    const cases: Array<{ id: string; subject: string; matter: string }> = await q.query(`SELECT id, subject, matter FROM appraisal_cases`);
    for (const c of cases) {
      const keys = caseSubjectKeys({ subject: c.subject, matter: c.matter });
      await q.query(`UPDATE appraisal_cases SET object_keys = $2, party_keys = $3, matter_key = $4 WHERE id = $1`, [c.id, keys.objectKeys, keys.partyKeys, keys.matterKey]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appraisal_cases DROP COLUMN reappraisal_of, DROP COLUMN matter_key, DROP COLUMN party_keys, DROP COLUMN object_keys`);
  }
}
