import fs from "node:fs";
import path from "node:path";
import type { NextFunction, Request, Response } from "express";
import { Counter, Registry } from "prom-client";
import type { DataSource } from "typeorm";
import type { Viewer } from "../auth/viewer";
import type { HubConfig } from "../config/config";
import { documentIdOf, requestedDocumentId } from "../domain/trusted-document";
import { WEB_CLIENT_NAME } from "../entities/client-system.entity";
import { BadUserInputError, HubError, OperationNotAllowlistedError } from "../errors/errors";
import type { Logger } from "../logging/logger";
import type { Authenticated } from "./authenticate";

/** The dashboard's operations, as client-preset writes a manifest (`sha256:<hex>` → document). */
export const DASHBOARD_MANIFEST = path.join(__dirname, "..", "..", "static", "dashboard", "persisted-documents.json");

/** What a router sends to compose the supergraph (`@apollo/gateway`'s `SERVICE_DEFINITION_QUERY`, the same for Apollo Router's tooling). */
export const SERVICE_DEFINITION_QUERY = "query __ApolloGetServiceDefinition__ { _service { sdl } }";

/**
 * Documents the hub ships itself and runs for every caller: its dashboard's operations and the query a
 * router composes with (its rule still decides who reads the SDL). Read once per process.
 */
export function hubDocuments(): ReadonlyMap<string, string> {
  const dashboard = JSON.parse(fs.readFileSync(DASHBOARD_MANIFEST, "utf8")) as Record<string, string>;
  return new Map([...Object.entries(dashboard), [documentIdOf(SERVICE_DEFINITION_QUERY), SERVICE_DEFINITION_QUERY]]);
}

/** The most client systems whose manifests are held in memory at once (each is reloaded when its version moves). */
const MAX_CACHED_MANIFESTS = 1_000;

/** What a GraphQL request names: its text, or a document id (`documentId`, or Apollo's `extensions.persistedQuery`). */
export interface DocumentRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
}

/**
 * Trusted documents (`HUB_TRUSTED_DOCUMENTS`): which operations a caller may run.
 *
 * A request may name its operation by id instead of sending its text: `documentId` (GraphQL over HTTP's
 * persisted documents) or Apollo's `extensions.persistedQuery.sha256Hash`. The id is looked up in the hub's
 * own documents and the caller's manifest, and the registered text runs. An unknown `documentId` answers
 * OPERATION_NOT_ALLOWLISTED in every mode; an unknown Apollo hash is left to Apollo (automatic persisted
 * queries, `PERSISTED_QUERY_NOT_SUPPORTED` while they are off) unless the mode requires registered
 * operations. Text is judged by the mode, for the callers it restricts:
 * - `off`: anything runs.
 * - `allow-listed`: anything runs; text outside the caller's documents is logged (its id, never its text) and
 *   counted (`hub_untrusted_operations_total`), to see what a client would lose under `required`.
 * - `required`: only operations sent by id run: text and unknown ids answer OPERATION_NOT_ALLOWLISTED.
 *
 * Restricted: client systems (with their manifest; one that registered none may run only the hub's own
 * documents) and people signed in (the hub's own pages' documents). The anonymous public is not a registered
 * system: it reads public fields only, bounded by depth, cost and its rate limit. Manifests are cached per
 * client system and reloaded when the registry says their version moved, so every instance sees a new
 * registration with the system's next request (a live connection's, once it is identified again, within a
 * minute). Manifests are validated against `/graphql`'s schema: they are for the hub's own endpoint, and
 * `/subgraph` is the router's.
 */
export class TrustedDocuments {
  private readonly cache = new Map<string, { version: number; documents: ReadonlyMap<string, string> }>();
  private readonly counted: Counter<"mode" | "outcome">;

  constructor(
    private readonly dataSource: DataSource,
    readonly mode: HubConfig["trustedDocuments"],
    private readonly builtIn: ReadonlyMap<string, string>,
    private readonly logger: Logger,
    registry: Registry,
  ) {
    this.counted = new Counter({
      name: "hub_untrusted_operations_total",
      help: "Operations sent as text outside the caller's trusted documents: allowed (HUB_TRUSTED_DOCUMENTS=allow-listed) or refused (required).",
      labelNames: ["mode", "outcome"],
      registers: [registry],
    });
  }

  /**
   * The registered text to run in place of what the request sent, undefined to run the request as it is,
   * or OPERATION_NOT_ALLOWLISTED.
   */
  async resolve(viewer: Viewer, request: DocumentRequest, requestId: string): Promise<string | undefined> {
    const id = requestedDocumentId(request);
    const restricted = this.mode !== "off" && viewer.client !== undefined && viewer.operator === undefined;
    const required = restricted && this.mode === "required";
    if (id !== undefined) {
      const document = this.builtIn.get(id) ?? (await this.documentsOf(viewer))?.get(id) ?? (await this.registeredSince(viewer, id));
      if (document !== undefined) return document;
      if (request.documentId !== undefined || required) {
        if (required) this.counted.inc({ mode: this.mode, outcome: "refused" });
        throw new OperationNotAllowlistedError("No operation with this document id is registered for your client system.", { documentId: id.slice(0, 80) });
      }
    }
    const text = typeof request.query === "string" ? request.query : undefined;
    if (text === undefined || !restricted) return undefined;
    if (required) {
      this.counted.inc({ mode: this.mode, outcome: "refused" });
      throw new OperationNotAllowlistedError("This hub runs registered operations only: send the operation's `documentId` (its `sha256:` id in your client system's manifest), not its text.");
    }
    const textId = documentIdOf(text);
    if (!this.builtIn.has(textId) && !(await this.documentsOf(viewer))?.has(textId)) {
      this.counted.inc({ mode: this.mode, outcome: "allowed" });
      this.logger.warn({ reqId: requestId, agency: viewer.agency?.code, client: viewer.client?.name, documentId: textId }, "operation outside the client system's trusted documents");
    }
    return undefined;
  }

  /** Express middleware after authentication and the body parser: puts the registered text in place of a document id. */
  middleware(send: (res: Response, error: HubError) => void) {
    return async (req: Request, res: Response, next: NextFunction) => {
      const { viewer, request } = res.locals.auth as Authenticated;
      const get = req.method === "GET";
      const body = (get ? getParameters(req) : req.body) as DocumentRequest | undefined;
      if (!body || typeof body !== "object") return next();
      try {
        const query = await this.resolve(viewer, body, request.id);
        if (query === undefined) return next();
        // Express parses a GET's parameters anew on every read: a document id cannot be put in place there.
        if (get) throw new BadUserInputError("Send a documentId with POST.", "documentId");
        body.query = query;
        delete body.documentId;
        if (body.extensions) delete body.extensions.persistedQuery;
        next();
      } catch (error) {
        if (error instanceof HubError) send(res, error);
        else next(error);
      }
    };
  }

  /**
   * A document id missing from the kept manifest, looked up in the database before it is refused: the client
   * row that says which manifest version is current may be a few seconds old (`auth/registry-cache.ts`), and a
   * manifest registered meanwhile (from the command line, through another instance) must count at once.
   */
  private async registeredSince(viewer: Viewer, id: string): Promise<string | undefined> {
    const client = viewer.client;
    if (!client || client.name === WEB_CLIENT_NAME) return undefined;
    const [row]: Array<{ document: string }> = await this.dataSource.query(`SELECT document FROM trusted_documents WHERE client_system_id = $1 AND id = $2`, [client.id, id]);
    if (row) this.cache.delete(client.id);
    return row?.document;
  }

  /** The caller's registered documents: undefined for the public and for people signed in (the hub's own only). */
  private async documentsOf(viewer: Viewer): Promise<ReadonlyMap<string, string> | undefined> {
    const client = viewer.client;
    if (!client || client.name === WEB_CLIENT_NAME || !client.manifestVersion) return undefined;
    const cached = this.cache.get(client.id);
    if (cached && cached.version === client.manifestVersion) {
      // Least recently used goes first: a hit moves the system to the end.
      this.cache.delete(client.id);
      this.cache.set(client.id, cached);
      return cached.documents;
    }
    const rows: Array<{ id: string; document: string }> = await this.dataSource.query(`SELECT id, document FROM trusted_documents WHERE client_system_id = $1`, [client.id]);
    const documents = new Map(rows.map((row) => [row.id, row.document]));
    this.cache.delete(client.id);
    if (this.cache.size >= MAX_CACHED_MANIFESTS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(client.id, { version: client.manifestVersion, documents });
    return documents;
  }
}

/**
 * A GET request's GraphQL parameters, read from the raw query string as Apollo reads them (`URLSearchParams`,
 * the first of repeated names): Express's own parser stops after 1,000 parameters, and a `query` hidden past
 * them would reach Apollo unjudged.
 */
function getParameters(req: Request): DocumentRequest {
  const search = new URLSearchParams(req.originalUrl.split("?")[1] ?? "");
  let extensions: DocumentRequest["extensions"];
  try {
    const raw = search.get("extensions");
    extensions = raw === null ? undefined : JSON.parse(raw);
  } catch {
    extensions = undefined;
  }
  return { query: search.get("query") ?? undefined, documentId: search.get("documentId") ?? undefined, extensions };
}
