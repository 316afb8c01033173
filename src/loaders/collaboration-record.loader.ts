import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { CollaborationEvent, CollaborationParticipant, CollaborationRecord } from "../entities/collaboration-record.entity";
import { groupBy } from "./group-by";

/** Batched fetches for collaboration records, their parties and timelines; no visibility applied. */
export function createCollaborationLoaders(dataSource: DataSource) {
  return {
    collaborationById: new DataLoader<string, CollaborationRecord | null>(async (ids) => {
      const rows = await dataSource.getRepository(CollaborationRecord).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    participantsByRecordId: new DataLoader<string, CollaborationParticipant[]>(async (ids) => {
      const rows = await dataSource.getRepository(CollaborationParticipant).find({ where: { recordId: In([...ids]) }, order: { role: "ASC", agencyCode: "ASC" } });
      const groups = groupBy(rows, (row) => row.recordId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    /** Oldest first. */
    collaborationEventsByRecordId: new DataLoader<string, CollaborationEvent[]>(async (ids) => {
      const rows = await dataSource.getRepository(CollaborationEvent).find({ where: { recordId: In([...ids]) }, order: { seq: "ASC" } });
      const groups = groupBy(rows, (row) => row.recordId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
  };
}
