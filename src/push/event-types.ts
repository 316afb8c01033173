/**
 * The events the hub pushes (contract.md, "Added since": `<aggregate>.<event>` in snake case). Each names the
 * aggregate whose record it is about; a subscriber reads that record through the API, as itself, when the
 * event is delivered. Time-driven ones (marked) are raised by the scheduler, once per record and threshold.
 */
export const HUB_EVENT_TYPES = {
  "institution.listing_status_changed": "Institution",
  "appraisal_case.entrusted": "AppraisalCase",
  "appraisal_case.accepted": "AppraisalCase",
  "appraisal_case.progressed": "AppraisalCase",
  "appraisal_case.issued": "AppraisalCase",
  "appraisal_case.closed": "AppraisalCase",
  /** Time-driven: the acceptance or completion deadline passed with the case still open. */
  "appraisal_case.overdue": "AppraisalCase",
  /** Time-driven: the completion deadline is within `HUB_CASE_DEADLINE_NOTICE_WORKING_DAYS` working days. */
  "appraisal_case.deadline_approaching": "AppraisalCase",
  "case_feedback.posted": "CaseFeedback",
  "case_feedback.complaint_received": "CaseFeedback",
  "case_feedback.complaint_handled": "CaseFeedback",
  "credit_record.determined": "CreditRecord",
  "credit_record.published": "CreditRecord",
  "credit_record.repaired": "CreditRecord",
  /** Time-driven: the record's publication window ended. */
  "credit_record.publication_ended": "CreditRecord",
  "collaboration_record.opened": "CollaborationRecord",
  "collaboration_record.event_added": "CollaborationRecord",
  "abnormal_patent_batch.allocated": "AbnormalPatentBatch",
  /** Time-driven: the item's batch deadline passed before the item was fed back. */
  "abnormal_patent_item.overdue": "AbnormalPatentItem",
  "custody_trademark.alert_raised": "CustodyTrademark",
  "custody_trademark.alert_resolved": "CustodyTrademark",
  /** Time-driven: the registration expires within the trademark alert window. */
  "custody_trademark.expiring": "CustodyTrademark",
  "agency.disabled": "Agency",
  "client_system.disabled": "ClientSystem",
  /** Raised by the scheduler: a bureau's monthly report filed on the first of the next month (once per region and month). */
  "monthly_report.filed": "FiledMonthlyReport",
} as const;

export type HubEventType = keyof typeof HUB_EVENT_TYPES;
export type EventEntityType = (typeof HUB_EVENT_TYPES)[HubEventType];
export const EVENT_TYPE_NAMES = Object.keys(HUB_EVENT_TYPES) as HubEventType[];

export function isHubEventType(name: string): name is HubEventType {
  return Object.prototype.hasOwnProperty.call(HUB_EVENT_TYPES, name);
}

/** An event as a command writes it, in its own transaction (`push/outbox.ts`). */
export interface EventDraft {
  type: HubEventType;
  entityId: string;
  /** The record's version after the change, when it has one: receivers order and deduplicate by it. */
  version?: number | null;
  /** The regions the record belongs to (an institution's; a case's institution and entrusting agency): a subscription's `regionCode` filters on them. */
  regionCodes: string[];
  /** Time-driven events: the record and threshold, so each is raised once whoever raises it first. */
  dedupeKey?: string;
}

/** An event about `record`, of the aggregate `type` names. */
export function eventAbout(type: HubEventType, record: { id: string; version?: number | null }, regionCodes: Array<string | null | undefined>, dedupeKey?: string): EventDraft {
  return { type, entityId: record.id, version: record.version ?? null, regionCodes: [...new Set(regionCodes.filter((code): code is string => !!code))], dedupeKey };
}
