import { createHash } from "node:crypto";
import { GraphQLSchema, Kind, parse, validate } from "graphql";
import { BadUserInputError } from "../errors/errors";

/**
 * Trusted documents (GraphQL over HTTP, Appendix A "Persisted Documents"): an operation is named by
 * `sha256:` and the hex SHA-256 of its text, the id `@graphql-codegen/client-preset` writes as the key of its
 * `persisted-documents.json` and that clients send as `documentId`.
 */
export const DOCUMENT_ID = /^sha256:[0-9a-f]{64}$/;

/** The most documents one registration may carry, and the longest document. */
export const MAX_MANIFEST_DOCUMENTS = 2_000;
export const MAX_DOCUMENT_LENGTH = 50_000;

export function documentIdOf(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

/**
 * The id a request names its document by: `documentId` (`sha256:<hex>`, or the bare hex) or Apollo's
 * `extensions.persistedQuery.sha256Hash`; undefined when it names none. A malformed id is returned as given,
 * so that it is refused as unknown rather than run as something else.
 */
export function requestedDocumentId(body: { documentId?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | undefined): string | undefined {
  const raw = body?.documentId ?? body?.extensions?.persistedQuery?.sha256Hash;
  if (raw === undefined || raw === null) return undefined;
  const id = String(raw).toLowerCase();
  return /^[0-9a-f]{64}$/.test(id) ? `sha256:${id}` : id;
}

export interface TrustedDocument {
  id: string;
  document: string;
  operationNames: string[];
}

/**
 * Reads a manifest (`{ "sha256:<hex>": "<document>" }`, as client-preset writes it) and checks every entry:
 * the id is the SHA-256 of the document's exact text, the document parses, holds operations only of this
 * schema (it validates against it) and is not too long. Any bad entry refuses the whole manifest, naming it.
 */
export function parseManifest(manifest: unknown, schema: GraphQLSchema, field: string): TrustedDocument[] {
  if (!manifest || typeof manifest !== "object" || Array.isArray(manifest)) throw new BadUserInputError("The manifest must be a JSON object of document ids to documents.", field);
  const entries = Object.entries(manifest as Record<string, unknown>);
  if (entries.length === 0) throw new BadUserInputError("The manifest holds no documents.", field);
  if (entries.length > MAX_MANIFEST_DOCUMENTS) throw new BadUserInputError(`A manifest holds at most ${MAX_MANIFEST_DOCUMENTS} documents; this one has ${entries.length}.`, field);
  return entries.map(([key, document]) => {
    const at = `${field}[${JSON.stringify(key.slice(0, 80))}]`;
    const id = /^[0-9a-f]{64}$/.test(key) ? `sha256:${key}` : key;
    if (!DOCUMENT_ID.test(id)) throw new BadUserInputError("Each key must be a document id, `sha256:` and 64 lower-case hex digits.", at);
    if (typeof document !== "string" || document.trim() === "") throw new BadUserInputError("Each document must be the text of a GraphQL operation.", at);
    if (document.length > MAX_DOCUMENT_LENGTH) throw new BadUserInputError(`A document may be at most ${MAX_DOCUMENT_LENGTH} characters long.`, at);
    if (documentIdOf(document) !== id) throw new BadUserInputError("The id is not the SHA-256 of the document's text.", at);
    let parsed;
    try {
      parsed = parse(document);
    } catch {
      throw new BadUserInputError("The document is not valid GraphQL.", at);
    }
    const problems = validate(schema, parsed);
    if (problems.length > 0) throw new BadUserInputError(`The document does not validate against the hub's schema: ${problems[0].message}`, at);
    const operationNames = parsed.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
    return { id, document, operationNames };
  });
}
