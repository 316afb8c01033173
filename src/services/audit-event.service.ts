import { DataSource } from "typeorm";
import { ChainBreak, findChainBreak } from "../audit/audit-chain";
import { AuditEvent } from "../entities/audit-event.entity";
import type { RequestScope } from "../context/request-scope";
import { Page } from "./pagination";
import { auditEventVisibility } from "../policy/audit-event.visibility";
import { equals, ListSpec, listPage } from "./list-builder";
import type { AuditEventFilter } from "../inputs/audit-event.input";

export interface ChainVerification {
  ok: boolean;
  checked: number;
  headSeq: string | null;
  headHash: string | null;
  firstBreak: ChainBreak | null;
}

const VERIFY_BATCH = 2000;

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
 * Reading and verifying the audit trail. Courts, procuratorates, police and city or county bureaus read
 * their own agency's entries; market-regulation bureaus at province level and above read every entry in
 * their jurisdiction. Newest first.
 */
export class AuditEventService {
  constructor(private readonly scope: RequestScope) {}

  list(filter: AuditEventFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<AuditEvent>> {
    return listPage(this.scope.dataSource, AUDIT_EVENT_LIST, auditEventVisibility.sql(this.scope.viewer, "e"), filter, { first, after });
  }

  verify(): Promise<ChainVerification> {
    return verifyAuditChain(this.scope.dataSource);
  }
}

/** Walks the whole chain in seq order, in batches, and reports the first broken link. */
export async function verifyAuditChain(dataSource: DataSource): Promise<ChainVerification> {
  const repo = dataSource.getRepository(AuditEvent);
  let previous: { seq: string; hash: string } | undefined;
  let checked = 0;
  for (;;) {
    const query = repo.createQueryBuilder("e").orderBy("e.seq", "ASC").limit(VERIFY_BATCH);
    if (previous) query.where("e.seq > :seq", { seq: previous.seq });
    const rows = await query.getMany();
    if (rows.length === 0) break;
    const broken = findChainBreak(rows, previous);
    if (broken) return { ok: false, checked: checked + rows.findIndex((row) => row.seq === broken.seq), headSeq: null, headHash: null, firstBreak: broken };
    checked += rows.length;
    const last = rows[rows.length - 1];
    previous = { seq: last.seq, hash: last.hash };
  }
  return { ok: true, checked, headSeq: previous?.seq ?? null, headHash: previous?.hash ?? null, firstBreak: null };
}
