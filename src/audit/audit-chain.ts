import { createHash } from "node:crypto";

/**
 * The hash chain of the audit trail. Each entry's hash is SHA-256 over its canonical content, which includes
 * the previous entry's hash, so changing or removing any entry breaks every link after it.
 */
export const GENESIS_HASH = "0".repeat(64);

/** Who acted, as recorded: taken from the authenticated viewer and the request headers. */
export interface AuditActor {
  agencyCode: string | null;
  regionCode: string | null;
  clientName: string | null;
  endUser: string | null;
  requestId: string | null;
  caseRef: string | null;
}

/** The hashed content of an entry; `canonicalAuditContent` fixes the order. */
export interface ChainedContent extends AuditActor {
  seq: string;
  occurredAt: Date;
  operation: string;
  entityType: string | null;
  entityId: string | null;
  fields: string[];
  outcome: string;
  errorCode: string | null;
  prevHash: string;
}

export function canonicalAuditContent(c: ChainedContent): string {
  // An array keeps the order fixed whatever order the properties were created in.
  return JSON.stringify([
    c.seq,
    c.occurredAt.toISOString(),
    c.agencyCode,
    c.regionCode,
    c.clientName,
    c.endUser,
    c.requestId,
    c.caseRef,
    c.operation,
    c.entityType,
    c.entityId,
    [...c.fields],
    c.outcome,
    c.errorCode,
    c.prevHash,
  ]);
}

export function auditHash(c: ChainedContent): string {
  return createHash("sha256").update(canonicalAuditContent(c)).digest("hex");
}

export interface ChainBreak {
  seq: string;
  reason: "CONTENT_CHANGED" | "LINK_BROKEN" | "ENTRIES_MISSING";
  detail: string;
}

/**
 * Checks one stretch of the chain given the entry before it (`previous`, undefined at the start). Returns
 * the first break, or undefined when every entry is intact and linked.
 */
export function findChainBreak(
  rows: Array<ChainedContent & { hash: string }>,
  previous: { seq: string; hash: string } | undefined,
): ChainBreak | undefined {
  let prevSeq = previous ? BigInt(previous.seq) : 0n;
  let prevHash = previous ? previous.hash : GENESIS_HASH;
  for (const row of rows) {
    const seq = BigInt(row.seq);
    if (seq !== prevSeq + 1n) {
      return { seq: row.seq, reason: "ENTRIES_MISSING", detail: `entries ${prevSeq + 1n}..${seq - 1n} are missing` };
    }
    if (row.prevHash !== prevHash) {
      return { seq: row.seq, reason: "LINK_BROKEN", detail: "prev_hash does not match the hash of the entry before it" };
    }
    if (auditHash(row) !== row.hash) {
      return { seq: row.seq, reason: "CONTENT_CHANGED", detail: "the entry's content does not match its hash" };
    }
    prevSeq = seq;
    prevHash = row.hash;
  }
  return undefined;
}

/** The columns of an entry, as the queue (`audit_queue`) and the log (`audit_events`, between `seq` and `prev_hash`) store them, with their types. */
export const ENTRY_COLUMNS = [
  ["occurred_at", "timestamptz"], ["agency_code", "text"], ["region_code", "text"], ["client_name", "text"], ["end_user", "text"], ["request_id", "text"],
  ["case_ref", "text"], ["operation", "text"], ["entity_type", "text"], ["entity_id", "text"], ["fields", "text[]"], ["outcome", "text"], ["error_code", "text"],
] as const;

/** The columns `ENTRY_COLUMNS` name, keyed by column: one row of the JSON array an insert below reads. */
export type EntryRecord = Record<(typeof ENTRY_COLUMNS)[number][0], unknown>;

/** An INSERT of `columns` into `table` from one JSON array parameter (`$${parameter}`): one statement however many rows. */
export function insertFromJson(table: string, columns: ReadonlyArray<readonly [string, string]>, parameter = 1): string {
  const names = columns.map(([name]) => name).join(", ");
  return `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($${parameter}::jsonb) AS r(${columns.map(([name, type]) => `${name} ${type}`).join(", ")})`;
}

/** An entry as read from its `ENTRY_COLUMNS` (the queue's row, or the log's). */
export function entryFromRecord(r: EntryRecord): Omit<ChainedContent, "seq" | "prevHash"> {
  return {
    occurredAt: new Date(r.occurred_at as string),
    agencyCode: r.agency_code as string | null,
    regionCode: r.region_code as string | null,
    clientName: r.client_name as string | null,
    endUser: r.end_user as string | null,
    requestId: r.request_id as string | null,
    caseRef: r.case_ref as string | null,
    operation: r.operation as string,
    entityType: r.entity_type as string | null,
    entityId: r.entity_id as string | null,
    fields: (r.fields as string[] | null) ?? [],
    outcome: r.outcome as string,
    errorCode: r.error_code as string | null,
  };
}

/** An entry's columns as `ENTRY_COLUMNS` names them. */
export function entryRecord(e: AuditActor & { occurredAt: Date; operation: string; entityType: string | null; entityId: string | null; fields: string[]; outcome: string; errorCode: string | null }): EntryRecord {
  return {
    occurred_at: e.occurredAt.toISOString(),
    agency_code: e.agencyCode,
    region_code: e.regionCode,
    client_name: e.clientName,
    end_user: e.endUser,
    request_id: e.requestId,
    case_ref: e.caseRef,
    operation: e.operation,
    entity_type: e.entityType,
    entity_id: e.entityId,
    fields: e.fields,
    outcome: e.outcome,
    error_code: e.errorCode,
  };
}
