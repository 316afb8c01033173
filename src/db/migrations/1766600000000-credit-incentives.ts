import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Credit subjects and positive records (issue 19): patent attorneys (专利代理师) as subjects, known by a
 * sealed practising certificate number, and positive records (守信激励) beside the determinations.
 */
export class CreditIncentives1766600000000 implements MigrationInterface {
  name = "CreditIncentives1766600000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE patent_attorneys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      certificate_sealed text NOT NULL,
      certificate_hash char(64) NOT NULL UNIQUE,
      certificate_masked text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    const subjectTypes = `'INSTITUTION','APPRAISER','ENTERPRISE','PATENT_AGENCY','TRADEMARK_AGENCY','PATENT_ATTORNEY'`;
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_subject_type_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_subject_type_check CHECK (subject_type IN (${subjectTypes}))`);
    await q.query(`ALTER TABLE credit_records ADD COLUMN subject_attorney_id uuid REFERENCES patent_attorneys (id),
                   ADD CONSTRAINT credit_records_attorney_subject CHECK ((subject_type = 'PATENT_ATTORNEY') = (subject_attorney_id IS NOT NULL))`);
    await q.query(`CREATE INDEX credit_records_attorney_idx ON credit_records (subject_attorney_id) WHERE subject_attorney_id IS NOT NULL`);

    await q.query(`CREATE TABLE credit_incentives (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      subject_type text NOT NULL CHECK (subject_type IN (${subjectTypes})),
      subject_credit_code text,
      subject_institution_id uuid REFERENCES institutions (id),
      subject_appraiser_id uuid REFERENCES appraisers (id),
      subject_attorney_id uuid REFERENCES patent_attorneys (id),
      subject_name text NOT NULL,
      subject_region_code text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('COMMENDATION','RED_LIST','CREDIT_COMMITMENT_KEPT')),
      measures text[] NOT NULL DEFAULT '{}',
      deciding_agency_code text NOT NULL,
      decision_doc_no text NOT NULL,
      basis text NOT NULL,
      decided_on date NOT NULL,
      publish_from date NOT NULL,
      publish_until date NOT NULL CHECK (publish_until >= publish_from),
      status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','REVOKED')),
      revoke_reason text,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((subject_type = 'APPRAISER') = (subject_appraiser_id IS NOT NULL)),
      CHECK ((subject_type = 'PATENT_ATTORNEY') = (subject_attorney_id IS NOT NULL)),
      CHECK (subject_type <> 'INSTITUTION' OR subject_institution_id IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX credit_incentives_region_idx ON credit_incentives (subject_region_code text_pattern_ops, decided_on DESC)`);
    await q.query(`CREATE INDEX credit_incentives_institution_idx ON credit_incentives (subject_institution_id) WHERE subject_institution_id IS NOT NULL`);
    await q.query(`CREATE INDEX credit_incentives_appraiser_idx ON credit_incentives (subject_appraiser_id) WHERE subject_appraiser_id IS NOT NULL`);
    await q.query(`CREATE INDEX credit_incentives_attorney_idx ON credit_incentives (subject_attorney_id) WHERE subject_attorney_id IS NOT NULL`);
    await q.query(`CREATE INDEX credit_incentives_code_idx ON credit_incentives (subject_credit_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credit_incentives`);
    const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM credit_records WHERE subject_type = 'PATENT_ATTORNEY'`);
    if (n > 0) throw new Error(`${n} credit record(s) about patent attorneys exist: the version before them cannot hold them`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_attorney_subject, DROP COLUMN subject_attorney_id`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_subject_type_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_subject_type_check CHECK (subject_type IN ('INSTITUTION','APPRAISER','ENTERPRISE','PATENT_AGENCY','TRADEMARK_AGENCY'))`);
    await q.query(`DROP TABLE patent_attorneys`);
  }
}
