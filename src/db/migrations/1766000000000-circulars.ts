import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 通报 to a region (issue 18): circulars, commendations and warning education addressed to every institution
 * of a region, by the bureau or association covering it. Until now a circular could only be a supervision
 * record about one institution.
 */
export class Circulars1766000000000 implements MigrationInterface {
  name = "Circulars1766000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE circulars (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('NOTICE', 'COMMENDATION', 'WARNING_EDUCATION')),
        region_code text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        document_no text,
        issued_on date NOT NULL,
        issued_by_agency_code text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX circulars_by_region ON circulars (region_code text_pattern_ops, issued_on DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE circulars`);
  }
}
