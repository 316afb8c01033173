import type { JWK } from "jose";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { createServer, Server } from "node:http";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import express, { Express } from "express";
import type { GraphQLError, GraphQLSchema, ValidationContext } from "graphql";
import helmet from "helmet";
import type { HubConfig } from "../config/config";
import { createContext, HubContext, HubDeps } from "../context/context";
import { createFormatError } from "../errors/format-error";
import { QueryTooComplexError } from "../errors/errors";
import type { Logger } from "../logging/logger";
import { HubSchema, printHubSchema } from "../schema/build-schema";
import { authenticate, Authenticated, Credentials, isPersonSignedIn, sendError } from "./authenticate";
import { signInRouter } from "./sign-in";
import { dashboardRouter } from "./dashboard";
import { graphiqlRouter } from "./graphiql";
import { HttpDrain } from "./http-drain";
import { homeRouter } from "./home";
import { queryCostPlugin } from "./query-cost";
import { ExecutionGate } from "./execution-gate";
import { compiledExecution } from "./compiled-execution";
import { nulInputPlugin } from "./nul-input";
import { responseBudgetPlugin } from "./response-budget";
import { createMetrics, Metrics, metricsEndpoint, metricsPlugin, metricsServer } from "./metrics";
import { requestPlugin } from "./request-plugin";
import { readinessProbe, sendUnavailable, unavailablePlugin } from "./unavailable";
import { isDatabaseUnavailable } from "../errors/database-unavailable";
import { UnauthenticatedError } from "../errors/errors";
import { bodyDigest, ROUTER_ASSERTION_HEADER, type RouterAssertions } from "../auth/router-assertion";
import type { TrustedDocuments } from "./trusted-documents";

export interface AppParts {
  config: HubConfig;
  logger: Logger;
  deps: HubDeps;
  schema: HubSchema;
  credentials: Credentials;
  /** The public halves of the hub's signing keys, published at `/.well-known/jwks.json`. */
  jwks: { keys: JWK[] };
  /** The hub's metrics registry (the push machinery adds its own); a new one when absent. */
  metrics?: Metrics;
  /** Which operations callers may run (`HUB_TRUSTED_DOCUMENTS`). */
  trusted: TrustedDocuments;
  /** Checks the router's signature on `/subgraph` requests, when the router's keys are configured. */
  routerAssertions?: RouterAssertions;
}

/**
 * The HTTP application: `/graphql` (Apollo Server 5 behind Express 5), `/graphiql`, `/dashboard`, `/healthz`, `/readyz`,
 * `/metrics`, `/.well-known/jwks.json` and people's sign-in under `/auth/`. Returns the Express app, the HTTP server that serves it (not yet listening) and the Apollo
 * server, started. `stop()` on the Apollo server drains the HTTP server: it stops accepting connections,
 * lets requests in flight finish for up to `HUB_SHUTDOWN_GRACE_MS`, then closes what is left; from its
 * first moment `/readyz` answers 503 so a load balancer stops sending.
 */
export async function createApp({ config, logger, deps, schema, credentials, jwks, metrics: given, trusted, routerAssertions }: AppParts): Promise<{ app: Express; apollo: ApolloServer<HubContext>; httpServer: Server; metricsHttpServer?: Server }> {
  const metrics = given ?? createMetrics();
  const app = express();
  const httpServer = createServer(app);
  const drain = new HttpDrain(httpServer);
  // `/metrics` on the main port, or alone on a second listener (HUB_METRICS_PORT) that `hub serve` opens.
  const serveMetrics = metricsEndpoint(metrics, config.metrics);
  const metricsHttpServer = config.metrics.port !== undefined ? metricsServer(serveMetrics) : undefined;
  if (config.metrics.access === "closed") logger.info("/metrics answers 401 to every caller: set HUB_METRICS_TOKEN (a bearer token for the scraper) or HUB_METRICS_PORT (an internal listener)");
  // Each limit reports a coded QUERY_TOO_COMPLEX validation error itself (armor's own report re-creates
  // the error without a code).
  const tooComplex = { exposeLimits: true, propagateOnRejection: false, onReject: [reportTooComplex] };
  const armor = new ApolloArmor({
    // A fragment spread is not a level of nesting: flattened, a query costs the same with or without fragments.
    maxDepth: { n: config.graphql.maxDepth, flattenFragments: true, ...tooComplex },
    // The cost of a query is estimated with its variables by queryCostPlugin (armor's rule cannot see them).
    costLimit: { enabled: false },
    maxAliases: { n: config.graphql.maxAliases, ...tooComplex },
    maxDirectives: { n: config.graphql.maxDirectives, ...tooComplex },
    // graphql-js enforces the token limit while parsing (parseOptions below), before any validation.
    maxTokens: { enabled: false },
    // Field suggestions ("Did you mean …?") would list fields a caller may not read: formatError removes
    // them whole (armor's mask leaves a placeholder or a stray "?" behind).
    blockFieldSuggestion: { enabled: false },
  }).protect();

  // One gate for both endpoints: they share the process's memory.
  const gate = new ExecutionGate({ capacity: config.graphql.costInFlight, maxWaitMs: config.graphql.queueWaitMs });
  const apolloFor = (executable: GraphQLSchema, extra: ApolloServerPlugin<HubContext>[]) =>
    new ApolloServer<HubContext>({
      // Operations run compiled (`compiled-execution.ts`); Apollo keeps parsing, validation and plugins.
      gateway: compiledExecution(executable),
      introspection: config.graphql.introspection,
      includeStacktraceInErrorResponses: false,
      allowBatchedHttpRequests: false,
      csrfPrevention: true,
      // Any caller could store operations of its own in the hub's cache and run them by hash outside what it
      // registered: off unless configured. Registered operations (trusted documents) are looked up by `trusted`
      // before Apollo sees the request.
      persistedQueries: config.automaticPersistedQueries ? {} : false,
      // The hub owns SIGTERM/SIGINT (see `serve`): Apollo's own handler would stop and re-raise the signal
      // before requests in flight and the audit trail are drained.
      stopOnTerminationSignals: false,
      formatError: createFormatError(logger, { logStacks: config.log.stacks }),
      validationRules: armor.validationRules,
      parseOptions: { maxTokens: config.graphql.maxTokens },
      plugins: [
        ...armor.plugins,
        queryCostPlugin({ maxCost: config.graphql.maxCost, maxRepresentations: config.graphql.maxRepresentations }, credentials.limits, gate),
        nulInputPlugin(),
        responseBudgetPlugin(),
        ApolloServerPluginCacheControlDisabled(),
        ApolloServerPluginLandingPageDisabled(),
        metricsPlugin(metrics),
        requestPlugin(deps.trail, logger),
        unavailablePlugin(),
        // Last: what they add runs after the others' (the subgraph's status over whatever they set).
        ...extra,
      ],
      logger: { debug: () => {}, info: () => {}, warn: (m) => logger.warn(String(m)), error: (m) => logger.error(String(m)) },
    });
  // What a router composes and calls, beside the hub's own endpoint (README, "Running behind a router").
  const subgraphApollo = apolloFor(schema.subgraph.schema, [gatewayStatusPlugin()]);
  const apollo = apolloFor(schema.schema, [
    {
      async serverWillStart() {
        return {
          async drainServer() {
            if (metricsHttpServer?.listening) {
              metricsHttpServer.close();
              metricsHttpServer.closeAllConnections();
            }
            const graceful = await drain.drain(config.http.shutdownGraceMs);
            if (!graceful) logger.warn({ graceMs: config.http.shutdownGraceMs }, "requests still running at the end of the shutdown grace period were cut off");
            await subgraphApollo.stop();
          },
        };
      },
    },
  ]);
  await subgraphApollo.start();
  await apollo.start();

  app.disable("x-powered-by");
  // Express hashes every body it sends for an ETag: answers to GraphQL POSTs are never revalidated, and on a
  // directory page that hash was a measurable share of the request (issue 20). Static files keep their own.
  app.set("etag", false);
  app.set("trust proxy", config.http.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "script-src": ["'self'"],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'", "data:"],
          "connect-src": ["'self'"],
          // The hub is often served over plain HTTP inside an agency network; upgrading would break assets.
          "upgrade-insecure-requests": null,
        },
      },
    }),
  );

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  const ready = readinessProbe(deps.dataSource, config.http.readyzTimeoutMs);
  app.get("/readyz", async (_req, res) => {
    if (drain.isDraining) {
      res.status(503).json({ ok: false, database: "unknown", migrations: "unknown", shuttingDown: true });
      return;
    }
    const state = await ready();
    res.status(state.ok ? 200 : 503).json(state);
  });
  // Routers, agencies and the hub's own commands verify what the hub signs against these (RFC 8414 location).
  app.get("/.well-known/jwks.json", (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=300");
    res.json(jwks);
  });
  if (!metricsHttpServer) app.get("/metrics", serveMetrics);
  // The SDL is as public as introspection: the same setting decides both.
  app.use(homeRouter(config.graphql.introspection ? printHubSchema(schema) : undefined));
  app.use(graphiqlRouter());
  app.use(dashboardRouter());
  app.use(signInRouter({ config, logger, dataSource: deps.dataSource, trail: deps.trail, vault: deps.vault, sessions: credentials.sessions, cookies: credentials.cookies }));
  const context = async ({ res }: { res: express.Response }) => {
    const { viewer, request } = res.locals.auth as Authenticated;
    return createContext(deps, viewer, request);
  };
  const body = express.json({ limit: config.http.bodyLimit });
  app.use(
    "/graphql",
    // Who is asking, and whether their budget is spent, before the body is read: a refused flood costs little.
    authenticate(credentials, logger, metrics),
    ...(config.router.only ? [peopleOnly] : []),
    body,
    trusted.middleware(sendError()),
    expressMiddleware(apollo, { context }),
  );
  // The subgraph a router calls: a refusal of the agency's request is HTTP 200 with a coded error, which a
  // gateway passes on with its code (it turns a subgraph's 4xx into INTERNAL_SERVER_ERROR with our address).
  // What is wrong with the router's own request (its assertion, a malformed body) keeps its status.
  const gatewayFriendly = sendError(200);
  const trustedOnSubgraph = trusted.middleware(gatewayFriendly);
  app.use(
    "/subgraph",
    routerGate(routerAssertions, config.router.only),
    authenticate(credentials, logger, metrics, gatewayFriendly),
    express.json({ limit: config.http.bodyLimit, verify: (req, _res, raw) => ((req as RoutedRequest).bodyDigest = bodyDigest(raw)) }),
    bodyBoundToAssertion(),
    // The router runs the operations of its own query plans; it enforces the clients' persisted queries itself.
    (req: express.Request, res: express.Response, next: express.NextFunction) => ((req as RoutedRequest).assertedDigest ? next() : trustedOnSubgraph(req, res, next)),
    expressMiddleware(subgraphApollo, { context }),
  );
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: "Not found.", extensions: { code: "NOT_FOUND" } }] });
  });
  // Body-parser errors (malformed or oversized JSON) and anything else: a coded error, no stack.
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (isDatabaseUnavailable(error)) return sendUnavailable(res);
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const message = status === 413 ? "The request body is too large." : status < 500 ? "The request is malformed." : "Internal server error.";
    if (status >= 500) logger.error({ errorName: (error as Error).name }, "http error");
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR" } }] });
  });
  return { app, apollo, httpServer, metricsHttpServer };
}

/** A request on `/subgraph`: the body digest an assertion of the router bound it to, and the body's own. */
interface RoutedRequest extends express.Request {
  assertedDigest?: string;
  bodyDigest?: string;
}

/**
 * Router-only mode on the hub's own endpoint: people signed in use the hub's own pages (the dashboard), and
 * every system comes through the router.
 */
function peopleOnly(_req: express.Request, res: express.Response, next: express.NextFunction): void {
  const { viewer } = res.locals.auth as Authenticated;
  if (isPersonSignedIn(viewer)) return next();
  res.setHeader("WWW-Authenticate", 'Bearer error="invalid_request"');
  sendError()(res, new UnauthenticatedError("This hub is reached through the government graph's router only; send your request there."));
}

/**
 * `/subgraph`: a request the router signed (`X-Router-Assertion`) is checked before anything else; without
 * one, it is refused in router-only mode and otherwise served like a direct call. A bad assertion is a 401:
 * it is the router's configuration, or an impostor, not the agency's request, that is wrong.
 */
function routerGate(assertions: RouterAssertions | undefined, only: boolean) {
  return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    const header = req.get(ROUTER_ASSERTION_HEADER);
    if (header === undefined && !only) return next();
    try {
      if (!assertions) throw new UnauthenticatedError("The router's assertion is not valid.");
      (req as RoutedRequest).assertedDigest = await assertions.verify(header, req.get("authorization"));
      next();
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) return next(error);
      res.setHeader("WWW-Authenticate", 'Bearer error="invalid_token"');
      sendError(401)(res, error);
    }
  };
}

/** The body is the one the router's assertion was made for. */
function bodyBoundToAssertion() {
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    const routed = req as RoutedRequest;
    if (routed.assertedDigest === undefined || routed.assertedDigest === routed.bodyDigest) return next();
    sendError(401)(res, new UnauthenticatedError("The router's assertion was made for another request body."));
  };
}

/**
 * On `/subgraph`, an error Apollo would answer with another status (a variable that does not coerce, a
 * refused cost: 400; an unreachable database: 503) is answered 200: `@apollo/gateway` keeps a coded error
 * of a 200 answer as it is, where any other status becomes INTERNAL_SERVER_ERROR carrying the subgraph's
 * URL. The gateway's edge sets the status from the code (`examples/gateway`).
 */
function gatewayStatusPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.http.status !== undefined && response.http.status >= 400) response.http.status = 200;
        },
      };
    },
  };
}

function reportTooComplex(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(new QueryTooComplexError(error.message.replace(/^Syntax Error: /, "")));
}
