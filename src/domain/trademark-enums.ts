import { registerEnumType } from "type-graphql";

/** Key trademark monitoring and custody (重点商标监控及托管): categories, custody and alerts (domain.md). */
export enum TrademarkCategory {
  /** 驰名商标 */
  WELL_KNOWN = "WELL_KNOWN",
  /** 地理标志证明商标 / 集体商标 */
  GEOGRAPHICAL_INDICATION = "GEOGRAPHICAL_INDICATION",
  /** 战略产业或市场影响力较大的商标 */
  KEY_INDUSTRY = "KEY_INDUSTRY",
}

export enum CustodyStatus {
  ACTIVE = "ACTIVE",
  ENDED = "ENDED",
}

export enum TrademarkAlertKind {
  /** Computed: the registration expires within the alert window (or has expired and is in its grace period). */
  EXPIRING = "EXPIRING",
  /** A similar mark was filed (近似商标申请), entered by the custodian. */
  SIMILAR_FILING = "SIMILAR_FILING",
  /** Someone applied to cancel the mark for three years' non-use (撤三), entered by the custodian. */
  NON_USE_CANCELLATION = "NON_USE_CANCELLATION",
}

export enum TrademarkAlertStatus {
  OPEN = "OPEN",
  IN_PROGRESS = "IN_PROGRESS",
  RESOLVED = "RESOLVED",
  DISMISSED = "DISMISSED",
}

/** Handling moves: OPEN → IN_PROGRESS → RESOLVED or DISMISSED (straight from OPEN too). */
export const TRADEMARK_ALERT_TRANSITIONS: Record<TrademarkAlertStatus, readonly TrademarkAlertStatus[]> = {
  [TrademarkAlertStatus.OPEN]: [TrademarkAlertStatus.IN_PROGRESS, TrademarkAlertStatus.RESOLVED, TrademarkAlertStatus.DISMISSED],
  [TrademarkAlertStatus.IN_PROGRESS]: [TrademarkAlertStatus.RESOLVED, TrademarkAlertStatus.DISMISSED],
  [TrademarkAlertStatus.RESOLVED]: [],
  [TrademarkAlertStatus.DISMISSED]: [],
};

registerEnumType(TrademarkCategory, { name: "TrademarkCategory", description: "Well-known (驰名), geographical indication (地理标志) or key-industry mark." });
registerEnumType(CustodyStatus, { name: "CustodyStatus", description: "Whether the mark is still under custody." });
registerEnumType(TrademarkAlertKind, { name: "TrademarkAlertKind", description: "EXPIRING is computed from the expiry date; the others are entered by the custodian." });
registerEnumType(TrademarkAlertStatus, { name: "TrademarkAlertStatus", description: "OPEN → IN_PROGRESS → RESOLVED or DISMISSED." });
