import type { Server } from "node:http";
import { randomUUID } from "node:crypto";
import { GraphQLError, OperationTypeNode, parse, getOperationAST, validate, specifiedRules } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { HubContext, HubDeps } from "../context/context";
import { createContext } from "../context/context";
import type { Logger } from "../logging/logger";
import { identify, isPersonSignedIn, type Credentials } from "./authenticate";
import type { Authenticated } from "./authenticate";
import type { HubSchema } from "../schema/build-schema";
import { errorCodeOf, HubError } from "../errors/errors";
import type { TrustedDocuments } from "./trusted-documents";

/** A subscription message is a query document and its variables: small. */
const MAX_MESSAGE_BYTES = 64 * 1024;
/** Subscriptions one connection may hold at once. */
const MAX_SUBSCRIPTIONS = 10;
/** How often a connection's caller is identified again: a token that expired or a session that ended closes it. */
const REIDENTIFY_MS = 60_000;

interface ConnectionState {
  authenticated?: Authenticated;
  subscriptions: number;
  timer?: NodeJS.Timeout;
  /** Whose connection it is, for the per-caller cap (the caller's rate-limit key). */
  caller?: string;
  closed: boolean;
}

/** Connections one caller (a client system, a person) may hold at once, and this instance in all. */
const MAX_CONNECTIONS_PER_CALLER = 20;
const MAX_CONNECTIONS = 2_000;

/**
 * GraphQL subscriptions over WebSocket at `/graphql` (the graphql-ws protocol), for the dashboard's live
 * updates and any system that prefers a socket to a webhook. The caller is identified like an HTTP request:
 * `Authorization` in the connection's `connection_init` payload (a client system's token), or the session
 * cookie of a person signed in, from the hub's own origin only (a page elsewhere cannot open a socket with
 * it). Only subscription operations are accepted, and the connection is closed once its caller's token or
 * session no longer holds.
 */
export function serveLiveSubscriptions(
  httpServer: Server,
  schema: HubSchema,
  deps: HubDeps,
  credentials: Credentials,
  logger: Logger,
  options: {
    /** Which operations callers may run (`HUB_TRUSTED_DOCUMENTS`): a subscription may name its document by id. */
    trusted: TrustedDocuments;
    /** Router-only mode: systems come through the router; only people signed in open sockets here. */
    peopleOnly: boolean;
  },
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: httpServer, path: "/graphql", maxPayload: MAX_MESSAGE_BYTES });
  const states = new WeakMap<object, ConnectionState>();
  const stateOf = (extra: object): ConnectionState => {
    let state = states.get(extra);
    if (!state) states.set(extra, (state = { subscriptions: 0, closed: false }));
    return state;
  };
  const perCaller = new Map<string, number>();
  let connections = 0;
  const who = (request: import("node:http").IncomingMessage, params: Record<string, unknown> | undefined, touchSession = true) => {
    // The token in the connection_init payload (browsers and clients), else on the handshake itself (a router
    // propagating the client's Authorization header); a browser can set neither for another site's page.
    const fromParams = typeof params?.authorization === "string" ? params.authorization : typeof params?.Authorization === "string" ? params.Authorization : undefined;
    const header = (name: string): string | undefined => {
      if (name === "authorization") return fromParams ?? request.headers.authorization;
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    return identify(credentials, logger, randomUUID(), header, request.socket.remoteAddress ?? "unknown", { touchSession });
  };

  const disposable = useServer<Record<string, unknown>, Record<string, unknown>>(
    {
      schema: schema.schema,
      isProd: true,
      onConnect: async (ctx) => {
        const state = stateOf(ctx.extra);
        let authenticated: Authenticated;
        try {
          authenticated = await who(ctx.extra.request, ctx.connectionParams);
        } catch {
          return false;
        }
        // Closed while it was being identified: nothing to keep.
        if (state.closed || authenticated.viewer.isAnonymous) return false;
        if (options.peopleOnly && !isPersonSignedIn(authenticated.viewer)) return false;
        const caller = authenticated.request.budget?.key ?? "unknown";
        if (connections >= MAX_CONNECTIONS || (perCaller.get(caller) ?? 0) >= MAX_CONNECTIONS_PER_CALLER) {
          ctx.extra.socket.close(4429, "Too many connections");
          return false;
        }
        connections++;
        perCaller.set(caller, (perCaller.get(caller) ?? 0) + 1);
        state.caller = caller;
        state.authenticated = authenticated;
        state.timer = setInterval(() => {
          // Whether the token or session still holds; checking is not a use of a person's session.
          who(ctx.extra.request, ctx.connectionParams, false)
            .then((again) => {
              if (again.viewer.isAnonymous) throw new Error("anonymous");
              state.authenticated = again;
            })
            .catch(() => ctx.extra.socket.close(4401, "Unauthorized"));
        }, REIDENTIFY_MS);
        state.timer.unref();
        return true;
      },
      onClose: (ctx) => {
        const state = stateOf(ctx.extra);
        state.closed = true;
        clearInterval(state.timer);
        if (state.caller === undefined) return;
        connections--;
        const left = (perCaller.get(state.caller) ?? 1) - 1;
        if (left <= 0) perCaller.delete(state.caller);
        else perCaller.set(state.caller, left);
        state.caller = undefined;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const state = stateOf(ctx.extra);
        const authenticated = state.authenticated!;
        let text: string | undefined;
        try {
          text = (await options.trusted.resolve(authenticated.viewer, { ...payload, extensions: payload.extensions ?? undefined }, authenticated.request.id)) ?? payload.query;
        } catch (error) {
          if (error instanceof HubError) return [error];
          throw error;
        }
        let document;
        try {
          document = parse(text ?? "", { maxTokens: 2_000 });
        } catch (error) {
          return [new GraphQLError((error as Error).message, { extensions: { code: "GRAPHQL_PARSE_FAILED" } })];
        }
        const errors = validate(schema.schema, document, specifiedRules);
        if (errors.length > 0) return errors.map((e) => new GraphQLError(e.message, { extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation || operation.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [new GraphQLError("Only subscriptions are served over WebSocket: send queries and mutations to POST /graphql.", { extensions: { code: "BAD_REQUEST" } })];
        }
        if (state.subscriptions >= MAX_SUBSCRIPTIONS) return [new GraphQLError(`At most ${MAX_SUBSCRIPTIONS} subscriptions per connection.`, { extensions: { code: "BAD_REQUEST" } })];
        state.subscriptions++;
        const context: HubContext = createContext(deps, authenticated.viewer, authenticated.request);
        return { schema: schema.schema, document, variableValues: payload.variables ?? undefined, operationName: payload.operationName ?? undefined, contextValue: context };
      },
      onComplete: (ctx) => {
        const state = stateOf(ctx.extra);
        state.subscriptions = Math.max(0, state.subscriptions - 1);
      },
      onError: (_ctx, _id, _payload, errors) => {
        // Coded errors leave as they are; anything else as a bare INTERNAL_SERVER_ERROR, logged (never its message).
        return errors.map((error) => {
          const code = errorCodeOf(error);
          if (code !== "INTERNAL_SERVER_ERROR") return error;
          logger.error({ errorName: error.originalError?.name ?? error.name }, "subscription failed");
          return new GraphQLError("Internal server error", { extensions: { code } });
        });
      },
    },
    wss,
    15_000,
  );
  return {
    async close() {
      for (const client of wss.clients) client.close(1001, "Going away");
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
