/**
 * A gateway in front of the hub, as `@apollo/gateway` 2.14 is configured to keep the hub's errors (README,
 * "Running behind a router"). An Apollo Router does the same with its own configuration; this one runs in
 * the hub's tests (test/federation/), and an agency running `@apollo/gateway` can copy it.
 *
 * - Headers: the caller's `Authorization` (the agency's own token still decides every field), `X-Case-Ref`,
 *   `X-End-User` and `X-Request-Id` go to every subgraph.
 * - Router-only hubs: each request to the hub is signed (`X-Router-Assertion`, ES256, 60 s, bound to the body).
 * - Errors: the hub answers its subgraph endpoint with HTTP 200 and coded errors, which a gateway passes on
 *   as they are. A subgraph that answers 4xx or 5xx anyway (a proxy in between) keeps its code here too,
 *   instead of becoming INTERNAL_SERVER_ERROR with the subgraph's URL in `extensions.response`.
 * - The edge's HTTP status follows the codes as the hub's own endpoint would answer them (401, 429, 503; 400
 *   for a request refused before it ran; 200 for a field's error), and no error leaves with a subgraph's URL,
 *   response body or stack.
 */
import { createHash, randomUUID } from "node:crypto";
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types";
import type { Fetcher, FetcherRequestInit, FetcherResponse } from "@apollo/utils.fetcher";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { SignJWT, type KeyLike } from "jose";

/** The headers a gateway forwards from the caller to every subgraph. */
export const FORWARDED_HEADERS = ["authorization", "x-case-ref", "x-end-user", "x-request-id"];

/** How the gateway signs requests to a hub in router-only mode (`HUB_ROUTER_ONLY`). */
export interface RouterSigning {
  key: KeyLike;
  kid?: string;
  /** `HUB_ROUTER_ISSUER` on the hub. */
  issuer: string;
  /** `HUB_JWT_AUDIENCE` on the hub. */
  audience: string;
}

/** The code a subgraph's non-2xx answer keeps: the code of its first error, else one for its status. */
const CODE_OF_STATUS: Record<number, string> = { 400: "BAD_REQUEST", 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 413: "BAD_REQUEST", 429: "RATE_LIMITED", 503: "SERVICE_UNAVAILABLE" };

export class HubDataSource extends RemoteGraphQLDataSource {
  constructor(
    readonly name: string,
    url: string,
    signing?: RouterSigning,
  ) {
    super({ url, ...(signing ? { fetcher: signingFetcher(signing) } : {}) });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions): void {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return;
    const incoming = options.incomingRequestContext.request.http?.headers;
    const outgoing = options.request.http!.headers;
    for (const name of FORWARDED_HEADERS) {
      const value = incoming?.get(name);
      if (value) outgoing.set(name, value);
    }
  }

  /** A non-2xx answer keeps its code and message; the subgraph's URL and body stay inside. */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    let first: { message?: unknown; extensions?: Record<string, unknown> } | undefined;
    try {
      first = ((await response.json()) as { errors?: Array<typeof first> }).errors?.[0];
    } catch {
      first = undefined;
    }
    const { stacktrace: _stacktrace, ...extensions } = first?.extensions ?? {};
    const code = (extensions.code as string | undefined) ?? CODE_OF_STATUS[response.status] ?? (response.status >= 500 ? "SERVICE_UNAVAILABLE" : "BAD_REQUEST");
    const message = typeof first?.message === "string" ? first.message : `The ${this.name} subgraph answered HTTP ${response.status}.`;
    return new GraphQLError(message, { extensions: { ...extensions, code, serviceName: this.name } });
  }
}

/**
 * Signs each request for a router-only hub, once: the fetcher sees the body and headers as they leave, so the
 * assertion's `body_sha256` and `auth_sha256` are what the hub receives.
 */
function signingFetcher(signing: RouterSigning): Fetcher {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");
  return async (url: string, init?: FetcherRequestInit) => {
    const headers = { ...((init?.headers as Record<string, string> | undefined) ?? {}) };
    const authorization = Object.entries(headers).find(([name]) => name.toLowerCase() === "authorization")?.[1] ?? "";
    const assertion = await new SignJWT({ body_sha256: sha256(String(init?.body ?? "")), auth_sha256: sha256(authorization) })
      .setProtectedHeader({ alg: "ES256", ...(signing.kid ? { kid: signing.kid } : {}) })
      .setIssuer(signing.issuer)
      .setAudience(signing.audience)
      .setIssuedAt()
      .setExpirationTime("60s")
      .setJti(randomUUID())
      .sign(signing.key);
    return (await fetch(url, { ...(init as RequestInit), headers: { ...headers, "x-router-assertion": assertion } })) as unknown as FetcherResponse;
  };
}

/** The HTTP status at the edge, from the codes of the answer's errors. */
const EDGE_STATUS: Array<[string, number]> = [
  ["UNAUTHENTICATED", 401],
  ["RATE_LIMITED", 429],
  ["SERVICE_UNAVAILABLE", 503],
];
/** Codes of a request refused before it ran (an error without a path): 400, as the hub answers them itself. */
const REQUEST_ERRORS = new Set(["BAD_USER_INPUT", "QUERY_TOO_COMPLEX", "OPERATION_NOT_ALLOWLISTED", "BAD_REQUEST", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"]);

export const edgeStatusPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, errors }) {
        if (response.body.kind !== "single" || !errors?.length) return;
        const codes = errors.map((error) => (gatewayFailure(error.extensions) ? "SERVICE_UNAVAILABLE" : (error.extensions?.code as string | undefined)));
        const status = EDGE_STATUS.find(([code]) => codes.includes(code))?.[1];
        if (status) response.http.status = status;
        // A subgraph's refusal of its whole request keeps no path through the gateway; a field's error does (200).
        else if (errors.every((error) => !error.path && REQUEST_ERRORS.has(error.extensions?.code as string))) response.http.status = 400;
      },
    };
  },
};

/**
 * An error of the gateway's own, not a subgraph's answer (those carry `serviceName`): a subgraph it could not
 * reach, an answer it could not read. Its message names the subgraph's URL or quotes its body.
 */
function gatewayFailure(extensions: Record<string, unknown> | undefined): boolean {
  return !extensions?.serviceName && (extensions?.code === undefined || extensions.code === "INTERNAL_SERVER_ERROR");
}

/** What leaves the edge: never a subgraph's URL, its raw response or a stack. */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { response: _response, stacktrace: _stacktrace, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  if (gatewayFailure(extensions)) return { ...formatted, message: "A part of the graph could not answer; try again shortly.", extensions: { code: "SERVICE_UNAVAILABLE" } };
  return { ...formatted, extensions };
}

export interface GatewayOptions {
  supergraphSdl: string;
  /** The subgraph that is the hub, by its name in the supergraph. */
  hub: string;
  signing?: RouterSigning;
  /** The deepest operation the edge accepts, across subgraphs (each subgraph sees only its own part). */
  maxDepth?: number;
}

/** An Apollo Server running `@apollo/gateway` with the settings above. */
export function hubGateway(options: GatewayOptions): ApolloServer<BaseContext> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new HubDataSource(name, url!, name === options.hub ? options.signing : undefined),
  });
  const armor = new ApolloArmor({ maxDepth: { n: options.maxDepth ?? 10, flattenFragments: true }, costLimit: { enabled: false }, blockFieldSuggestion: { enabled: false } }).protect();
  return new ApolloServer<BaseContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    formatError: formatGatewayError,
    validationRules: armor.validationRules,
    plugins: [...armor.plugins, edgeStatusPlugin],
  });
}
