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
    if (cases.length === 0) return;
    // Extracted here (the rule is code), written in one statement.
    const keyed = cases.map((c) => ({ id: c.id, ...caseSubjectKeys({ subject: c.subject, matter: c.matter }) }));
    await q.query(
      `UPDATE appraisal_cases c SET object_keys = ARRAY(SELECT jsonb_array_elements_text(k.object_keys)), party_keys = ARRAY(SELECT jsonb_array_elements_text(k.party_keys)), matter_key = k.matter_key
         FROM jsonb_to_recordset($1::jsonb) AS k(id uuid, object_keys jsonb, party_keys jsonb, matter_key text) WHERE c.id = k.id`,
      [JSON.stringify(keyed.map((k) => ({ id: k.id, object_keys: k.objectKeys, party_keys: k.partyKeys, matter_key: k.matterKey })))],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appraisal_cases DROP COLUMN reappraisal_of, DROP COLUMN matter_key, DROP COLUMN party_keys, DROP COLUMN object_keys`);
  }
}
