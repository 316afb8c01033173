import { randomUUID } from "node:crypto";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import type { Logger } from "../logging/logger";
import { HubError, isHubError } from "./errors";

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

/** Errors graphql-armor raised for a query over its limits (filled by its onReject hooks). */
export const armorRejections = new WeakSet<object>();

/**
 * The one place that decides what an error looks like to a client.
 *
 * Coded hub errors pass with their safe message and extensions. Apollo's request errors pass with values
 * cut out of the message (graphql-js quotes the offending input, which may be an ID number). Anything else
 * becomes `INTERNAL_SERVER_ERROR` with an `errorId` that is also logged, and nothing about its cause: no
 * stack trace, SQL, file path or data.
 */
export function createFormatError(logger: Logger, options: { logStacks: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const hubError = findHubError(error);
    const where = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
    if (hubError) {
      const message = isVariableError(formatted.message) ? `${variablePrefix(formatted.message)}: ${hubError.message}` : hubError.message;
      return { message, ...where, extensions: hubError.publicExtensions() };
    }
    if (isArmorRejection(error)) {
      return { message: stripValues(formatted.message.replace(/^Syntax Error: /, "")), ...where, extensions: { code: "QUERY_TOO_COMPLEX" } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && APOLLO_CODES.has(code)) {
      return { message: stripValues(formatted.message), ...where, extensions: { code } };
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

function isArmorRejection(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (typeof current === "object" && armorRejections.has(current)) return true;
    current = (current as GraphQLError).originalError;
  }
  return false;
}

const VARIABLE_ERROR = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" got invalid value/;

function isVariableError(message: string): boolean {
  return VARIABLE_ERROR.test(message);
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
  if (isVariableError(message)) {
    const reason = /; (Expected [^;]*|Field "[^"]*" of required type [^;]*|Int cannot[^;]*|Float cannot[^;]*|String cannot[^;]*|Boolean cannot[^;]*|ID cannot[^;]*)$/.exec(message)?.[1];
    return reason ? `${variablePrefix(message)}; ${reason.replace(/found .*$/, "").trim()}` : variablePrefix(message);
  }
  return message.replace(/, found [\s\S]*?(?=(;|\.$|$))/, "").replace(/got invalid value [\s\S]*?(?=;|$)/, "has an invalid value");
}
