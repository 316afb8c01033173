import { registerEnumType } from "type-graphql";

/** Appraisal cases (鉴定委托), feedback (从业情况反馈), complaints and supervision records (domain.md). */
export enum CaseStatus {
  ENTRUSTED = "ENTRUSTED",
  ACCEPTED = "ACCEPTED",
  REJECTED = "REJECTED",
  IN_PROGRESS = "IN_PROGRESS",
  MATERIALS_REQUESTED = "MATERIALS_REQUESTED",
  UNDER_REVIEW = "UNDER_REVIEW",
  ISSUED = "ISSUED",
  COURT_APPEARANCE_REQUESTED = "COURT_APPEARANCE_REQUESTED",
  APPEARED = "APPEARED",
  ABSENT = "ABSENT",
  CLOSED = "CLOSED",
  TERMINATED = "TERMINATED",
}

export enum CaseAction {
  ACCEPT = "ACCEPT",
  REJECT = "REJECT",
  ASSIGN_APPRAISERS = "ASSIGN_APPRAISERS",
  REQUEST_MATERIALS = "REQUEST_MATERIALS",
  RESUME = "RESUME",
  SUBMIT_FOR_REVIEW = "SUBMIT_FOR_REVIEW",
  ISSUE = "ISSUE",
  REQUEST_COURT_APPEARANCE = "REQUEST_COURT_APPEARANCE",
  RECORD_APPEARANCE = "RECORD_APPEARANCE",
  RECORD_ABSENCE = "RECORD_ABSENCE",
  CLOSE = "CLOSE",
  TERMINATE = "TERMINATE",
  EXTEND_DEADLINE = "EXTEND_DEADLINE",
}

export enum CaseRejectionReason {
  OUTSIDE_SCOPE = "OUTSIDE_SCOPE",
  CONFLICT_OF_INTEREST = "CONFLICT_OF_INTEREST",
  INSUFFICIENT_MATERIALS = "INSUFFICIENT_MATERIALS",
  TECHNICALLY_INFEASIBLE = "TECHNICALLY_INFEASIBLE",
  NO_CAPACITY = "NO_CAPACITY",
  ILLEGAL_REQUEST = "ILLEGAL_REQUEST",
}

export enum FeedbackKind {
  EVALUATION = "EVALUATION",
  COMPLAINT = "COMPLAINT",
  COMMENDATION = "COMMENDATION",
}

export enum ComplaintStatus {
  SUBMITTED = "SUBMITTED",
  ACKNOWLEDGED = "ACKNOWLEDGED",
  INVESTIGATING = "INVESTIGATING",
  RESOLVED = "RESOLVED",
  DISMISSED = "DISMISSED",
}

export enum ComplaintNextStep {
  RECORD_CREDIT_EVENT = "RECORD_CREDIT_EVENT",
  SUSPEND_LISTING = "SUSPEND_LISTING",
}

export enum SupervisionKind {
  PRACTICE_INSPECTION = "PRACTICE_INSPECTION",
  DOCUMENT_QUALITY_REVIEW = "DOCUMENT_QUALITY_REVIEW",
  CIRCULAR = "CIRCULAR",
}

export enum SupervisionResult {
  PASSED = "PASSED",
  RECTIFICATION_REQUIRED = "RECTIFICATION_REQUIRED",
  FAILED = "FAILED",
  NOTICE = "NOTICE",
}

registerEnumType(CaseStatus, {
  name: "CaseStatus",
  description:
    "ENTRUSTED → ACCEPTED or REJECTED → IN_PROGRESS ⇄ MATERIALS_REQUESTED → UNDER_REVIEW → ISSUED → (COURT_APPEARANCE_REQUESTED → APPEARED or ABSENT) → CLOSED; TERMINATED from the in-progress states.",
});
registerEnumType(CaseAction, { name: "CaseAction", description: "A step of an appraisal case, recorded by the institution or the entrusting agency (see recordCaseProgress)." });
registerEnumType(CaseRejectionReason, { name: "CaseRejectionReason", description: "Why an institution declines a case." });
registerEnumType(FeedbackKind, { name: "FeedbackKind", description: "Evaluation after a case, complaint, or commendation." });
registerEnumType(ComplaintStatus, { name: "ComplaintStatus", description: "SUBMITTED → ACKNOWLEDGED → INVESTIGATING → RESOLVED or DISMISSED." });
registerEnumType(ComplaintNextStep, { name: "ComplaintNextStep", description: "What a confirmed false-appraisal complaint calls for next." });
registerEnumType(SupervisionKind, { name: "SupervisionKind", description: "Practice inspection (执业检查), document-quality review (文书质量评查) or circular (通报)." });
registerEnumType(SupervisionResult, { name: "SupervisionResult", description: "Outcome of a supervision record." });

export type CaseActor = "INSTITUTION" | "ENTRUSTER" | "EITHER";

const IN_PROGRESS_STATES = [CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS, CaseStatus.MATERIALS_REQUESTED, CaseStatus.UNDER_REVIEW];

/**
 * The case state machine: which action moves from which states to which, and who records it (the
 * appraisal institution, or the agency that entrusted the case). EXTEND_DEADLINE keeps the status.
 */
export const CASE_ACTIONS: Readonly<Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus | null; by: CaseActor }>> = {
  ACCEPT: { from: [CaseStatus.ENTRUSTED], to: CaseStatus.ACCEPTED, by: "INSTITUTION" },
  REJECT: { from: [CaseStatus.ENTRUSTED], to: CaseStatus.REJECTED, by: "INSTITUTION" },
  ASSIGN_APPRAISERS: { from: [CaseStatus.ACCEPTED], to: CaseStatus.IN_PROGRESS, by: "INSTITUTION" },
  REQUEST_MATERIALS: { from: [CaseStatus.IN_PROGRESS], to: CaseStatus.MATERIALS_REQUESTED, by: "INSTITUTION" },
  RESUME: { from: [CaseStatus.MATERIALS_REQUESTED], to: CaseStatus.IN_PROGRESS, by: "EITHER" },
  SUBMIT_FOR_REVIEW: { from: [CaseStatus.IN_PROGRESS], to: CaseStatus.UNDER_REVIEW, by: "INSTITUTION" },
  ISSUE: { from: [CaseStatus.UNDER_REVIEW], to: CaseStatus.ISSUED, by: "INSTITUTION" },
  REQUEST_COURT_APPEARANCE: { from: [CaseStatus.ISSUED], to: CaseStatus.COURT_APPEARANCE_REQUESTED, by: "ENTRUSTER" },
  RECORD_APPEARANCE: { from: [CaseStatus.COURT_APPEARANCE_REQUESTED], to: CaseStatus.APPEARED, by: "ENTRUSTER" },
  RECORD_ABSENCE: { from: [CaseStatus.COURT_APPEARANCE_REQUESTED], to: CaseStatus.ABSENT, by: "ENTRUSTER" },
  CLOSE: { from: [CaseStatus.ISSUED, CaseStatus.APPEARED, CaseStatus.ABSENT], to: CaseStatus.CLOSED, by: "ENTRUSTER" },
  TERMINATE: { from: IN_PROGRESS_STATES, to: CaseStatus.TERMINATED, by: "EITHER" },
  EXTEND_DEADLINE: { from: IN_PROGRESS_STATES, to: null, by: "ENTRUSTER" },
};

export const COMPLAINT_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  SUBMITTED: [ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.DISMISSED],
  ACKNOWLEDGED: [ComplaintStatus.INVESTIGATING, ComplaintStatus.DISMISSED],
  INVESTIGATING: [ComplaintStatus.RESOLVED, ComplaintStatus.DISMISSED],
  RESOLVED: [],
  DISMISSED: [],
};
