import type { Server } from "node:http";
import type { ApolloServer } from "@apollo/server";
import type { Express } from "express";
import { AuditTrail } from "./audit/audit-trail";
import { TreeHeadPublisher } from "./audit/audit-tree-head";
import { loadSigningKey, loadVerificationKeys, SigningKey } from "./auth/signing-key";
import { TokenVerifier } from "./auth/token";
import { RemoteJwksCache } from "./auth/remote-jwks";
import { outboundFetch } from "./auth/outbound-fetch";
import { loadPiiVault } from "./auth/pii-vault";
import { allowsPlainHttp, type HubConfig } from "./config/config";
import { createContext, HubContext, HubDeps } from "./context/context";
import { Viewer } from "./auth/viewer";
import { DEFAULT_CLIENT_NAME } from "./entities/client-system.entity";
import { migrate, migrationReport, openDatabase, OpenDatabase } from "./db/database";
import { databaseTarget, describeDatabaseError } from "./db/data-source";
import { ReadReplicas } from "./db/read-replicas";
import { inOneTransaction } from "./db/one-transaction";
import { withPreparationLock } from "./db/preparation-lock";
import { EmbeddedDatabaseServer, serveEmbeddedDatabase } from "./db/embedded-database-server";
import type { Logger } from "./logging/logger";
import { hubSchema, HubSchema } from "./schema/build-schema";
import { createApp } from "./server/app";
import { demoDataState, seedDemo, syncRegions } from "./seed/seed";
import { syncShippedCalendar, warnWhenCalendarEndsSoon } from "./seed/calendar";
import { seedDemoCases } from "./seed/demo-cases";
import { seedDemoPatentsAndTrademarks } from "./seed/demo-patents-trademarks";
import { registryLookup } from "./services/client-system.service";
import { RegistryCache } from "./auth/registry-cache";
import { registryAdministrators } from "./services/agency.service";
import type { Credentials } from "./server/authenticate";
import { PersonSessions } from "./auth/person-session";
import { SessionCookies } from "./server/session-cookie";
import { RateLimits } from "./server/rate-limit";
import Redis from "ioredis";
import { createMetrics } from "./server/metrics";
import { Pusher } from "./push/pusher";
import { serveLiveSubscriptions } from "./server/live-subscriptions";
import { hubDocuments, TrustedDocuments } from "./server/trusted-documents";
import { RouterAssertions } from "./auth/router-assertion";
import { todayInChina } from "./domain/local-date";
import { previousMonth } from "./services/monthly-report.service";
import { loosenEveryDecisionForBenchmark } from "./policy/decision";

export interface Hub {
  app: Express;
  /** Serves `app`; not yet listening. */
  httpServer: Server;
  /** Serves `/metrics` alone when `HUB_METRICS_PORT` is set (then not on `httpServer`); not yet listening. `stop()` closes it. */
  metricsHttpServer?: Server;
  apollo: ApolloServer<HubContext>;
  deps: HubDeps;
  schema: HubSchema;
  signingKey: SigningKey;
  /** Bearer tokens and people's sessions: what the HTTP middleware, and in-process callers (tests), identify callers with. */
  credentials: Credentials;
  /** Events pushed to webhooks and live subscriptions; its workers run when `HUB_PUSH_WORKERS` is on. */
  pusher: Pusher;
  /** The registry rows tokens are checked against, kept a few seconds (`auth/registry-cache.ts`). */
  registry: RegistryCache;
  /** Publishes the audit log's signed tree heads every `HUB_AUDIT_TREE_HEAD_MS` (`publish()` signs one now). */
  treeHeads: TreeHeadPublisher;
  /**
   * Stops accepting connections, lets requests in flight finish (up to `HUB_SHUTDOWN_GRACE_MS`), then
   * flushes the audit trail; the database stays open for its owner to close.
   */
  stop(): Promise<void>;
}

/** Assembles the hub over an open database: audit trail, keys, token verifier, schema and HTTP app. */
export async function buildHub(config: HubConfig, logger: Logger, db: OpenDatabase, options: { now?: () => Date } = {}): Promise<Hub> {
  const trail = new AuditTrail(db.dataSource, { ...config.audit, logger, now: options.now });
  const signingKey = await loadSigningKey(config);
  const verificationKeys = await loadVerificationKeys(config, signingKey);
  const treeHeads = new TreeHeadPublisher(db.dataSource, signingKey, { intervalMs: config.audit.treeHeadIntervalMs, sequence: () => trail.sequencer.drain(), logger, now: options.now });
  const registry = new RegistryCache(registryLookup(db.dataSource), { ttlMs: config.jwt.registryCacheMs, maxEntries: 10_000 });
  const verifier = new TokenVerifier(
    verificationKeys,
    {
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      clockToleranceSeconds: config.jwt.clockToleranceSeconds,
      maxLifetimeSeconds: config.jwt.maxLifetimeSeconds,
    },
    registry.get,
    // One cache for the hub's life: client systems' keys fetched from their jwksUri.
    new RemoteJwksCache({ timeoutMs: config.jwt.jwksFetchTimeoutMs, allowHttp: allowsPlainHttp(config.env) }, { logger, now: options.now, fetch: outboundFetch(config.env) }),
  );
  if (config.benchAuthorizationOff) {
    loosenEveryDecisionForBenchmark();
    logger.warn("HUB_BENCH_AUTHORIZATION=off: authorization is OFF, every caller sees and may do everything (benchmarks only)");
  }
  const schema = await hubSchema({ guards: !config.benchAuthorizationOff });
  // Created before the pusher it nudges, which needs these same deps to read records as subscribers.
  let pusher: Pusher | undefined;
  const baseDeps: HubDeps = {
    dataSource: db.dataSource,
    trail,
    vault: await loadPiiVault(config, db.dataSource, { createKeyFile: true, createDataKeys: true }),
    policy: config.policy,
    env: config.env,
    now: options.now,
    maxResponseValues: config.graphql.maxResponseValues,
    introspection: config.graphql.introspection,
    webhookAllowedHosts: config.push.allowedHosts,
    eventsWritten: () => pusher?.nudge(),
    registryChanged: () => registry.clear(),
    auditKeys: verificationKeys.map((key) => key.publicJwk),
  };
  const metrics = createMetrics();
  pusher = new Pusher(baseDeps, schema.schema, config, logger, metrics.registry, options.now);
  // Budgets live in Redis when REDIS_URL is set, so every instance spends from the same one.
  const redis = config.rateLimit.redisUrl ? new Redis(config.rateLimit.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : undefined;
  // ioredis reports every reconnection attempt: the log says it once per outage.
  let redisDown = false;
  redis?.on("error", (error: Error) => {
    if (!redisDown) logger.warn({ errorName: error.name }, "redis unavailable; rate limits are per instance meanwhile");
    redisDown = true;
  });
  redis?.on("ready", () => (redisDown = false));
  if (redis) await redisReady(redis, logger);
  const credentials: Credentials = {
    verifier,
    sessions: new PersonSessions(db.dataSource, config.signIn),
    cookies: new SessionCookies(config),
    limits: new RateLimits(config.rateLimit, redis, logger),
  };
  // Requests' lists and statistics may read replicas; the pusher (`baseDeps`) reads and files on the primary.
  const replicas = config.db.replicaUrls.length > 0 && db.target.kind === "postgres" ? ReadReplicas.of(config, db.dataSource, { redis, logger, reads: metrics.lagTolerantReads }) : undefined;
  const deps: HubDeps = { ...baseDeps, live: pusher.live, publicSubmissions: credentials.limits, replicas };
  const trusted = new TrustedDocuments(db.dataSource, config.trustedDocuments, hubDocuments(), logger, metrics.registry);
  const routerAssertions = config.router.jwksFile
    ? RouterAssertions.fromFile(config.router.jwksFile, { issuer: config.router.issuer, audience: config.jwt.audience, clockToleranceSeconds: config.jwt.clockToleranceSeconds })
    : undefined;
  const { app, apollo, httpServer, metricsHttpServer } = await createApp({ config, logger, deps, schema, credentials, metrics, trusted, routerAssertions, jwks: { keys: verificationKeys.map((key) => key.publicJwk) } });
  const liveSubscriptions = serveLiveSubscriptions(httpServer, schema, deps, credentials, logger, { trusted, peopleOnly: config.router.only });
  pusher.start();
  trail.sequencer.start();
  treeHeads.start();
  replicas?.start();
  return {
    app,
    httpServer,
    metricsHttpServer,
    apollo,
    deps,
    schema,
    signingKey,
    credentials,
    pusher,
    registry,
    treeHeads,
    async stop() {
      await liveSubscriptions.close();
      await apollo.stop();
      await pusher!.stop();
      await trail.close();
      treeHeads.stop();
      await replicas?.stop();
      redis?.disconnect();
    },
  };
}

/** Waits (at most 3 s) for Redis, so the first requests spend the shared budgets rather than per-instance ones. */
async function redisReady(redis: Redis, logger: Logger): Promise<void> {
  if (redis.status === "ready") return;
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 3_000);
    redis.once("ready", () => (clearTimeout(timer), resolve(true)));
  });
  if (!ready) logger.warn("redis not ready after 3 s; rate limits are per instance until it is");
}

/**
 * Request contexts for a command that acts as an agency outside HTTP (imports, exports): the same context
 * builder, services, checks and audit trail as a request from that agency's `default` client system. Without
 * an agency code, the anonymous public. Call `close()` to flush the audit trail.
 */
/**
 * What a `hub` command acts as: an agency's default client system (`--agency`), the operator at the command
 * line (`--operator`, for the registry's own commands), or the public.
 */
export async function commandContexts(config: HubConfig, db: OpenDatabase, agencyCode: string | undefined, command: string, operator?: string) {
  const trail = new AuditTrail(db.dataSource, config.audit);
  const deps: HubDeps = { dataSource: db.dataSource, trail, vault: await loadPiiVault(config, db.dataSource), policy: config.policy, env: config.env };
  let viewer = operator ? Viewer.operator(operator) : Viewer.anonymous();
  if (agencyCode) {
    const caller = await registryLookup(db.dataSource)(agencyCode, DEFAULT_CLIENT_NAME);
    if (!caller || !caller.agency.active || !caller.client.active) throw new CommandError(`agency ${agencyCode} is unknown or disabled`);
    viewer = Viewer.of(caller.agency, { id: caller.client.id, name: caller.client.name }, []);
  }
  // The operator is the person the audit trail names (its end user).
  const request = { id: `${command}-${new Date().toISOString()}`, caseRef: null, caseRefProblem: "CASE_REF_MISSING" as const, endUser: operator ?? null };
  return {
    deps,
    viewer,
    newContext: () => createContext(deps, viewer, request),
    close: () => trail.close(),
  };
}

/** A failure of a command that the user can act on. */
export class CommandError extends Error {}

/**
 * Prepares the database: migrations, reference data, then the demo data when enabled and the database is
 * empty (or holds a demo an earlier version left half loaded, `demoDataState`). On PostgreSQL all of it runs
 * under the preparation lock, so hubs started together prepare one after the other (`preparation-lock.ts`).
 */
export async function prepareDatabase(config: HubConfig, db: OpenDatabase, logger: Logger): Promise<{ migrations: string[]; wasEmpty: boolean; demoLoaded: boolean }> {
  const waiting = () => logger.info("another hub process is preparing the database; waiting for it to finish");
  return withPreparationLock(
    db.target,
    async () => {
      const migrations = await migrate(db.dataSource);
      if (migrations.length > 0) logger.info({ migrations, changed: await migrationReport(db.dataSource, migrations) }, "migrations applied");
      await syncRegions(db.dataSource);
      await syncShippedCalendar(db.dataSource);
      await warnWhenCalendarEndsSoon(db.dataSource, logger);
      const state = await demoDataState(db.dataSource);
      const demoLoaded = config.demoData && state !== "loaded-or-other";
      if (demoLoaded) {
        logger.info({ state }, "loading demo data");
        const seeded = await loadDemoData(config, db);
        logger.info(seeded, "demo data loaded");
      }
      return { migrations, wasEmpty: state === "empty", demoLoaded };
    },
    waiting,
  );
}

/**
 * The demo registry and directory, then demo cases, feedback, patents and trademarks through the services, all
 * in one transaction: a start interrupted anywhere in it (killed, the database gone) leaves no demo data, and
 * the next start, finding the database empty, loads it whole. Issue 15 saw the registry committed and nothing
 * after it, for good.
 *
 * One transaction rather than a "demo loaded" marker and a resumable load: the services each open their own
 * transaction, so a load resumed after an interruption would have to know which of their calls had committed;
 * their idempotency keys cannot tell (the demo's inputs depend on the day it is loaded, so a replay on a later
 * day is a CONFLICT), and its changes carry expected versions that a replay would break. Bound to one
 * transaction (`inOneTransaction`), their transactions become savepoints, and everything commits, or nothing.
 */
export async function loadDemoData(config: HubConfig, db: OpenDatabase): Promise<{ agencies: number; institutions: number; appraisers: number; cases: number }> {
  // The PII data keys (on a new database) are made first, in their own transaction: they are not demo data.
  await loadPiiVault(config, db.dataSource, { createKeyFile: true, createDataKeys: true });
  return inOneTransaction(db.dataSource, async (dataSource) => {
    const bound: OpenDatabase = { ...db, dataSource };
    const trail = new AuditTrail(dataSource, { flushIntervalMs: 100, batchSize: 100 });
    const vault = await loadPiiVault(config, dataSource);
    const seeded = await seedDemo(dataSource, trail, vault);
    await trail.close();
    const opened: Array<{ close(): Promise<void> }> = [];
    const as = async (code: string) => {
      const contexts = await commandContexts(config, bound, code, "seed");
      opened.push(contexts);
      return contexts.newContext();
    };
    const cases = await seedDemoCases(dataSource, as);
    await seedDemoPatentsAndTrademarks(dataSource, as);
    // Last month's report as 信阳 filed it (the scheduler files the other bureaus' on its first round); once, like the rest.
    const lastMonth = previousMonth(todayInChina());
    if ((await dataSource.query(`SELECT 1 FROM monthly_reports WHERE region_code = '411500' AND month = $1`, [lastMonth])).length === 0) {
      await (await as("XY-AMR")).services.monthlyReports.file(lastMonth);
    }
    for (const contexts of opened) await contexts.close();
    return { ...seeded, cases };
  });
}

/**
 * `hub serve`: opens the database, prepares it, serves HTTP. It owns SIGTERM and SIGINT (also as PID 1 in a
 * container, where an unhandled signal would be ignored): it stops accepting, lets requests in flight finish
 * within `HUB_SHUTDOWN_GRACE_MS`, flushes the audit trail, closes the database (releasing the embedded
 * database's lock) and exits 0. On the embedded database it also serves that database to the `hub` commands
 * on this machine through a Unix socket in its directory, from when it is prepared until shutdown begins
 * (their open transactions are then rolled back). A second signal during the drain changes nothing: the
 * drain is bounded anyway.
 */
export async function serve(config: HubConfig, logger: Logger): Promise<void> {
  let hub: Hub | undefined;
  let db: OpenDatabase | undefined;
  let local: EmbeddedDatabaseServer | undefined;
  let stopping = false;
  let started: Promise<void> = Promise.resolve();
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "already shutting down; requests in flight are still being drained");
      return;
    }
    stopping = true;
    logger.info({ signal, graceMs: config.http.shutdownGraceMs }, "shutting down");
    // A signal during start-up waits for it (a migration is never cut in half), then stops what started.
    await started.catch(() => {});
    let exitCode = 0;
    for (const step of [() => local?.stop(), () => hub?.stop(), () => db?.close()]) {
      try {
        await step();
      } catch (error) {
        exitCode = 1;
        logger.error({ errorName: (error as Error)?.name }, "shutdown step failed");
      }
    }
    logger.info({ exitCode }, "stopped");
    logger.flush?.();
    process.exit(exitCode);
  };
  process.on("SIGINT", (signal) => void shutdown(signal));
  process.on("SIGTERM", (signal) => void shutdown(signal));
  started = (async () => {
    db = await openDatabase(config, logger);
    await prepareDatabase(config, db, logger);
    if (config.env === "production" && (await registryAdministrators(db.dataSource)).length === 0) {
      throw new CommandError(
        "the registry has no administrator; register the province bureau and its system first: `hub agency add --code … --name … --kind MARKET_REGULATION --region <province>` then `hub client add --agency … --name default --scopes clients:manage,registry:admin`",
      );
    }
    if (stopping) return;
    if (db.target.kind === "pglite" && db.target.dataDir) {
      local = await serveEmbeddedDatabase(db.target.dataDir, logger);
      if (local) logger.info({ socket: local.socketPath }, "embedded database served to local hub commands");
    }
    hub = await buildHub(config, logger, db);
    const server = hub.httpServer;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => resolve());
    });
    logger.info({ url: `http://${config.host}:${config.port}/graphql`, database: db.target.kind }, "appraisal-hub listening");
    const metricsListener = hub.metricsHttpServer;
    if (metricsListener) {
      await new Promise<void>((resolve, reject) => {
        metricsListener.once("error", reject);
        metricsListener.listen(config.metrics.port, config.metrics.host, () => resolve());
      });
      const address = metricsListener.address();
      logger.info({ url: `http://${config.metrics.host}:${typeof address === "object" && address ? address.port : config.metrics.port}/metrics` }, "metrics listening");
    }
  })();
  try {
    await started;
  } catch (error) {
    await local?.stop().catch(() => {});
    await hub?.stop().catch(() => {});
    await db?.close().catch(() => {});
    // What the server refused at start (migrations, the demo load) is said in words, in one line.
    throw describeDatabaseError(error, db?.target ?? databaseTarget(config));
  }
}
