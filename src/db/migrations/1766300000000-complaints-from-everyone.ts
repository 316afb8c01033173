import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Complaints from everyone (issue 18): a complaint may be about an institution rather than one appraiser, be
 * filed outside a case (no case number), on behalf of a party (当事人, whose contact is sealed), or come from
 * a public report a bureau accepted. Evaluations and commendations still name an appraiser and a case number.
 */
export class ComplaintsFromEveryone1766300000000 implements MigrationInterface {
  name = "ComplaintsFromEveryone1766300000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_feedback ALTER COLUMN appraiser_id DROP NOT NULL, ALTER COLUMN agency_case_no DROP NOT NULL`);
    await q.query(`ALTER TABLE case_feedback ADD COLUMN party_name text, ADD COLUMN party_contact_sealed text, ADD COLUMN party_contact_masked text,
                   ADD COLUMN public_report_id uuid UNIQUE REFERENCES public_reports (id)`);
    await q.query(`ALTER TABLE case_feedback ADD CONSTRAINT case_feedback_names_appraiser_and_case
                   CHECK (kind = 'COMPLAINT' OR (appraiser_id IS NOT NULL AND agency_case_no IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_feedback DROP CONSTRAINT case_feedback_names_appraiser_and_case`);
    await q.query(`ALTER TABLE case_feedback DROP COLUMN public_report_id, DROP COLUMN party_contact_masked, DROP COLUMN party_contact_sealed, DROP COLUMN party_name`);
    await q.query(`ALTER TABLE case_feedback ALTER COLUMN appraiser_id SET NOT NULL, ALTER COLUMN agency_case_no SET NOT NULL`);
  }
}
