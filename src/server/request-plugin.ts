import type { ApolloServerPlugin } from "@apollo/server";
import type { AuditTrail } from "../audit/audit-trail";
import { auditActor } from "../context/request-scope";
import type { HubContext } from "../context/context";
import { AuditOutcome } from "../entities/audit-event.entity";
import { errorCodeOf } from "../errors/errors";
import type { Logger } from "../logging/logger";
import { operationLabel } from "./metrics";

const DENIED_CODES = new Set(["FORBIDDEN", "UNAUTHENTICATED"]);

/**
 * Per request: one log line (request id, agency, operation, outcome, duration; never variables or data),
 * and an audit entry for every mutation field that failed. Successful changes are audited by the services
 * inside their transactions; a failed one rolled back, so its trace (DENIED or REJECTED, with the error
 * code) is queued here instead. Masked disclosures the caller could have had go into `extensions.disclosure`.
 */
export function requestPlugin(trail: AuditTrail, logger: Logger): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(requestContext) {
          const errors = requestContext.errors ?? [];
          const disclosure = contextValue.disclosures.toExtension();
          const body = requestContext.response.body;
          if (disclosure && body.kind === "single") body.singleResult.extensions = { ...body.singleResult.extensions, disclosure };
          if (requestContext.operation?.operation === "mutation") {
            for (const error of errors) {
              const field = error.path?.[0];
              if (typeof field !== "string") continue;
              const code = errorCodeOf(error);
              trail.enqueue(auditActor(contextValue.viewer, contextValue.request), {
                operation: field,
                outcome: DENIED_CODES.has(code) ? AuditOutcome.DENIED : AuditOutcome.REJECTED,
                errorCode: code,
              });
            }
          }
          logger.info(
            {
              reqId: contextValue.request.id,
              agency: contextValue.viewer.agency?.code,
              client: contextValue.viewer.client?.name,
              operation: operationLabel(requestContext.operationName ?? requestContext.operation?.name?.value),
              kind: requestContext.operation?.operation,
              outcome: errors.length > 0 ? errorCodeOf(errors[0]) : "ok",
              errors: errors.length,
              ms: Number(process.hrtime.bigint() - started) / 1e6,
            },
            "graphql",
          );
        },
      };
    },
  };
}
