import { registerEnumType } from "type-graphql";

/** Credit supervision (信用监管): subjects, behaviours, severities and record statuses (domain.md). */
export enum CreditSubjectType {
  INSTITUTION = "INSTITUTION",
  APPRAISER = "APPRAISER",
  ENTERPRISE = "ENTERPRISE",
  PATENT_AGENCY = "PATENT_AGENCY",
  TRADEMARK_AGENCY = "TRADEMARK_AGENCY",
}

export enum CreditBehaviour {
  FALSE_APPRAISAL = "FALSE_APPRAISAL",
  UNJUSTIFIED_ABSENCE = "UNJUSTIFIED_ABSENCE",
  OUT_OF_SCOPE = "OUT_OF_SCOPE",
  FAILED_RECUSAL = "FAILED_RECUSAL",
  ABNORMAL_PATENT_APPLICATION = "ABNORMAL_PATENT_APPLICATION",
  MALICIOUS_TRADEMARK_FILING = "MALICIOUS_TRADEMARK_FILING",
  OTHER_VIOLATION = "OTHER_VIOLATION",
}

export enum CreditSeverity {
  GENERAL = "GENERAL",
  SERIOUS = "SERIOUS",
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
registerEnumType(CreditSeverity, { name: "CreditSeverity", description: "GENERAL (一般) or SERIOUS (严重失信, shared for joint punishment)." });
registerEnumType(CreditRecordStatus, {
  name: "CreditRecordStatus",
  description: "ACTIVE → REPAIR_REQUESTED → REPAIRED (or back to ACTIVE when refused); EXPIRED once the publication window has passed (computed); REVOKED.",
});
