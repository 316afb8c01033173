import type { Server } from "node:http";
import type { ApolloServer } from "@apollo/server";
import type { Express } from "express";
import { AuditTrail } from "./audit/audit-trail";
import { loadSigningKey, SigningKey } from "./auth/signing-key";
import { TokenVerifier } from "./auth/token";
import { loadPiiVault } from "./auth/pii-vault";
import type { HubConfig } from "./config/config";
import { createContext, HubContext, HubDeps } from "./context/context";
import { Viewer } from "./auth/viewer";
import { DEFAULT_CLIENT_NAME } from "./entities/client-system.entity";
import { migrate, openDatabase, OpenDatabase } from "./db/database";
import type { Logger } from "./logging/logger";
import { hubSchema, HubSchema } from "./schema/build-schema";
import { createApp } from "./server/app";
import { isEmpty, seedDemo, syncRegions } from "./seed/seed";
import { syncShippedCalendar } from "./seed/calendar";
import { seedDemoCases } from "./seed/demo-cases";
import { seedDemoPatentsAndTrademarks } from "./seed/demo-patents-trademarks";
import { registryLookup } from "./services/client-system.service";

export interface Hub {
  app: Express;
  apollo: ApolloServer<HubContext>;
  deps: HubDeps;
  schema: HubSchema;
  signingKey: SigningKey;
  verifier: TokenVerifier;
  /** Drains GraphQL and flushes the audit trail; the database stays open for its owner to close. */
  stop(): Promise<void>;
}

/** Assembles the hub over an open database: audit trail, keys, token verifier, schema and HTTP app. */
export async function buildHub(config: HubConfig, logger: Logger, db: OpenDatabase, options: { now?: () => Date } = {}): Promise<Hub> {
  const trail = new AuditTrail(db.dataSource, { flushIntervalMs: config.audit.flushIntervalMs, batchSize: config.audit.batchSize, logger, now: options.now });
  const signingKey = await loadSigningKey(config);
  const verifier = new TokenVerifier(
    signingKey,
    {
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      clockToleranceSeconds: config.jwt.clockToleranceSeconds,
      maxLifetimeSeconds: config.jwt.maxLifetimeSeconds,
    },
    registryLookup(db.dataSource),
  );
  const schema = await hubSchema();
  const deps: HubDeps = { dataSource: db.dataSource, trail, vault: loadPiiVault(config), policy: config.policy, now: options.now };
  const { app, apollo } = await createApp({ config, logger, deps, schema, verifier });
  return {
    app,
    apollo,
    deps,
    schema,
    signingKey,
    verifier,
    async stop() {
      await apollo.stop();
      await trail.close();
    },
  };
}

/**
 * Request contexts for a command that acts as an agency outside HTTP (imports, exports): the same context
 * builder, services, checks and audit trail as a request from that agency's `default` client system. Without
 * an agency code, the anonymous public. Call `close()` to flush the audit trail.
 */
export async function commandContexts(config: HubConfig, db: OpenDatabase, agencyCode: string | undefined, command: string) {
  const trail = new AuditTrail(db.dataSource, { flushIntervalMs: config.audit.flushIntervalMs, batchSize: config.audit.batchSize });
  const deps: HubDeps = { dataSource: db.dataSource, trail, vault: loadPiiVault(config), policy: config.policy };
  let viewer = Viewer.anonymous();
  if (agencyCode) {
    const caller = await registryLookup(db.dataSource)(agencyCode, DEFAULT_CLIENT_NAME);
    if (!caller || !caller.agency.active || !caller.client.active) throw new CommandError(`agency ${agencyCode} is unknown or disabled`);
    viewer = Viewer.of(caller.agency, { id: caller.client.id, name: caller.client.name }, []);
  }
  const request = { id: `${command}-${new Date().toISOString()}`, caseRef: null, endUser: null };
  return {
    deps,
    viewer,
    newContext: () => createContext(deps, viewer, request),
    close: () => trail.close(),
  };
}

/** A failure of a command that the user can act on. */
export class CommandError extends Error {}

/** Prepares the database: migrations, reference data, then the demo data on an empty database when enabled. */
export async function prepareDatabase(config: HubConfig, db: OpenDatabase, logger: Logger): Promise<void> {
  const ran = await migrate(db.dataSource);
  if (ran.length > 0) logger.info({ migrations: ran }, "migrations applied");
  await syncRegions(db.dataSource);
  await syncShippedCalendar(db.dataSource);
  if (config.demoData && (await isEmpty(db.dataSource))) {
    const seeded = await loadDemoData(config, db);
    logger.info(seeded, "demo data loaded");
  }
}

/** The demo registry and directory (one transaction), then demo cases and feedback through the services. */
export async function loadDemoData(config: HubConfig, db: OpenDatabase): Promise<{ agencies: number; institutions: number; appraisers: number; cases: number }> {
  const trail = new AuditTrail(db.dataSource, { flushIntervalMs: 100, batchSize: 100 });
  const seeded = await seedDemo(db.dataSource, trail, loadPiiVault(config));
  await trail.close();
  const opened: Array<{ close(): Promise<void> }> = [];
  const as = async (code: string) => {
    const contexts = await commandContexts(config, db, code, "seed");
    opened.push(contexts);
    return contexts.newContext();
  };
  const cases = await seedDemoCases(db.dataSource, as);
  await seedDemoPatentsAndTrademarks(db.dataSource, as);
  for (const contexts of opened) await contexts.close();
  return { ...seeded, cases };
}

/** `hub serve`: opens the database, prepares it, serves HTTP, and shuts down cleanly on SIGINT/SIGTERM. */
export async function serve(config: HubConfig, logger: Logger): Promise<void> {
  const db = await openDatabase(config, logger);
  let hub: Hub | undefined;
  let server: Server | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await hub?.stop();
    await db.close();
    logger.flush?.();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  try {
    await prepareDatabase(config, db, logger);
    hub = await buildHub(config, logger, db);
    const app = hub.app;
    server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(config.port, config.host, () => resolve(listening));
      listening.once("error", reject);
    });
  } catch (error) {
    await hub?.stop().catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }
  logger.info({ url: `http://${config.host}:${config.port}/graphql`, database: db.target.kind }, "appraisal-hub listening");
}
