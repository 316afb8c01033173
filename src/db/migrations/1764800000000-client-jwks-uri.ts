import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A client system may name the URL at which its agency publishes its public keys (`jwks_uri`) instead of
 * registering them inline (`jwks`); never both.
 */
export class ClientJwksUri1764800000000 implements MigrationInterface {
  name = "ClientJwksUri1764800000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE client_systems ADD COLUMN jwks_uri text CHECK (length(jwks_uri) <= 2048)`);
    await q.query(`ALTER TABLE client_systems ADD CONSTRAINT client_systems_one_key_source CHECK (jwks IS NULL OR jwks_uri IS NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE client_systems DROP CONSTRAINT client_systems_one_key_source`);
    await q.query(`ALTER TABLE client_systems DROP COLUMN jwks_uri`);
  }
}
