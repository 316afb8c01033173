import type { ResponsePath } from "../auth/disclosure";
import { auditActor, type RequestScope } from "../context/request-scope";
import { AuditOutcome } from "../entities/audit-event.entity";

/**
 * Opens a sealed value for a caller the policy has already let read it in full, only once the read's audit
 * entry is durable (a full disclosure never leaves before its trace). When the entry cannot be written the
 * caller gets the masked value, and `extensions.disclosure` says why.
 */
export async function discloseAfterAudit(
  scope: RequestScope,
  read: { entityType: string; entityId: string; field: string },
  sealed: string,
  masked: string | null,
  path: ResponsePath,
): Promise<string | null> {
  try {
    await scope.trail.appendDurably(auditActor(scope.viewer, scope.request), {
      operation: `read:${read.entityType}.${read.field}`,
      entityType: read.entityType,
      entityId: read.entityId,
      fields: [read.field],
      outcome: AuditOutcome.SUCCESS,
    });
  } catch {
    scope.disclosures.note("AUDIT_UNAVAILABLE", path);
    return masked;
  }
  return scope.vault.openLatest(sealed);
}
