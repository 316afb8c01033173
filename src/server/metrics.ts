import type { ApolloServerPlugin } from "@apollo/server";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import { errorCodeOf } from "../errors/errors";

/**
 * Prometheus metrics: the default process metrics plus GraphQL operations by name, outcome and duration.
 * One registry per hub instance, so tests can run several hubs in one process.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const operations = new Counter({
    name: "hub_graphql_operations_total",
    help: "GraphQL operations by operation name and outcome (ok, or the first error code).",
    labelNames: ["operation", "outcome"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "hub_graphql_operation_duration_seconds",
    help: "GraphQL operation duration by operation name and outcome.",
    labelNames: ["operation", "outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const authFailures = new Counter({
    name: "hub_authentication_failures_total",
    help: "Requests refused with 401 because the bearer token was not valid.",
    registers: [registry],
  });
  return { registry, operations, duration, authFailures };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Operation names become label values: keep them short and from a safe alphabet, to bound cardinality. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return "anonymous";
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : "invalid";
}

export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(requestContext) {
          const operation = operationLabel(requestContext.operationName ?? requestContext.operation?.name?.value);
          const firstError = requestContext.errors?.[0];
          const outcome = firstError ? errorCodeOf(firstError) : "ok";
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.operations.inc({ operation, outcome });
          metrics.duration.observe({ operation, outcome }, seconds);
        },
      };
    },
  };
}
