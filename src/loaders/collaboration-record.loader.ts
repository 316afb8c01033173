import { DataSource } from "typeorm";
import { CollaborationEvent, CollaborationParticipant, CollaborationRecord } from "../entities/collaboration-record.entity";
import { loadManyBy, loadOneBy } from "./entity-loaders";

/** Batched fetches for collaboration records, their parties and timelines (see `entity-loaders.ts`). */
export function createCollaborationRecordLoaders(dataSource: DataSource) {
  return {
    collaborationRecordById: loadOneBy(dataSource, CollaborationRecord, "id"),
    collaborationParticipantsByRecordId: loadManyBy(dataSource, CollaborationParticipant, "recordId", { role: "ASC", agencyCode: "ASC" }),
    /** Oldest first. */
    collaborationEventsByRecordId: loadManyBy(dataSource, CollaborationEvent, "recordId", { seq: "ASC" }),
  };
}
