import { CreditSeverity } from "./credit-enums";
import { addDays, addMonths } from "./local-date";

/**
 * How long a credit determination is published (公示) and when its repair (信用修复) may be requested, per
 * severity: the national rules by default (国家发展和改革委员会令第36号《信用修复管理办法》, in force since
 * 2026-04-01; docs/credit.md cites them), configurable as the hub's policy (`HUB_CREDIT_<SEVERITY>_*`).
 *
 * Periods count from the day of the decision document (认定之日), as the Civil Code counts a period in months
 * (arts. 201–202): the decision day itself is not counted and the period's last day is the corresponding day
 * of its last month. So a GENERAL record decided on 10 February is published at most until 10 February of the
 * next year, and its minimum period ends on 10 May: repair may be requested from 11 May.
 */
export interface CreditSeverityRule {
  /** Publication lasts at least this long (repair before its end is refused). */
  readonly minPublicationMonths: number;
  /** Publication stops at the latest this long after the decision; a longer `publishUntil` is refused. */
  readonly maxPublicationMonths: number;
  /** Repair may be requested once this period after the decision has ended (0: as soon as it is decided). */
  readonly repairAfterMonths: number;
  /** Whether a record of this severity is announced publicly unless the decision says otherwise (轻微失信原则上不公示). */
  readonly announcedByDefault: boolean;
}

export type CreditRules = Readonly<Record<CreditSeverity, CreditSeverityRule>>;

/** The national defaults: 轻微 not announced (at most 3 months if it is), 一般 3 months to 1 year, 严重 1 to 3 years. */
export const NATIONAL_CREDIT_RULES: CreditRules = {
  [CreditSeverity.MINOR]: { minPublicationMonths: 0, maxPublicationMonths: 3, repairAfterMonths: 0, announcedByDefault: false },
  [CreditSeverity.GENERAL]: { minPublicationMonths: 3, maxPublicationMonths: 12, repairAfterMonths: 3, announcedByDefault: true },
  [CreditSeverity.SERIOUS]: { minPublicationMonths: 12, maxPublicationMonths: 36, repairAfterMonths: 12, announcedByDefault: true },
};

/** What is wrong with a set of rules, as sentences naming the setting (empty when they hold together). */
export function creditRuleProblems(rules: CreditRules): string[] {
  return Object.entries(rules).flatMap(([severity, rule]) => [
    ...(rule.minPublicationMonths > rule.maxPublicationMonths ? [`HUB_CREDIT_${severity}_MIN_MONTHS (${rule.minPublicationMonths}) is more than HUB_CREDIT_${severity}_MAX_MONTHS (${rule.maxPublicationMonths})`] : []),
    ...(rule.repairAfterMonths > rule.maxPublicationMonths ? [`HUB_CREDIT_${severity}_REPAIR_MONTHS (${rule.repairAfterMonths}) is more than HUB_CREDIT_${severity}_MAX_MONTHS (${rule.maxPublicationMonths}): publication would end first`] : []),
  ]);
}

/** The last day a period of `months` counted from `decidedOn` covers (the decision day itself not counted). */
export function periodEnd(decidedOn: string, months: number): string {
  return addMonths(decidedOn, months);
}

/** The latest last day of publication the rule allows. */
export function latestPublishUntil(decidedOn: string, rule: CreditSeverityRule): string {
  return periodEnd(decidedOn, rule.maxPublicationMonths);
}

/** The earliest last day of publication: the minimum period's end (the decision day when there is none). */
export function earliestPublishUntil(decidedOn: string, rule: CreditSeverityRule): string {
  return periodEnd(decidedOn, rule.minPublicationMonths);
}

/** The first day repair may be requested: the day after the waiting period ends, or the decision day when there is none. */
export function repairableFrom(decidedOn: string, rule: CreditSeverityRule): string {
  return rule.repairAfterMonths === 0 ? decidedOn : addDays(periodEnd(decidedOn, rule.repairAfterMonths), 1);
}
