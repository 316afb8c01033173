import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Envelope encryption of personal data (see `auth/pii-vault.ts`): the data keys, each wrapped (AES-256-GCM)
 * under a master key named by `kek_id` (first 8 hex digits of its SHA-256). `encrypt` keys seal values
 * (`v2.<id>.…`); a retired one no longer seals but still opens what it sealed. There is one `hash` key, never
 * retired. The hub makes the first keys on first use, so values sealed before (`v1.…`) stay readable and their
 * hashes valid; `hub pii rekey` re-seals them.
 */
export class PiiDataKeys1764700000000 implements MigrationInterface {
  name = "PiiDataKeys1764700000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pii_data_keys (
        id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{12}$'),
        purpose text NOT NULL CHECK (purpose IN ('encrypt','hash')),
        wrapped_key text NOT NULL,
        kek_id text NOT NULL CHECK (kek_id ~ '^[0-9a-f]{8}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz,
        CHECK (purpose = 'encrypt' OR retired_at IS NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX pii_data_keys_one_hash_key ON pii_data_keys (purpose) WHERE purpose = 'hash'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pii_data_keys`);
  }
}
