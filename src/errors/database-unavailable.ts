/**
 * Whether an error means the database cannot be reached or cannot answer right now, as opposed to a
 * statement that is wrong: a refused, reset or lost connection, a server shutting down, crashed or starting
 * up, out of connections or resources, a wait for a connection or for an answer past its bound
 * (`HUB_DB_CONNECT_TIMEOUT_MS`, `HUB_DB_QUERY_TIMEOUT_MS`, `HUB_DB_STATEMENT_TIMEOUT_MS`). A request that
 * meets one answers `SERVICE_UNAVAILABLE`, HTTP 503 with `Retry-After`: the client is not at fault, and a
 * retry (with the same idempotency key for a write) is what it should do.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return unavailableCause(error) !== undefined;
}

/** Seconds a client is asked to wait (`Retry-After`) before it retries a request refused for that. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The code or name of the error that makes `error` a database outage (for logs), or undefined. */
export function unavailableCause(error: unknown): string | undefined {
  // Driver errors arrive wrapped: GraphQL's `originalError`, TypeORM's `driverError`, `cause`, and Node's
  // AggregateError (a refused connection to each address of a host).
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 16; seen++) {
    const current = queue.shift() as UnknownError | undefined;
    if (!current || typeof current !== "object") continue;
    const code = typeof current.code === "string" ? current.code : undefined;
    if (code && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return code;
    if (typeof current.name === "string" && UNAVAILABLE_NAMES.has(current.name)) return current.name;
    const message = typeof current.message === "string" ? current.message : "";
    // node-postgres and pg-pool say these in words only.
    const said = DRIVER_MESSAGES.find(([pattern]) => pattern.test(message));
    if (said) return said[1];
    queue.push(current.originalError, current.driverError, current.cause, ...(Array.isArray(current.errors) ? current.errors : []));
  }
  return undefined;
}

interface UnknownError {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  originalError?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "EHOSTDOWN", "ENETUNREACH", "ENETDOWN", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * SQLSTATE: class 08 (connection exception), class 53 (insufficient resources: too many connections, out of
 * memory or disk), 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up or
 * shutting down), 57014 a statement cancelled (`statement_timeout`).
 */
const UNAVAILABLE_SQLSTATE = /^(?:08[0-9A-Z]{3}|53[0-9A-Z]{3}|57P0[123]|57014)$/;

/**
 * TypeORM's errors for a query in a transaction whose connection the driver already released because the
 * connection broke (its `error` event): the next statement of that transaction meets these, not the cause.
 */
const UNAVAILABLE_NAMES = new Set(["QueryRunnerAlreadyReleasedError", "QueryRunnerProviderAlreadyReleasedError"]);

const DRIVER_MESSAGES: Array<[RegExp, string]> = [
  [/^Connection terminated/, "connection terminated"],
  [/^timeout exceeded when trying to connect$/, "connect timeout"],
  [/^Query read timeout$/, "query timeout"],
  [/is not queryable$/, "connection broken"],
];
