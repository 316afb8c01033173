import { registerEnumType } from "type-graphql";

/** Enforcement collaboration (执法协作, 行刑衔接, 协商机制): kinds, timeline steps and outcomes (domain.md). */
export enum CollaborationKind {
  CASE_TRANSFER = "CASE_TRANSFER",
  CLUE_REFERRAL = "CLUE_REFERRAL",
  JOINT_ENFORCEMENT = "JOINT_ENFORCEMENT",
  APPRAISAL_ASSISTANCE = "APPRAISAL_ASSISTANCE",
  INFORMATION_REQUEST = "INFORMATION_REQUEST",
  CONSULTATION = "CONSULTATION",
  CROSS_REGION = "CROSS_REGION",
}

export enum CollaborationEventKind {
  SENT = "SENT",
  RECEIVED = "RECEIVED",
  ACCEPTED = "ACCEPTED",
  REPLIED = "REPLIED",
  INFORMATION_PROVIDED = "INFORMATION_PROVIDED",
  CLOSED = "CLOSED",
}

export enum CollaborationOutcome {
  CASE_FILED = "CASE_FILED",
  NOT_FILED = "NOT_FILED",
  ADMINISTRATIVE_PENALTY = "ADMINISTRATIVE_PENALTY",
  PROSECUTED = "PROSECUTED",
  REFERRED_ONWARD = "REFERRED_ONWARD",
  INFORMATION_PROVIDED = "INFORMATION_PROVIDED",
  RESOLVED = "RESOLVED",
  NO_ACTION = "NO_ACTION",
}

export enum CollaborationStatus {
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}

registerEnumType(CollaborationKind, {
  name: "CollaborationKind",
  description: "CASE_TRANSFER 行政执法→刑事司法移送, CLUE_REFERRAL 线索移送, JOINT_ENFORCEMENT 联合执法, APPRAISAL_ASSISTANCE 鉴定协助, INFORMATION_REQUEST 信息调取, CONSULTATION 协商, CROSS_REGION 跨区域协作.",
});
registerEnumType(CollaborationEventKind, { name: "CollaborationEventKind", description: "A step on a collaboration's timeline. Only the initiator sends and closes." });
registerEnumType(CollaborationOutcome, { name: "CollaborationOutcome", description: "How a collaboration ended: 立案, 不立案, 行政处罚, 起诉, onward referral, information provided, resolved, no action." });
registerEnumType(CollaborationStatus, { name: "CollaborationStatus", description: "OPEN until the initiator closes it with an outcome." });
