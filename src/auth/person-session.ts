import { createHash, randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { AgencyKind, RecordStatus } from "../entities/agency-kind";
import { Viewer } from "./viewer";

/** A person, signed in: who they are at their agency, and what their session lets them do. */
export interface SignedInPerson {
  viewer: Viewer;
  /** How the audit trail names the person: `<name> (<subject>)`. */
  endUser: string;
  person: string;
  subject: string;
  expiresAt: Date;
}

/** An authorization request in flight, kept until its callback (at most `ATTEMPT_SECONDS`) and used once. */
export interface SignInAttempt {
  agencyId: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

const ATTEMPT_SECONDS = 600;
/** A session's last use is written at most this often (its idle timeout is counted from it). */
const TOUCH_SECONDS = 60;

/** The browser holds a random token; the database only its hash, so a copy of the table opens no session. */
export function newSecret(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The hub's server-side sessions of people signed in through their agency's identity provider, in the
 * database so that every hub instance sees a sign-out, a disabled agency or system, and the timeouts at once.
 * A session ends after `idleSeconds` without use, `maxSeconds` after sign-in, or at sign-out.
 */
export class PersonSessions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: { idleSeconds: number; maxSeconds: number },
  ) {}

  async beginAttempt(attempt: SignInAttempt): Promise<{ state: string; browser: string }> {
    const state = newSecret();
    const browser = newSecret();
    await this.dataSource.query(`DELETE FROM sign_in_attempts WHERE created_at < now() - make_interval(secs => $1)`, [ATTEMPT_SECONDS]);
    await this.dataSource.query(
      `INSERT INTO sign_in_attempts (state_hash, browser_hash, agency_id, code_verifier, nonce, return_to) VALUES ($1, $2, $3, $4, $5, $6)`,
      [state.hash, browser.hash, attempt.agencyId, attempt.codeVerifier, attempt.nonce, attempt.returnTo],
    );
    return { state: state.token, browser: browser.token };
  }

  /** The attempt `state` names, if it is recent and was begun in this browser; taken (never answered twice). */
  async takeAttempt(state: string, browser: string): Promise<SignInAttempt | null> {
    const rows: Array<{ agency_id: string; code_verifier: string; nonce: string; return_to: string; browser_hash: string }> = await this.dataSource.query(
      // A WITH … SELECT, so the driver answers rows (a bare DELETE … RETURNING answers [rows, count]).
      `WITH taken AS (DELETE FROM sign_in_attempts WHERE state_hash = $1 RETURNING agency_id, code_verifier, nonce, return_to, browser_hash, created_at)
       SELECT * FROM taken WHERE created_at >= now() - make_interval(secs => $2)`,
      [hashSecret(state), ATTEMPT_SECONDS],
    );
    const row = rows[0];
    if (!row || row.browser_hash !== hashSecret(browser)) return null;
    return { agencyId: row.agency_id, codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to };
  }

  /** Opens a session and answers the token for the browser's cookie. */
  async start(session: { agencyId: string; clientSystemId: string; subject: string; person: string; scopes: string[] }): Promise<{ token: string; expiresAt: Date }> {
    const secret = newSecret();
    // Sessions a day past their end are of no more use (sign-in and sign-out are in the audit trail).
    await this.dataSource.query(`DELETE FROM person_sessions WHERE expires_at < now() - interval '1 day' OR ended_at < now() - interval '1 day'`);
    const rows: Array<{ expires_at: Date }> = await this.dataSource.query(
      `INSERT INTO person_sessions (token_hash, agency_id, client_system_id, subject, person_name, scopes, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7)) RETURNING expires_at`,
      [secret.hash, session.agencyId, session.clientSystemId, session.subject, session.person, session.scopes, this.limits.maxSeconds],
    );
    return { token: secret.token, expiresAt: new Date(rows[0].expires_at) };
  }

  /**
   * The person a session token stands for, while the session is open and its agency and `web` system are
   * active; null otherwise. Scopes are the session's, narrowed to what the system allows today. A use
   * (`touch`, the default) keeps the session from going idle; a check that is not the person acting (a live
   * connection confirming its session still holds) passes `touch: false`.
   */
  async resolve(token: string, options: { touch?: boolean } = {}): Promise<SignedInPerson | null> {
    const hash = hashSecret(token);
    const rows: Array<{
      agency_id: string; code: string; name: string; kind: AgencyKind; region_code: string; institution_id: string | null; rate_limit_points: number | null;
      client_id: string; client_name: string; allowed_scopes: string[]; scopes: string[]; subject: string; person_name: string; expires_at: Date; stale: boolean;
    }> = await this.dataSource.query(
      `SELECT a.id AS agency_id, a.code, a.name, a.kind, a.region_code, a.institution_id, a.rate_limit_points, c.id AS client_id, c.name AS client_name, c.allowed_scopes,
              s.scopes, s.subject, s.person_name, s.expires_at, s.last_seen_at < now() - make_interval(secs => $3) AS stale
         FROM person_sessions s JOIN agencies a ON a.id = s.agency_id JOIN client_systems c ON c.id = s.client_system_id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => $2)
          AND a.status = $4 AND c.status = $4`,
      [hash, this.limits.idleSeconds, TOUCH_SECONDS, RecordStatus.ACTIVE],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.stale && options.touch !== false) await this.dataSource.query(`UPDATE person_sessions SET last_seen_at = now() WHERE token_hash = $1`, [hash]);
    const viewer = Viewer.of(
      { id: row.agency_id, code: row.code, name: row.name, kind: row.kind, regionCode: row.region_code, institutionId: row.institution_id, rateLimitPoints: row.rate_limit_points },
      { id: row.client_id, name: row.client_name },
      row.scopes.filter((scope) => row.allowed_scopes.includes(scope)),
    );
    return { viewer, endUser: personLabel(row.person_name, row.subject), person: row.person_name, subject: row.subject, expiresAt: new Date(row.expires_at) };
  }

  /** Ends the session (sign-out); answers whether one was open. */
  async end(token: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`WITH ended AS (UPDATE person_sessions SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL RETURNING 1) SELECT * FROM ended`, [hashSecret(token)]);
    return rows.length > 0;
  }
}

/** `<name> (<subject>)`, within the audit trail's 100 characters. */
export function personLabel(name: string, subject: string): string {
  const label = `${name} (${subject})`;
  return label.length <= 100 ? label : `${label.slice(0, 99)}…`;
}
