import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Trusted documents (issue 17): the operations each client system registered, by their GraphQL-over-HTTP
 * document id (`sha256:<hex>` of the document's text), and a version per system that changes with every
 * registration, read with the registry on each request so that every instance sees a new manifest at once.
 */
export class TrustedDocuments1765200000000 implements MigrationInterface {
  name = "TrustedDocuments1765200000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE client_systems ADD COLUMN manifest_version int NOT NULL DEFAULT 0 CHECK (manifest_version >= 0)`);
    await q.query(`
      CREATE TABLE trusted_documents (
        client_system_id uuid NOT NULL REFERENCES client_systems (id) ON DELETE CASCADE,
        id text NOT NULL CHECK (id ~ '^sha256:[0-9a-f]{64}$'),
        document text NOT NULL,
        operation_names text[] NOT NULL DEFAULT '{}',
        registered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (client_system_id, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE trusted_documents`);
    await q.query(`ALTER TABLE client_systems DROP COLUMN manifest_version`);
  }
}
