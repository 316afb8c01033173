import { registerEnumType } from "type-graphql";

/** Credit supervision (信用监管): subjects, behaviours, severities and record statuses (domain.md). */
export enum CreditSubjectType {
  INSTITUTION = "INSTITUTION",
  APPRAISER = "APPRAISER",
  ENTERPRISE = "ENTERPRISE",
  PATENT_AGENCY = "PATENT_AGENCY",
  TRADEMARK_AGENCY = "TRADEMARK_AGENCY",
  /** 专利代理师, by practising certificate number (sealed, shown masked). */
  PATENT_ATTORNEY = "PATENT_ATTORNEY",
}

export enum CreditBehaviour {
  FALSE_APPRAISAL = "FALSE_APPRAISAL",
  UNJUSTIFIED_ABSENCE = "UNJUSTIFIED_ABSENCE",
  OUT_OF_SCOPE = "OUT_OF_SCOPE",
  FAILED_RECUSAL = "FAILED_RECUSAL",
  ABNORMAL_PATENT_APPLICATION = "ABNORMAL_PATENT_APPLICATION",
  MALICIOUS_TRADEMARK_FILING = "MALICIOUS_TRADEMARK_FILING",
  /** 恶意侵权: infringement found to be deliberate. */
  MALICIOUS_INFRINGEMENT = "MALICIOUS_INFRINGEMENT",
  /** 重复侵权: infringing again after a decision on the same right. */
  REPEATED_INFRINGEMENT = "REPEATED_INFRINGEMENT",
  /** 信用承诺不实或未履行: a credit commitment that was untrue or not kept. */
  FALSE_CREDIT_COMMITMENT = "FALSE_CREDIT_COMMITMENT",
  OTHER_VIOLATION = "OTHER_VIOLATION",
}

export enum CreditSeverity {
  MINOR = "MINOR",
  GENERAL = "GENERAL",
  SERIOUS = "SERIOUS",
}

/** What a positive record (守信激励) is for. */
export enum CreditIncentiveKind {
  /** 表彰奖励: a commendation or award by an agency. */
  COMMENDATION = "COMMENDATION",
  /** 守信红名单: entered on a red list of trustworthy subjects. */
  RED_LIST = "RED_LIST",
  /** 信用承诺履行良好: credit commitments kept over the period. */
  CREDIT_COMMITMENT_KEPT = "CREDIT_COMMITMENT_KEPT",
}

/** Stored ACTIVE or REVOKED; EXPIRED is computed from the publication window when read. */
export enum CreditIncentiveStatus {
  ACTIVE = "ACTIVE",
  EXPIRED = "EXPIRED",
  REVOKED = "REVOKED",
}

/** Stored statuses; EXPIRED is computed from the publication window when read. */
export enum CreditRecordStatus {
  ACTIVE = "ACTIVE",
  REPAIR_REQUESTED = "REPAIR_REQUESTED",
  REPAIRED = "REPAIRED",
  EXPIRED = "EXPIRED",
  REVOKED = "REVOKED",
}

registerEnumType(CreditSubjectType, { name: "CreditSubjectType", description: "Whom a credit record is about." });
registerEnumType(CreditBehaviour, { name: "CreditBehaviour", description: "The behaviour recorded (失信行为)." });
registerEnumType(CreditSeverity, {
  name: "CreditSeverity",
  description: "MINOR (轻微: not announced unless the decision says so), GENERAL (一般) or SERIOUS (严重失信, shared for joint punishment); each has its publication periods and earliest repair (docs/credit.md).",
});
registerEnumType(CreditRecordStatus, {
  name: "CreditRecordStatus",
  description: "ACTIVE → REPAIR_REQUESTED → REPAIRED (or back to ACTIVE when refused); EXPIRED once the publication window has passed (computed); REVOKED.",
});
registerEnumType(CreditIncentiveKind, { name: "CreditIncentiveKind", description: "What a positive record (守信激励) is for: COMMENDATION (表彰奖励), RED_LIST (守信红名单), CREDIT_COMMITMENT_KEPT (信用承诺履行良好)." });
registerEnumType(CreditIncentiveStatus, { name: "CreditIncentiveStatus", description: "ACTIVE; EXPIRED once the publication window has passed (computed); REVOKED." });
