import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { issueToken } from "../../src/auth/token";
import { HubConfig, loadConfig } from "../../src/config/config";
import { openDatabase, OpenDatabase } from "../../src/db/database";
import { buildHub, Hub, prepareDatabase } from "../../src/hub";
import { Logger, silentLogger } from "../../src/logging/logger";
import { identify, requestIdOf } from "../../src/server/authenticate";
import { createContext } from "../../src/context/context";
import { copyTemplateKeys, createTestDatabase, TestDatabase } from "./test-database";
import type { TypedDocumentString } from "../gql/graphql";

export interface GraphqlResponse<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: Array<{ message: string; path?: Array<string | number>; extensions: Record<string, any> }>; extensions?: Record<string, any> };
}

export interface TestHub {
  url: string;
  config: HubConfig;
  db: OpenDatabase;
  hub: Hub;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A hub-signed token for `agency`'s client system (default `default`). */
  token(agency: string, options?: { client?: string; scopes?: string[]; lifetimeSeconds?: number; now?: Date }): Promise<string>;
  /**
   * Runs an operation, as `agency` when given (or with an explicit raw Authorization header). A typed
   * document (`graphql(...)` from `test/gql`) types the variables and the answer's data.
   */
  graphql<T, V>(query: TypedDocumentString<T, V>, options?: { variables?: NoInfer<V>; as?: string; scopes?: string[]; headers?: Record<string, string> }): Promise<GraphqlResponse<T>>;
  graphql<T = any>(query: string, options?: { variables?: Record<string, unknown>; as?: string; scopes?: string[]; headers?: Record<string, string> }): Promise<GraphqlResponse<T>>;
  /** The data of an operation that must succeed; any error fails the test with the errors' codes and messages. */
  data<T, V>(query: TypedDocumentString<T, V>, options?: { variables?: NoInfer<V>; as?: string; scopes?: string[]; headers?: Record<string, string> }): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts the real hub (same config loader, schema, guards, context builder and HTTP app as production) on a
 * fresh copy of the run's template database (migrated, with the demo data), listening on a free loopback
 * port. The hub still prepares it as `hub serve` would (its migrations and reference data are then current).
 */
export async function startTestHub(
  options: {
    env?: Record<string, string>;
    now?: () => Date;
    logger?: Logger;
    transport?: Transport;
    /** A database of the test's own (on a cluster it runs), prepared by the hub if empty, dropped by `stop()` with its `drop`. */
    database?: TestDatabase;
  } = {},
): Promise<TestHub> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-test-"));
  // Budgets out of reach unless a test sets its own: test files send far more than a minute's traffic.
  const unlimited = { HUB_RATE_LIMIT_CLIENT_POINTS: "1000000000", HUB_RATE_LIMIT_ANONYMOUS_POINTS: "1000000000", HUB_RATE_LIMIT_AUTH_FAILURES: "1000000", HUB_RATE_LIMIT_TARPIT_MS: "0", HUB_PUBLIC_REPORTS_PER_HOUR: "10000" };
  // Push workers (dispatcher, scheduler) run only in the tests about push: elsewhere they would poll the database in the background.
  const config = loadConfig({ HUB_ENV: "test", HUB_DATA_DIR: dataDir, LOG_LEVEL: "silent", HUB_AUDIT_FLUSH_MS: "20", HUB_PUSH_WORKERS: "false", ...unlimited, ...options.env });
  copyTemplateKeys(dataDir);
  const database = options.database ?? (await createTestDatabase({ seeded: true }));
  const logger = options.logger ?? silentLogger();
  const db = await openDatabase(config, logger, database.target);
  await prepareDatabase(config, db, logger);
  const hub = await buildHub(config, logger, db, { now: options.now });
  const server: Server = hub.httpServer;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const token: TestHub["token"] = (agency, o = {}) =>
    issueToken(hub.signingKey, config.jwt, { agencyCode: agency, clientName: o.client ?? "default", scopes: o.scopes ?? [], lifetimeSeconds: o.lifetimeSeconds ?? 600 }, o.now);

  const testHub: TestHub = {
    url,
    config,
    db,
    hub,
    dataDir,
    databaseUrl: database.url,
    token,
    async graphql(document: string | TypedDocumentString<unknown, unknown>, o: { variables?: unknown; as?: string; scopes?: string[]; headers?: Record<string, string> } = {}) {
      const query = String(document);
      const variables = o.variables as Record<string, unknown> | undefined;
      const headers: Record<string, string> = { "content-type": "application/json", ...(o.headers ?? {}) };
      if (o.as) headers.authorization = `Bearer ${await token(o.as, { scopes: o.scopes })}`;
      if ((options.transport ?? "operation") === "operation") return operation(hub, query, variables, headers);
      const response = await fetch(`${url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphqlResponse["body"] };
    },
    async data(document, o) {
      const { body } = await testHub.graphql(document, o);
      if (body.errors?.length || !body.data) throw new Error(`the operation failed: ${JSON.stringify(body.errors?.map((e) => [e.extensions?.code, e.message]))}`);
      return body.data;
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await hub.stop();
      await db.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return testHub;
}

/**
 * How `graphql()` reaches the hub. "operation" (the default): in process, through the same identification
 * (`identify`: token, registry, case reference), context builder, schema, guards and Apollo plugins as a
 * request, without the HTTP layer: it answers the response's JSON, status and request id, and throws where
 * the HTTP layer would refuse the request before GraphQL (a bad credential or header: 401/400). "http": a real
 * POST to the listening server, for tests about HTTP (refused credentials, headers, body limits, CSRF).
 */
export type Transport = "operation" | "http";

async function operation(hub: Hub, query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>): Promise<GraphqlResponse> {
  const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const requestId = requestIdOf(lower.get("x-request-id"));
  const { viewer, request } = await identify(hub.credentials, silentLogger(), requestId, (name) => lower.get(name.toLowerCase()));
  const response = await hub.apollo.executeOperation({ query, variables }, { contextValue: createContext(hub.deps, viewer, request) });
  if (response.body.kind !== "single") throw new Error("the hub answers every operation in one result");
  const answer = new Headers(Object.fromEntries(response.http.headers));
  answer.set("x-request-id", requestId);
  return { status: response.http.status ?? 200, headers: answer, body: JSON.parse(JSON.stringify(response.body.singleResult)) };
}
