import { registerEnumType } from "type-graphql";

/** Abnormal patent application handling (非正常专利申请快速处置): types, statuses and handling actions (domain.md). */
export enum PatentType {
  INVENTION = "INVENTION",
  UTILITY_MODEL = "UTILITY_MODEL",
  DESIGN = "DESIGN",
}

/** The patent type an application number's type digit stands for (8 and 9 are PCT applications entering China). */
export const PATENT_TYPE_OF_DIGIT: Record<string, PatentType> = {
  "1": PatentType.INVENTION,
  "2": PatentType.UTILITY_MODEL,
  "3": PatentType.DESIGN,
  "8": PatentType.INVENTION,
  "9": PatentType.UTILITY_MODEL,
};

export enum ApplicantKind {
  ORGANIZATION = "ORGANIZATION",
  PERSON = "PERSON",
}

/** Stored statuses plus OVERDUE, which is computed: NOTIFIED or APPEAL_REJECTED after the batch's deadline. */
export enum AbnormalPatentStatus {
  NOTIFIED = "NOTIFIED",
  WITHDRAWN = "WITHDRAWN",
  APPEALED = "APPEALED",
  APPEAL_UPHELD = "APPEAL_UPHELD",
  APPEAL_REJECTED = "APPEAL_REJECTED",
  OVERDUE = "OVERDUE",
  ESCALATED = "ESCALATED",
}

/** What the allocated bureau records. NOTIFY and FEED_BACK keep the status; the others move it. */
export enum AbnormalPatentAction {
  /** 第一时间通报: the applicant (or its agency) was notified. */
  NOTIFY = "NOTIFY",
  WITHDRAW = "WITHDRAW",
  APPEAL = "APPEAL",
  UPHOLD_APPEAL = "UPHOLD_APPEAL",
  REJECT_APPEAL = "REJECT_APPEAL",
  /** After the deadline: a credit record about the applicant or its agency, and referral. */
  ESCALATE = "ESCALATE",
  /** 第一时间反馈: the result was reported up to the bureau that issued the batch. */
  FEED_BACK = "FEED_BACK",
}

/** Statuses that still wait for the applicant, and so become OVERDUE after the deadline. */
export const AWAITING_APPLICANT: readonly AbnormalPatentStatus[] = [AbnormalPatentStatus.NOTIFIED, AbnormalPatentStatus.APPEAL_REJECTED];

/** From which (effective) statuses each status-moving action may be taken, and where it leads. */
export const ABNORMAL_PATENT_MOVES: Partial<Record<AbnormalPatentAction, { from: readonly AbnormalPatentStatus[]; to: AbnormalPatentStatus }>> = {
  [AbnormalPatentAction.WITHDRAW]: {
    from: [AbnormalPatentStatus.NOTIFIED, AbnormalPatentStatus.APPEAL_REJECTED, AbnormalPatentStatus.OVERDUE],
    to: AbnormalPatentStatus.WITHDRAWN,
  },
  [AbnormalPatentAction.APPEAL]: { from: [AbnormalPatentStatus.NOTIFIED], to: AbnormalPatentStatus.APPEALED },
  [AbnormalPatentAction.UPHOLD_APPEAL]: { from: [AbnormalPatentStatus.APPEALED], to: AbnormalPatentStatus.APPEAL_UPHELD },
  [AbnormalPatentAction.REJECT_APPEAL]: { from: [AbnormalPatentStatus.APPEALED], to: AbnormalPatentStatus.APPEAL_REJECTED },
  [AbnormalPatentAction.ESCALATE]: { from: [AbnormalPatentStatus.OVERDUE], to: AbnormalPatentStatus.ESCALATED },
};

/** Whom an escalation's credit record is about. */
export enum EscalationSubject {
  APPLICANT = "APPLICANT",
  PATENT_AGENCY = "PATENT_AGENCY",
}

/** How withdrawal rates are broken down. */
export enum AbnormalPatentGrouping {
  BATCH = "BATCH",
  REGION = "REGION",
  PATENT_AGENCY = "PATENT_AGENCY",
}

registerEnumType(PatentType, { name: "PatentType", description: "Invention (发明), utility model (实用新型) or design (外观设计)." });
registerEnumType(ApplicantKind, { name: "ApplicantKind", description: "An organization (with a credit code) or a natural person." });
registerEnumType(AbnormalPatentStatus, {
  name: "AbnormalPatentStatus",
  description: "NOTIFIED → WITHDRAWN, or APPEALED → APPEAL_UPHELD / APPEAL_REJECTED (→ WITHDRAWN); OVERDUE (computed: still waiting after the batch's deadline) → ESCALATED or WITHDRAWN.",
});
registerEnumType(AbnormalPatentAction, { name: "AbnormalPatentAction", description: "A handling step recorded by the bureau the item is allocated to." });
registerEnumType(EscalationSubject, { name: "EscalationSubject", description: "Whom an escalation's credit record is about." });
registerEnumType(AbnormalPatentGrouping, { name: "AbnormalPatentGrouping", description: "Breakdown of withdrawal rates: per batch, per region (county) of the applicant, or per patent agency." });
