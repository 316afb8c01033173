import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 受理公众举报 (issue 18): reports from the anonymous public about an institution, triaged by the bureau of
 * the subject's region. The receipt code is kept only as its SHA-256 (a dump does not let anyone read a
 * report's status as its reporter); the reporter's contact is sealed like other personal data.
 */
export class PublicReports1765700000000 implements MigrationInterface {
  name = "PublicReports1765700000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE public_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        receipt_hash char(64) NOT NULL UNIQUE,
        subject_credit_code text NOT NULL,
        subject_name text NOT NULL,
        subject_institution_id uuid REFERENCES institutions (id),
        region_code text NOT NULL,
        description text NOT NULL,
        contact_sealed text,
        contact_masked text,
        status text NOT NULL DEFAULT 'RECEIVED' CHECK (status IN ('RECEIVED', 'ACCEPTED', 'MERGED', 'DISMISSED')),
        triage_reason text,
        merged_into_id uuid REFERENCES public_reports (id),
        triaged_by_agency_code text,
        triaged_at timestamptz,
        received_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((status = 'MERGED') = (merged_into_id IS NOT NULL)),
        CHECK ((status = 'RECEIVED') = (triaged_at IS NULL))
      )`);
    await q.query(`CREATE INDEX public_reports_by_region ON public_reports (region_code text_pattern_ops, received_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE public_reports`);
  }
}
