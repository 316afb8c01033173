import { latestTreeHead, SignedTreeHead, treeHeadOfSize } from "../audit/audit-tree-head";
import { overStoredNodes } from "../audit/audit-tree-store";
import { LogVerification, verifyAuditLog } from "../audit/audit-verify";
import { auditLeafHash, consistencyPath, inclusionPath } from "../audit/merkle";
import { BadUserInputError, NotFoundError } from "../errors/errors";
import { AuditEvent } from "../entities/audit-event.entity";
import type { RequestScope } from "../context/request-scope";
import { Page } from "./pagination";
import { auditEventVisibility } from "../policy/audit-event.visibility";
import { equals, ListSpec, listPage } from "./list-builder";
import { primaryReads } from "../db/read-replicas";
import type { AuditEventFilter } from "../inputs/audit-event.input";

/** The trail, newest first. */
const AUDIT_EVENT_LIST: ListSpec<AuditEvent, AuditEventFilter> = {
  entity: AuditEvent,
  alias: "e",
  filters: {
    agencyCode: equals("agency_code", "agencyCode"),
    operation: equals("operation", "operation"),
    entityType: equals("entity_type", "entityType"),
    entityId: equals("entity_id", "entityId"),
    outcome: equals("outcome", "outcome"),
    from: (from, e) => ({ clause: `${e}.occurred_at >= :from`, params: { from } }),
    to: (to, e) => ({ clause: `${e}.occurred_at < :to`, params: { to } }),
  },
  order: { direction: "DESC", keys: [{ column: "e.seq", part: "seq", value: (row) => row.seq }] },
};

/**
 * Reading, proving and verifying the audit trail. Courts, procuratorates, police and city or county bureaus read
 * their own agency's entries; market-regulation bureaus at province level and above read every entry in
 * their jurisdiction. Newest first.
 */
export class AuditEventService {
  constructor(private readonly scope: RequestScope) {}

  /** The caller's entries, after sequencing what is queued, so that a caller reads its own latest entries. */
  async list(filter: AuditEventFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<AuditEvent>> {
    await this.scope.trail.flush();
    // On the primary, not `scope.reads`: the entries just sequenced may not be on a replica yet.
    return listPage(primaryReads(this.scope.dataSource), AUDIT_EVENT_LIST, auditEventVisibility.sql(this.scope.viewer, "e"), filter, { first, after });
  }

  /** Verifies the whole log (`audit/audit-verify.ts`), after sequencing what is queued. */
  async verify(): Promise<LogVerification> {
    await this.scope.trail.flush();
    return verifyAuditLog(this.scope.dataSource, this.scope.auditKeys ? [...this.scope.auditKeys] : undefined);
  }

  /** The latest signed tree head of the log. */
  treeHead(): Promise<SignedTreeHead | null> {
    return latestTreeHead(this.scope.dataSource);
  }

  /**
   * The inclusion proof of entry `seq` against a signed tree head (the latest, or the one of `treeSize`): for
   * an entry the caller may read, which otherwise does not exist for it.
   */
  async proof(seq: string, treeSize: string | null | undefined): Promise<AuditInclusionProof> {
    const position = logPosition(seq, "seq");
    const entry = await this.scope.dataSource.getRepository(AuditEvent).findOneBy({ seq: String(position) });
    if (!entry || !auditEventVisibility.test(this.scope.viewer, entry)) throw new NotFoundError("Audit entry");
    const head = await this.signedHead(treeSize, "treeSize");
    if (!head || Number(head.treeSize) < position) {
      throw new BadUserInputError(`Audit entry ${position} is not yet covered by a signed tree head; ask again once the next one is published.`, "seq");
    }
    const path = await overStoredNodes(this.scope.dataSource, (node) => inclusionPath(position - 1, Number(head.treeSize), node));
    return { entry, leafIndex: String(position - 1), leafHash: auditLeafHash(entry.hash).toString("hex"), treeHead: head, auditPath: path.map(hex) };
  }

  /** The proof that the signed head of size `to` (the latest when absent) extends the one of size `from`. */
  async consistency(from: string, to: string | null | undefined): Promise<AuditConsistencyProof> {
    const first = await this.signedHead(from, "from");
    const second = await this.signedHead(to, "to");
    if (!first || !second) throw new BadUserInputError("No signed tree head has been published yet.", "to");
    if (Number(first.treeSize) > Number(second.treeSize)) throw new BadUserInputError("`from` must not be a larger tree than `to`.", "from");
    const proof = await overStoredNodes(this.scope.dataSource, (node) => consistencyPath(Number(first.treeSize), Number(second.treeSize), node));
    return { from: first, to: second, proof: proof.map(hex) };
  }

  /** The head of the given size (BAD_USER_INPUT when none was published), or the latest. */
  private async signedHead(treeSize: string | null | undefined, field: string): Promise<SignedTreeHead | null> {
    if (treeSize === null || treeSize === undefined) return latestTreeHead(this.scope.dataSource);
    const head = await treeHeadOfSize(this.scope.dataSource, String(logPosition(treeSize, field)));
    if (!head) throw new BadUserInputError(`No signed tree head of size ${treeSize} was published.`, field);
    return head;
  }
}

export interface AuditInclusionProof {
  entry: AuditEvent;
  leafIndex: string;
  leafHash: string;
  treeHead: SignedTreeHead;
  auditPath: string[];
}

export interface AuditConsistencyProof {
  from: SignedTreeHead;
  to: SignedTreeHead;
  proof: string[];
}

function hex(hash: Buffer): string {
  return hash.toString("hex");
}

/** A seq or tree size: a positive whole number, as a string (they outgrow GraphQL's Int). */
function logPosition(value: string, field: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) throw new BadUserInputError(`\`${field}\` must be a positive whole number.`, field);
  return Number(value);
}
