import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 移出名录库 on a confirmed false appraisal (issue 18): a SERIOUS FALSE_APPRAISAL credit determination proposes
 * the institution's removal to the bureau that decides; the removal takes effect only through a decision
 * recorded after a legal review (重大执法决定法制审核).
 */
export class RemovalProposals1766200000000 implements MigrationInterface {
  name = "RemovalProposals1766200000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE removal_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES institutions (id),
        institution_region_code text NOT NULL,
        credit_record_id uuid NOT NULL UNIQUE REFERENCES credit_records (id),
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'REVIEWED', 'REMOVED', 'DECLINED')),
        legal_review_conclusion text CHECK (legal_review_conclusion IN ('LAWFUL', 'RETURNED')),
        legal_review_opinion text,
        legal_reviewed_on date,
        legal_reviewed_by_agency_code text,
        decision_reason text,
        decision_doc_no text,
        decided_on date,
        decided_by_agency_code text,
        proposed_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (status <> 'REMOVED' OR legal_review_conclusion = 'LAWFUL')
      )`);
    await q.query(`CREATE INDEX removal_proposals_by_institution ON removal_proposals (institution_id, proposed_at DESC)`);
    // At most one open proposal per institution, whatever runs at once.
    await q.query(`CREATE UNIQUE INDEX removal_proposals_one_open ON removal_proposals (institution_id) WHERE status IN ('PROPOSED', 'REVIEWED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE removal_proposals`);
  }
}
