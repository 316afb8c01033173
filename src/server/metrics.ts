import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, Server } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import express, { RequestHandler } from "express";
import { DocumentNode, FragmentDefinitionNode, GraphQLSchema, Kind, OperationDefinitionNode, SelectionNode } from "graphql";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import type { HubConfig } from "../config/config";
import { ERROR_CODES, errorCodeOf } from "../errors/errors";

/**
 * Prometheus metrics: the default process metrics plus GraphQL operations by root field, outcome and duration.
 * One registry per hub instance, so tests can run several hubs in one process.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const operations = new Counter({
    name: "hub_graphql_operations_total",
    help: "GraphQL operations by the root field they select (multiple: several; other: none of the schema's) and outcome (ok, or the first error code).",
    labelNames: ["operation", "outcome"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "hub_graphql_operation_duration_seconds",
    help: "GraphQL operation duration by root field and outcome.",
    labelNames: ["operation", "outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const authFailures = new Counter({
    name: "hub_authentication_failures_total",
    help: "Requests refused with 401 because the bearer token was not valid.",
    registers: [registry],
  });
  const lagTolerantReads = new Counter({
    name: "hub_lag_tolerant_reads_total",
    help: "With DATABASE_REPLICA_URLS: reads that tolerate lag (lists, statistics) by the server that answered (replica, primary) and why: replayed (a replica had the caller's writes), no_replica (none close enough, reachable and answering), own_write (the caller's latest write not yet replayed, or unknown), unknown_caller, fallback (a replica failed during the read).",
    labelNames: ["target", "reason"] as const,
    registers: [registry],
  });
  return { registry, operations, duration, authFailures, lagTolerantReads };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** A client's operation name for the request log: short and from a safe alphabet. Never a metric label. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return "anonymous";
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : "invalid";
}

/** An operation that selects several root fields. */
const SEVERAL_ROOT_FIELDS = "multiple";
/** An operation the hub does not know: it did not parse, validate, or it selects no field of the schema. */
const UNKNOWN_OPERATION = "other";

/**
 * The `operation` label of an operation: the root field it selects (`institutions`, `postCaseFeedback`,
 * `_entities`, `__schema`), `multiple` when it selects several, `other` when the hub does not know it.
 *
 * Why root fields and not the operation's name: the name is whatever the client writes (`query rt_<random>`
 * made a new series per request, so anyone could grow `/metrics` without bound and read each name back).
 * The hub registers no operations (no trusted documents yet, issue 17), so the only bounded set of "operations
 * it knows" is its schema's root fields: at most one series per root field and outcome, however many names
 * clients invent. An allow-list of the hub's own pages' operation names would be narrower still and say
 * nothing about the agencies' traffic. Aliases and fragments do not matter: the label is the field's name.
 */
function operationMetricLabel(schema: GraphQLSchema, document: DocumentNode | undefined, operation: OperationDefinitionNode | undefined): string {
  if (!document || !operation) return UNKNOWN_OPERATION;
  const root = schema.getRootType(operation.operation);
  if (!root) return UNKNOWN_OPERATION;
  const known = root.getFields();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const selected = new Set<string>();
  const spread = new Set<string>();
  let unknown = false;
  const visit = (selections: readonly SelectionNode[]): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (Object.prototype.hasOwnProperty.call(known, name) || (operation.operation === "query" && (name === "__schema" || name === "__type")) || name === "__typename") selected.add(name);
        else unknown = true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet.selections);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet.selections);
        else unknown = true;
      }
    }
  };
  visit(operation.selectionSet.selections);
  if (unknown || selected.size === 0) return UNKNOWN_OPERATION;
  return selected.size === 1 ? [...selected][0] : SEVERAL_ROOT_FIELDS;
}

/** Outcomes are the hub's codes and Apollo's; anything else (never expected) is `other`, so the label stays bounded. */
const KNOWN_OUTCOMES = new Set<string>([...ERROR_CODES, ...Object.values(ApolloServerErrorCode)]);

function outcomeLabel(code: string): string {
  return KNOWN_OUTCOMES.has(code) ? code : UNKNOWN_OPERATION;
}

export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(requestContext) {
          const operation = operationMetricLabel(requestContext.schema, requestContext.document, requestContext.operation);
          const firstError = requestContext.errors?.[0];
          const outcome = firstError ? outcomeLabel(errorCodeOf(firstError)) : "ok";
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.operations.inc({ operation, outcome });
          metrics.duration.observe({ operation, outcome }, seconds);
        },
      };
    },
  };
}

/**
 * `GET /metrics` as `config.metrics` says (see `HubConfig.metrics`): with the bearer token when one is set,
 * open, or closed (401 to everyone: a production hub's main port without a token).
 */
export function metricsEndpoint(metrics: Metrics, config: HubConfig["metrics"]): RequestHandler {
  const expected = config.token === undefined ? undefined : digest(config.token);
  return async (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    if (config.access !== "open") {
      const presented = /^Bearer\s+(\S+)\s*$/i.exec(req.get("authorization") ?? "")?.[1];
      // Compared as digests, in constant time: the token's length leaks nothing either.
      if (expected === undefined || presented === undefined || !timingSafeEqual(digest(presented), expected)) {
        res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
        const message = config.access === "closed" ? "Metrics need the bearer token HUB_METRICS_TOKEN, which this hub does not set." : "Metrics need the metrics bearer token.";
        res.status(401).json({ errors: [{ message, extensions: { code: "UNAUTHENTICATED" } }] });
        return;
      }
    }
    res.setHeader("Content-Type", metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** The second listener (`HUB_METRICS_PORT`): `/metrics` and nothing else; not yet listening. */
export function metricsServer(endpoint: RequestHandler): Server {
  const app = express();
  app.disable("x-powered-by");
  app.get("/metrics", endpoint);
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: "Not found.", extensions: { code: "NOT_FOUND" } }] });
  });
  return createServer(app);
}
