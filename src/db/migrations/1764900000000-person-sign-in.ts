import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * People sign in through their agency's OpenID Connect provider (issue 14). `identity_providers`: one per
 * agency, with the claim mapping and the client system the people's requests run as. `sign_in_attempts`:
 * an authorization request in flight (state, nonce, PKCE verifier), used once. `person_sessions`: the hub's
 * server-side sessions; the browser holds only a random token whose hash is the key.
 */
export class PersonSignIn1764900000000 implements MigrationInterface {
  name = "PersonSignIn1764900000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity_providers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL UNIQUE REFERENCES agencies(id),
        client_system_id uuid NOT NULL REFERENCES client_systems(id),
        issuer text NOT NULL CHECK (length(issuer) <= 2048),
        client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 255),
        client_secret_sealed text,
        request_scopes text NOT NULL DEFAULT 'openid profile',
        person_claim text NOT NULL DEFAULT 'name',
        groups_claim text NOT NULL DEFAULT 'groups',
        group_scopes jsonb NOT NULL DEFAULT '[]',
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sign_in_attempts (
        state_hash text PRIMARY KEY,
        browser_hash text NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        return_to text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sign_in_attempts_created_at ON sign_in_attempts (created_at)`);
    await q.query(`
      CREATE TABLE person_sessions (
        token_hash text PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_system_id uuid NOT NULL REFERENCES client_systems(id),
        subject text NOT NULL,
        person_name text NOT NULL,
        scopes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await q.query(`CREATE INDEX person_sessions_expires_at ON person_sessions (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE person_sessions`);
    await q.query(`DROP TABLE sign_in_attempts`);
    await q.query(`DROP TABLE identity_providers`);
  }
}
