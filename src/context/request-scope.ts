import type { AlertWindow } from "../loaders/trademark-alert-feed";
import type { DataSource } from "typeorm";
import type { JWK } from "jose";
import type { AuditActor, AuditTrail } from "../audit/audit-trail";
import type { PiiVault } from "../auth/pii-vault";
import type { HubPolicy } from "../config/config";
import type { Viewer } from "../auth/viewer";
import type { Loaders } from "../loaders";
import type { CaseReference } from "../auth/case-reference";
import type { DisclosureNotes } from "../auth/disclosure";
import type { Budget } from "../server/rate-limit";
import type { LagTolerantReads } from "../db/read-replicas";

/** Request headers that reach the context and the audit trail. */
export interface RequestMeta {
  /** X-Request-Id, echoed back; generated when absent. */
  readonly id: string;
  /** X-Case-Ref: the caller's case number that justifies a sensitive read. */
  readonly caseRef: string | null;
  /** Why `caseRef` cannot justify a disclosure (absent, or blank once normalized); null when it can. */
  readonly caseRefProblem: CaseReference["problem"];
  /** X-End-User: the person at the calling agency. */
  readonly endUser: string | null;
  /** Whose query-cost budget the request spends (HTTP and in-process requests; commands have none). */
  readonly budget?: Budget;
}

/** What every service of one request shares. */
export interface RequestScope {
  /** The primary: transactions, commands, and every read that must see the latest committed state. */
  readonly dataSource: DataSource;
  /** Lists and statistics: on a read replica when one is safe for this caller (`db/read-replicas.ts`). */
  readonly reads: LagTolerantReads;
  readonly viewer: Viewer;
  readonly request: RequestMeta;
  readonly loaders: Loaders;
  readonly trail: AuditTrail;
  /** Values masked in this answer that the caller could have had in full, and why (`extensions.disclosure`). */
  readonly disclosures: DisclosureNotes;
  readonly vault: PiiVault;
  readonly policy: HubPolicy;
  readonly now: () => Date;
  /** Today's calendar day in China Standard Time, from `now`. */
  readonly today: () => string;
  /** Today's parameters of the trademark EXPIRING alert rule (`loaders/trademark-alert-feed.ts`). */
  readonly alertWindow: () => AlertWindow;
  /** Tells this instance's pusher that a committed transaction wrote events (it polls for other instances' too). */
  readonly eventsWritten?: () => void;
  /** Tells this instance's token checks that the registry changed (other instances' caches expire on their own). */
  readonly registryChanged?: () => void;
  /** The hub's public keys, to check the audit log's signed tree heads. */
  readonly auditKeys?: readonly JWK[];
}

/** The audit trail's record of who is acting in this request. */
export function auditActor(viewer: Viewer, request: RequestMeta): AuditActor {
  return {
    agencyCode: viewer.agency?.code ?? null,
    regionCode: viewer.agency?.regionCode ?? null,
    clientName: viewer.client?.name ?? null,
    endUser: request.endUser,
    requestId: request.id,
    caseRef: request.caseRef,
  };
}
