import { GraphQLError } from "graphql";
import { isDatabaseUnavailable } from "./database-unavailable";

/**
 * The error vocabulary of the contract (`shared/spec/contract.md`, "Errors").
 *
 * Services throw these for every expected failure. Each carries a code, a message that is safe to show
 * another agency (no personal data, SQL or paths) and, where it helps a client fix its request, the
 * offending input field. `formatError` passes them through unchanged and masks everything else.
 */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "INVALID_STATE_TRANSITION",
  "RATE_LIMITED",
  "QUERY_TOO_COMPLEX",
  "OPERATION_NOT_ALLOWLISTED",
  "SERVICE_UNAVAILABLE",
  "INTERNAL_SERVER_ERROR",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status a whole response gets when this error is raised outside field execution. */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

export abstract class HubError extends GraphQLError {
  abstract readonly code: ErrorCode;
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions });
  }
  /** The extensions a client sees: the code plus the safe details this error chose to carry. */
  publicExtensions(): Record<string, unknown> {
    // `http` tells Apollo the status of an error thrown before execution; it is not for the client.
    const { http: _http, ...extensions } = this.extensions;
    return { ...extensions, code: this.code };
  }
  get httpStatus(): number | undefined {
    return HTTP_STATUS[this.code];
  }
}

export class UnauthenticatedError extends HubError {
  readonly code = "UNAUTHENTICATED";
  constructor(message = "The bearer token is not valid for this hub.") {
    super(message);
  }
}

export class ForbiddenError extends HubError {
  readonly code = "FORBIDDEN";
  constructor(message = "You are not allowed to do this.") {
    super(message);
  }
}

export class NotFoundError extends HubError {
  readonly code = "NOT_FOUND";
  constructor(entity: string) {
    super(`${entity} not found.`, { entity });
  }
}

export interface InputProblem {
  readonly field: string;
  readonly message: string;
}

export class BadUserInputError extends HubError {
  readonly code = "BAD_USER_INPUT";
  /** `field` names the offending input field (`input.creditCode`), so a client can point its user at it. */
  constructor(message: string, field?: string, problems?: readonly InputProblem[]) {
    super(message, { ...(field ? { field } : {}), ...(problems && problems.length > 1 ? { problems } : {}) });
  }

  /** Every problem this error reports: the one it names, or all of `extensions.problems`. */
  get problems(): InputProblem[] {
    const listed = this.extensions.problems as InputProblem[] | undefined;
    if (listed) return listed;
    return [{ field: typeof this.extensions.field === "string" ? this.extensions.field : "", message: this.message }];
  }
}

export class ConflictError extends HubError {
  readonly code = "CONFLICT";
}

export class InvalidStateTransitionError extends HubError {
  readonly code = "INVALID_STATE_TRANSITION";
  /**
   * `because`: when the machine allows the move but a rule of the policy refuses it now, the rule's code
   * (extension `reason`, e.g. `TOO_FEW_APPRAISERS`) and a sentence saying what is missing.
   */
  constructor(entity: string, from: string, to: string, because?: { reason: string; message: string; repairableFrom?: string }) {
    const { message, ...detail } = because ?? {};
    super(because ? `${entity} cannot move from ${from} to ${to}: ${message}` : `${entity} cannot move from ${from} to ${to}.`, { from, to, ...detail });
  }
}

export class QueryTooComplexError extends HubError {
  readonly code = "QUERY_TOO_COMPLEX";
}

/** An operation outside the caller's registered ones (`HUB_TRUSTED_DOCUMENTS`). */
export class OperationNotAllowlistedError extends HubError {
  readonly code = "OPERATION_NOT_ALLOWLISTED";
}

export class ServiceUnavailableError extends HubError {
  readonly code = "SERVICE_UNAVAILABLE";
  constructor(message = "The hub cannot serve this request right now; try again shortly.") {
    super(message);
  }
}

/**
 * Over a rate limit: HTTP 429 with `Retry-After`, and `retryAfter` (seconds) in the error's extensions.
 * `extensions.http` is how Apollo Server sets the status and headers of an error thrown before execution.
 */
export class RateLimitedError extends HubError {
  readonly code = "RATE_LIMITED";
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message, { retryAfter: retryAfterSeconds, http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) } });
  }
}

export function isHubError(error: unknown): error is HubError {
  return error instanceof HubError;
}

/**
 * The contract code of any error: a hub error's own, else the GraphQL extension code, else SERVICE_UNAVAILABLE
 * for a database that cannot answer (`formatError` says the same), else INTERNAL_SERVER_ERROR.
 */
export function errorCodeOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (isHubError(current)) return current.code;
    current = (current as GraphQLError).originalError;
  }
  const code = (error as GraphQLError | undefined)?.extensions?.code;
  if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") return code;
  return isDatabaseUnavailable(error) ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR";
}
