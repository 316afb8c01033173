import { randomUUID } from "node:crypto";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import type { Logger } from "../logging/logger";
import { HubError, isHubError, ServiceUnavailableError } from "./errors";
import { unavailableCause } from "./database-unavailable";

/** Apollo's own codes, passed through with a cleaned message. */
const APOLLO_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** graphql-js's message when a document exceeds `parseOptions.maxTokens`. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:an|at) \d+ tokens/;

/**
 * The one place that decides what an error looks like to a client.
 *
 * Coded hub errors pass with their safe message and extensions. Apollo's request errors pass with values
 * cut out of the message (graphql-js quotes the offending input, which may be an ID number). A database that
 * cannot answer (a lost connection, a bound passed) is `SERVICE_UNAVAILABLE`. Anything else becomes
 * `INTERNAL_SERVER_ERROR` with an `errorId` that is also logged, and nothing about its cause: no
 * stack trace, SQL, file path or data.
 */
export function createFormatError(logger: Logger, options: { logStacks: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const hubError = findHubError(error);
    const where = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
    if (hubError) {
      if (!isVariableError(formatted.message)) return { message: hubError.message, ...where, extensions: hubError.publicExtensions() };
      // A scalar refused a variable: name the field as graphql-js located it (`at "input.creditCode"`).
      const field = variableField(formatted.message);
      return {
        message: `${variablePrefix(formatted.message)}: ${hubError.message}`,
        ...where,
        extensions: { ...hubError.publicExtensions(), ...(field ? { field } : {}) },
      };
    }
    const code = formatted.extensions?.code;
    if (code === "GRAPHQL_PARSE_FAILED" && TOKEN_LIMIT.test(formatted.message)) {
      return { message: formatted.message.replace(/^Syntax Error: /, ""), ...where, extensions: { code: "QUERY_TOO_COMPLEX" } };
    }
    if (typeof code === "string" && APOLLO_CODES.has(code)) {
      return { message: stripValues(formatted.message), ...where, extensions: { code } };
    }
    // The database cannot answer: the client is not at fault and should retry (503 with Retry-After, set by
    // `server/unavailable.ts` for the whole response).
    const unavailable = unavailableCause(error);
    if (unavailable) {
      logger.warn({ cause: unavailable, path: formatted.path }, "database unavailable");
      return { message: new ServiceUnavailableError().message, ...where, extensions: { code: "SERVICE_UNAVAILABLE" } };
    }
    const errorId = randomUUID();
    const cause = unwrapResolverError(error) as { name?: string; code?: string; message?: string; stack?: string } | undefined;
    logger.error(
      {
        errorId,
        errorName: cause?.name,
        // A database error's code says what failed without its text, which can quote row values.
        pgCode: typeof cause?.code === "string" ? cause.code : undefined,
        ...(options.logStacks ? { stack: cause?.stack } : {}),
        path: formatted.path,
      },
      "internal error",
    );
    return { message: "Internal server error.", ...where, extensions: { code: "INTERNAL_SERVER_ERROR", errorId } };
  };
}

function findHubError(error: unknown): HubError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (isHubError(current)) return current;
    current = (current as GraphQLError).originalError;
  }
  return undefined;
}

const VARIABLE_ERROR = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" got invalid value/;

function isVariableError(message: string): boolean {
  return VARIABLE_ERROR.test(message);
}

/** `input.creditCode` from `Variable "$input" got invalid value … at "input.creditCode"; …`, else the variable. */
function variableField(message: string): string | undefined {
  const located = /" at "([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*)"; /.exec(message);
  return located?.[1] ?? VARIABLE_ERROR.exec(message)?.[1];
}

function variablePrefix(message: string): string {
  const name = VARIABLE_ERROR.exec(message)?.[1];
  return `Variable "$${name}" has an invalid value`;
}

/**
 * graphql-js writes offending values into messages (`got invalid value "411502…"`, `found "…"`). Keep the
 * explanation, drop the value.
 */
export function stripValues(message: string): string {
  if (isVariableError(message)) return `${variablePrefix(message)}${variableReason(message)}`;
  return message
    .replace(/\s*Did you mean [\s\S]*?\?$/, "")
    .replace(/, found [\s\S]*?(?=(;|\.$|$))/, "")
    .replace(/(cannot represent [^:]*value):[\s\S]*$/, "$1.");
}

/** The explanation graphql-js gives after the value, in words that quote no input. */
function variableReason(message: string): string {
  const represent = /; (\w+) cannot represent/.exec(message);
  if (represent) return `; ${represent[1]} cannot represent it.`;
  const expected = /; Expected type "(\w+)"/.exec(message);
  if (expected) return `; expected type "${expected[1]}".`;
  const required = /Field "(\w+)" of required type "([^"]+)" was not provided/.exec(message);
  if (required) return `; field "${required[1]}" of type "${required[2]}" is required.`;
  const unknown = /Field "(\w+)" is not defined by type "(\w+)"/.exec(message);
  if (unknown) return `; field "${unknown[1]}" is not defined by type "${unknown[2]}".`;
  return ".";
}
