import { MigrationInterface, QueryRunner } from "typeorm";
import { caseNumberKey } from "../../domain/case-number";

const BATCH = 5000;

/**
 * Case numbers match across their spellings (issue 12): `agency_case_no_key` holds `caseNumberKey` of the
 * number as written, and the case filter compares keys. Existing rows get their key computed by the same
 * function the services use, so the stored keys and the filter cannot disagree.
 */
export class CaseNumberKeys1764400000000 implements MigrationInterface {
  name = "CaseNumberKeys1764400000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appraisal_cases ADD COLUMN agency_case_no_key text`);
    for (let after = "00000000-0000-0000-0000-000000000000"; ; ) {
      const rows: Array<{ id: string; agency_case_no: string }> = await q.query(
        `SELECT id, agency_case_no FROM appraisal_cases WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      await q.query(`UPDATE appraisal_cases c SET agency_case_no_key = k.key FROM unnest($1::uuid[], $2::text[]) AS k(id, key) WHERE c.id = k.id`, [
        rows.map((r) => r.id),
        rows.map((r) => caseNumberKey(r.agency_case_no)),
      ]);
      after = rows[rows.length - 1].id;
    }
    await q.query(`ALTER TABLE appraisal_cases ALTER COLUMN agency_case_no_key SET NOT NULL`);
    await q.query(`CREATE INDEX appraisal_cases_case_no_key_idx ON appraisal_cases (agency_case_no_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appraisal_cases DROP COLUMN agency_case_no_key`);
  }
}
