/**
 * PostgreSQL's errors in words, for an operator reading the one line a `hub` command prints when it cannot
 * start: every SQLSTATE class has a sentence (the common codes their own), followed by the code and the
 * server's own message, so nobody is left with a bare `53300`. No stack trace, no password (the server's
 * messages hold none; the URL is never printed, only its host, port and database).
 */

/**
 * The SQLSTATE of a database error (five characters of a known class, `53300`), or undefined for anything
 * else (a system error's `EPERM` has five characters too).
 */
function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && code.slice(0, 2) in BY_CLASS ? code : undefined;
}

/** The codes an operator meets at start, each with what it means and what to do. */
const BY_CODE: Record<string, string> = {
  "28P01": "password authentication failed: check the user and password in DATABASE_URL",
  "28000": "the server rejected this role: pg_hba.conf allows it no connection from this host, or the role may not log in",
  "3D000": "the database does not exist: create it (createdb) or correct the database name in DATABASE_URL",
  "53300": "too many connections: the role, the database or the server is at its connection limit; stop other clients, raise the limit (the role's CONNECTION LIMIT, max_connections) or lower HUB_DB_POOL_SIZE",
  "53100": "the server's disk is full",
  "53200": "the server is out of memory",
  "53400": "a limit in the server's configuration was exceeded",
  "57P01": "the server is shutting down (an administrator stopped it)",
  "57P02": "the server is restarting after a crash of one of its processes",
  "57P03": "the server does not accept connections yet: it is starting up, shutting down or recovering; try again shortly",
  "57P04": "the database was dropped while the hub was connected to it",
  "57014": "a statement was cancelled: it ran longer than HUB_DB_STATEMENT_TIMEOUT_MS, or an administrator cancelled it",
  "42501": "the role lacks a privilege the hub needs (to connect to the database, or to create and change its tables): grant it, or connect as the database's owner",
  "25006": "the server is read-only (a standby, or default_transaction_read_only is on): point DATABASE_URL at the primary",
  "0A000": "the server does not support a feature the hub uses (the hub needs PostgreSQL 13 or later, reached directly or through a pooler in session mode)",
  "08P01": "the server broke the PostgreSQL protocol: DATABASE_URL may point at something other than PostgreSQL",
  "55P03": "a lock the hub needs is held by another session",
  "40001": "the server rolled a transaction back to keep concurrent ones serializable; try again",
  "40P01": "the server rolled a transaction back to break a deadlock; try again",
  XX001: "the server found corrupted data; see its log and restore from a backup",
  XX002: "the server found a corrupted index; see its log (REINDEX repairs it)",
};

/** Every SQLSTATE class (the first two characters), for the codes not named above. */
const BY_CLASS: Record<string, string> = {
  "00": "the server reported success as an error",
  "01": "the server warned",
  "02": "no data",
  "03": "a statement was not yet complete",
  "08": "the connection to the server failed or was lost",
  "09": "a trigger failed",
  "0A": "the server does not support a feature the hub uses (the hub needs PostgreSQL 13 or later)",
  "0B": "a transaction could not start",
  "0F": "a locator was invalid",
  "0L": "a grantor was invalid",
  "0P": "a role specification was invalid",
  "0Z": "a diagnostics exception occurred",
  "20": "a case was not found",
  "21": "a cardinality rule was violated",
  "22": "the server refused a value (data exception)",
  "23": "a constraint of the schema was violated",
  "24": "a cursor was in the wrong state",
  "25": "a transaction was in the wrong state",
  "26": "a prepared statement was not found",
  "27": "a triggered data change was refused",
  "28": "the server rejected the role's authorization",
  "2B": "dependent privileges still exist",
  "2D": "a transaction ended in the wrong place",
  "2F": "an SQL routine failed",
  "34": "a cursor name was invalid",
  "38": "an external routine failed",
  "39": "an external routine call failed",
  "3B": "a savepoint was invalid",
  "3D": "the database does not exist",
  "3F": "a schema does not exist",
  "40": "the server rolled a transaction back; try again",
  "42": "the server refused a statement (the schema is not what the hub expects, or the role may not use it)",
  "44": "a view's check option was violated",
  "53": "the server ran out of resources (connections, disk or memory)",
  "54": "a limit built into the server was exceeded",
  "55": "an object was not in the state a statement needs (in use, or locked)",
  "57": "an operator or the server itself intervened (a shutdown, a restart or a cancelled statement)",
  "58": "the server had a system error (input or output); see its log",
  "72": "a snapshot was too old",
  F0: "the server's configuration file is wrong",
  HV: "a foreign data wrapper failed",
  P0: "a database function raised an error",
  XX: "the server reported an internal error; see its log",
};

/**
 * One sentence saying what a database error means: its words, then `(SQLSTATE 53300: <the server's own
 * message>)`. Undefined when the error carries no SQLSTATE.
 */
export function describeSqlError(error: unknown): string | undefined {
  const code = sqlState(error);
  if (!code) return undefined;
  const words = BY_CODE[code] ?? BY_CLASS[code.slice(0, 2)];
  const message = oneLine((error as { message?: unknown }).message);
  return `${words} (SQLSTATE ${code}${message ? `: ${message}` : ""})`;
}

/** Why a connection could not be made, for errors of the network or the driver rather than of the server. */
export function describeNetworkError(error: unknown): string | undefined {
  const e = error as { code?: unknown; message?: unknown } | null | undefined;
  const code = typeof e?.code === "string" ? e.code : undefined;
  const message = typeof e?.message === "string" ? e.message : "";
  const byCode: Record<string, string> = {
    ECONNREFUSED: "connection refused (is PostgreSQL running?)",
    ENOTFOUND: "host not found",
    EAI_AGAIN: "host not found (the name server did not answer)",
    ETIMEDOUT: "connection timed out",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
    ECONNRESET: "the connection was reset (is the server restarting, or is this port not PostgreSQL?)",
  };
  if (code && byCode[code]) return byCode[code];
  if (/timeout/i.test(message)) return "connection timed out";
  if (/terminated unexpectedly|Connection terminated/i.test(message)) return "the server closed the connection (is it restarting, or is this port not PostgreSQL?)";
  if (/SSL|TLS|certificate/i.test(message)) return `the TLS handshake failed (${oneLine(message)})`;
  return undefined;
}

function oneLine(text: unknown): string {
  return typeof text === "string" ? text.replace(/\s+/g, " ").trim() : "";
}
