import type { AppraiserStatus } from "./directory-enums";

/**
 * The status in force on `day` from an appraiser's statuses (oldest first): the last that took effect by then.
 * The status registered with has no day (it holds from before the hub's records); null when there is none.
 */
export function statusOn(events: ReadonlyArray<{ status: AppraiserStatus; effectiveOn: string | null }>, day: string): AppraiserStatus | null {
  let status: AppraiserStatus | null = null;
  for (const event of events) {
    if (event.effectiveOn !== null && event.effectiveOn > day) break;
    status = event.status;
  }
  return status;
}

/** Qualifications valid on `day`: begun by then (or with no start) and not yet expired. */
export function qualificationsValidOn<Q extends { validFrom: string | null; validUntil: string | null }>(qualifications: readonly Q[], day: string): Q[] {
  return qualifications.filter((q) => (q.validFrom === null || q.validFrom <= day) && (q.validUntil === null || q.validUntil >= day));
}
