import { DataSource } from "typeorm";
import { ChainBreak, findChainBreak } from "../audit/audit-chain";
import { AuditEvent, AuditOutcome } from "../entities/audit-event.entity";
import type { RequestScope } from "../context/request-scope";
import { decodeCursor, Page, pageSize, toPage } from "./pagination";
import { auditEventVisibility } from "../policy/audit-event.visibility";

export interface AuditEventFilter {
  agencyCode?: string | null;
  operation?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  outcome?: AuditOutcome | null;
  from?: Date | null;
  to?: Date | null;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  headSeq: string | null;
  headHash: string | null;
  firstBreak: ChainBreak | null;
}

const VERIFY_BATCH = 2000;

/**
 * Reading and verifying the audit trail. Courts, procuratorates, police and city or county bureaus read
 * their own agency's entries; market-regulation bureaus at province level and above read every entry in
 * their jurisdiction. Newest first.
 */
export class AuditEventService {
  constructor(private readonly scope: RequestScope) {}

  async list(filter: AuditEventFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<AuditEvent>> {
    const { viewer, dataSource } = this.scope;
    const size = pageSize(first);
    const cursor = decodeCursor(after, ["seq"]);
    const visible = auditEventVisibility.sql(viewer, "e");
    const query = dataSource.getRepository(AuditEvent).createQueryBuilder("e").where(visible.clause, visible.params);
    if (filter.agencyCode) query.andWhere("e.agency_code = :agencyCode", { agencyCode: filter.agencyCode });
    if (filter.operation) query.andWhere("e.operation = :operation", { operation: filter.operation });
    if (filter.entityType) query.andWhere("e.entity_type = :entityType", { entityType: filter.entityType });
    if (filter.entityId) query.andWhere("e.entity_id = :entityId", { entityId: filter.entityId });
    if (filter.outcome) query.andWhere("e.outcome = :outcome", { outcome: filter.outcome });
    if (filter.from) query.andWhere("e.occurred_at >= :from", { from: filter.from });
    if (filter.to) query.andWhere("e.occurred_at < :to", { to: filter.to });
    const totalCount = await query.clone().getCount();
    if (cursor) query.andWhere("e.seq < :after", { after: String(cursor[0]) });
    const rows = await query.orderBy("e.seq", "DESC").limit(size + 1).getMany();
    return toPage(rows, size, (row) => [row.seq], totalCount);
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
