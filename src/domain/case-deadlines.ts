import type { HubPolicy } from "../config/config";
import { CaseAction, CaseStatus } from "./case-enums";
import type { PausedSpan, WorkingCalendar } from "./working-days";

export interface CaseDeadlines {
  acceptBy: string | null;
  completeBy: string | null;
  clockPaused: boolean;
  overdue: boolean;
  /** True when `acceptBy` or `completeBy` is counted across a year without a confirmed State Council notice. */
  provisional: boolean;
  /** Those years, ascending; empty when both rest on confirmed years. */
  provisionalYears: number[];
}

/** The states in which the institution owes the opinion (MATERIALS_REQUESTED stops the clock instead). */
const OPEN_FOR_COMPLETION = [CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS, CaseStatus.UNDER_REVIEW];

/** Statuses of a case that is still waiting for its opinion. */
export const OPEN_CASE_STATUSES = [CaseStatus.ENTRUSTED, CaseStatus.MATERIALS_REQUESTED, ...OPEN_FOR_COMPLETION];

type DeadlinePolicy = Pick<HubPolicy, "caseAcceptanceWorkingDays" | "caseCompletionWorkingDays">;

/**
 * Acceptance within N working days of entrustment; completion within M of acceptance, plus extensions,
 * minus the spans in which materials were awaited. `events` are the case's events in order. One rule for
 * a case's `deadlines` field and for the statistics' overdue and on-time counts. A due date counted across a
 * year without a confirmed holiday notice is an estimate, and says so in `provisional` and `provisionalYears`.
 */
export function caseDeadlines(
  c: { status: CaseStatus; entrustedOn: string; acceptedOn: string | null; extensionWorkingDays: number },
  events: ReadonlyArray<{ action: CaseAction | string; occurredOn: string }>,
  calendar: WorkingCalendar,
  policy: DeadlinePolicy,
  today: string,
): CaseDeadlines {
  const acceptBy = calendar.addWorkingDays(c.entrustedOn, policy.caseAcceptanceWorkingDays) ?? null;
  const pauses: PausedSpan[] = [];
  for (const event of events) {
    if (event.action === CaseAction.REQUEST_MATERIALS) pauses.push({ from: event.occurredOn, until: null });
    if (event.action === CaseAction.RESUME && pauses.length > 0) pauses[pauses.length - 1].until = event.occurredOn;
  }
  const clockPaused = c.status === CaseStatus.MATERIALS_REQUESTED;
  const completeBy = c.acceptedOn ? (calendar.addWorkingDays(c.acceptedOn, policy.caseCompletionWorkingDays + c.extensionWorkingDays, pauses) ?? null) : null;
  const overdue =
    (c.status === CaseStatus.ENTRUSTED && !!acceptBy && today > acceptBy) || (OPEN_FOR_COMPLETION.includes(c.status) && !!completeBy && today > completeBy);
  const provisionalYears = [
    ...new Set([
      ...(acceptBy ? calendar.provisionalYearsBetween(c.entrustedOn, acceptBy) : []),
      ...(c.acceptedOn && completeBy ? calendar.provisionalYearsBetween(c.acceptedOn, completeBy) : []),
    ]),
  ].sort((a, b) => a - b);
  return { acceptBy, completeBy, clockPaused, overdue, provisional: provisionalYears.length > 0, provisionalYears };
}
