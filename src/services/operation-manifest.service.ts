import type { EntityManager } from "typeorm";
import type { RequestScope } from "../context/request-scope";
import { parseManifest } from "../domain/trusted-document";
import { WEB_CLIENT_NAME } from "../entities/client-system.entity";
import { OperationManifest, RegisterOperationManifestPayload, TrustedDocument } from "../entities/trusted-document.entity";
import { BadUserInputError, NotFoundError } from "../errors/errors";
import type { RegisterOperationManifestInput } from "../inputs/operation-manifest.input";
import { operationManifestVisibility } from "../policy/operation-manifest.visibility";
import { CommandRunner } from "./command-runner";
import { decodeCursor, Page, pageSize, toPage } from "./pagination";

interface ClientRow {
  id: string;
  name: string;
  agency_code: string;
  region_code: string;
  manifest_version: number;
}

const CLIENT = `SELECT c.id, c.name, a.code AS agency_code, a.region_code, c.manifest_version FROM client_systems c JOIN agencies a ON a.id = c.agency_id WHERE a.code = $1 AND c.name = $2`;

/**
 * Client systems' operation manifests (trusted documents, `HUB_TRUSTED_DOCUMENTS`): registering the
 * operations a system may run, and reading them back. Registry administrators covering the system's agency
 * and the hub's operator only (`operationManifest.visible`).
 */
export class OperationManifestService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  /**
   * Adds the manifest's documents to the system's (with `replace`, takes out those it does not hold), in one
   * transaction with one audit entry. Registering the same manifest again adds nothing: retries are harmless.
   */
  async register(input: RegisterOperationManifestInput): Promise<RegisterOperationManifestPayload> {
    const agencyCode = input.agencyCode.trim();
    const clientName = input.clientName.trim();
    // The schema is built once per process; imported here because the schema is built from the resolvers that call this.
    const { hubSchema } = await import("../schema/build-schema");
    const documents = parseManifest(input.manifest, (await hubSchema()).unguarded, "input.manifest");
    return this.commands.perform({
      operation: "registerOperationManifest",
      entityType: "ClientSystem",
      work: async (manager) => {
        const client = await this.clientFor(manager, agencyCode, clientName);
        if (client.name === WEB_CLIENT_NAME) throw new BadUserInputError(`The ${WEB_CLIENT_NAME} system serves people signed in; it runs the hub's own pages' documents.`, "input.clientName");
        const ids = documents.map((d) => d.id);
        const inserted: Array<{ id: string }> = await manager.query(
          `INSERT INTO trusted_documents (client_system_id, id, document, operation_names)
           SELECT $1, d.id, d.document, ARRAY(SELECT jsonb_array_elements_text(d.names))
             FROM jsonb_to_recordset($2::jsonb) AS d(id text, document text, names jsonb)
           ON CONFLICT (client_system_id, id) DO NOTHING RETURNING id`,
          [client.id, JSON.stringify(documents.map((d) => ({ id: d.id, document: d.document, names: d.operationNames })))],
        );
        const removed: Array<{ id: string }> = input.replace
          ? await manager.query(`WITH gone AS (DELETE FROM trusted_documents WHERE client_system_id = $1 AND NOT (id = ANY($2::text[])) RETURNING id) SELECT id FROM gone`, [client.id, ids])
          : [];
        const changed = inserted.length > 0 || removed.length > 0 || client.manifest_version === 0;
        const version = changed
          ? ((await manager.query(`WITH v AS (UPDATE client_systems SET manifest_version = manifest_version + 1 WHERE id = $1 RETURNING manifest_version) SELECT manifest_version FROM v`, [client.id])) as Array<{ manifest_version: number }>)[0].manifest_version
          : client.manifest_version;
        const manifest = await this.manifestOf(manager, { ...client, manifest_version: version });
        return { commit: { id: client.id, fields: ["manifest"] }, answer: { manifest, added: inserted.length, removed: removed.length } };
      },
    });
  }

  /** A system's manifest; null when the system does not exist for the caller (unknown, or outside its jurisdiction). */
  async manifest(agencyCode: string, clientName: string): Promise<OperationManifest | null> {
    return this.scope.dataSource.transaction(async (manager) => {
      const rows: ClientRow[] = await manager.query(CLIENT, [agencyCode.trim(), clientName.trim()]);
      if (rows.length === 0 || !operationManifestVisibility(this.scope.viewer, { regionCode: rows[0].region_code })) return null;
      return this.manifestOf(manager, rows[0]);
    });
  }

  /** The documents of a manifest, by id. */
  async documents(manifest: OperationManifest, first: number | null | undefined, after: string | null | undefined): Promise<Page<TrustedDocument>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, ["text"]);
    const rows: Array<{ id: string; document: string; operation_names: string[]; registered_at: Date }> = await this.scope.dataSource.query(
      `SELECT id, document, operation_names, registered_at FROM trusted_documents WHERE client_system_id = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [manifest.clientSystemId, cursor?.[0] ?? null, size + 1],
    );
    const documents = rows.map((r) => Object.assign(new TrustedDocument(), { clientSystemId: manifest.clientSystemId, id: r.id, document: r.document, operationNames: r.operation_names, registeredAt: r.registered_at }));
    return toPage(documents, size, (d) => [d.id], async () => manifest.documentCount);
  }

  /** Registered client systems, with their manifests' versions and sizes (the operator's listing, `hub manifest list`). */
  async list(agencyCode?: string): Promise<OperationManifest[]> {
    const rows: Array<ClientRow & { documents: number }> = await this.scope.dataSource.query(
      `SELECT c.id, c.name, a.code AS agency_code, a.region_code, c.manifest_version, (SELECT count(*)::int FROM trusted_documents t WHERE t.client_system_id = c.id) AS documents
         FROM client_systems c JOIN agencies a ON a.id = c.agency_id
        WHERE ($1::text IS NULL OR a.code = $1) ORDER BY a.code, c.name`,
      [agencyCode ?? null],
    );
    return rows
      .filter((row) => operationManifestVisibility(this.scope.viewer, { regionCode: row.region_code }))
      .map((row) => Object.assign(new OperationManifest(), { agencyCode: row.agency_code, clientName: row.name, version: row.manifest_version, documentCount: row.documents, clientSystemId: row.id }));
  }

  /**
   * The system, locked for the registration (two registrations of one system run one after the other). A
   * system outside the caller's jurisdiction does not exist for it, like one never registered.
   */
  private async clientFor(manager: EntityManager, agencyCode: string, clientName: string): Promise<ClientRow> {
    const rows: ClientRow[] = await manager.query(`${CLIENT} FOR UPDATE OF c`, [agencyCode, clientName]);
    if (rows.length === 0 || !operationManifestVisibility(this.scope.viewer, { regionCode: rows[0].region_code })) throw new NotFoundError("Client system");
    return rows[0];
  }

  private async manifestOf(manager: EntityManager, client: ClientRow): Promise<OperationManifest> {
    const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM trusted_documents WHERE client_system_id = $1`, [client.id]);
    return Object.assign(new OperationManifest(), { agencyCode: client.agency_code, clientName: client.name, version: client.manifest_version, documentCount: count, clientSystemId: client.id });
  }
}
