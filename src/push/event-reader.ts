import { DocumentNode, execute, GraphQLSchema, parse } from "graphql";
import type { DataSource } from "typeorm";
import { Viewer } from "../auth/viewer";
import { createContext, HubDeps } from "../context/context";
import type { HubEvent } from "../entities/hub-event.entity";
import { errorCodeOf } from "../errors/errors";
import { eventRecipient } from "../policy/hub-event.visibility";
import { registeredCallerById } from "../services/client-system.service";
import type { EventSubjectFacts } from "../policy/hub-event.visibility";
import { EVENT_SUBJECTS } from "./event-subjects";
import type { EventEntityType } from "./event-types";

/** What a receiver gets (the Standard Webhooks body shape: `type`, `timestamp`, `data`). */
export interface EventMessage {
  type: string;
  /** When the change happened (RFC 3339). */
  timestamp: string;
  data: {
    /** The event's id: the same for every receiver. */
    eventId: string;
    entityType: string;
    /** The record's id. */
    id: string;
    /** The record's version right after the change (null for records without one, and for time-driven events). */
    version: number | null;
    /** The record as this receiver may read it through the API now (fields it may not read are null). */
    record: Record<string, unknown>;
  };
}

/** Codes that mean "not for this caller": the record does not exist for it, or a field is withheld. */
const NOT_FOR_CALLER = new Set(["FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"]);

/** A read failed for a reason of the hub's own (the database): the delivery is retried later, not withheld. */
export class EventReadFailed extends Error {}

type Facts = EventSubjectFacts & { readVariables: Record<string, unknown> };

/** The facts of the records one round reads, each fetched once whatever the number of its subscribers. */
export type FactsCache = Map<string, Promise<Facts | null>>;

/**
 * Reads an event's record as one subscriber: whether the subscriber is among its recipients
 * (`hubEvent.recipient`), and the record through the real schema as that caller, so the shield, row
 * visibility and masking decide what leaves, as for any query. Null: nothing is sent to this subscriber.
 */
export class EventReader {
  private readonly documents = new Map<EventEntityType, DocumentNode>();

  constructor(
    private readonly deps: HubDeps,
    private readonly schema: GraphQLSchema,
  ) {}

  private get dataSource(): DataSource {
    return this.deps.dataSource;
  }

  /** The facts about an event's record, once per batch (`cache`); null when the record is gone. */
  async facts(event: Pick<HubEvent, "entityType" | "entityId" | "seq">, cache?: FactsCache): Promise<Facts | null> {
    const key = `${event.entityType}:${event.entityId}`;
    let found = cache?.get(key);
    if (!found) {
      found = EVENT_SUBJECTS[event.entityType as EventEntityType]?.facts(this.dataSource, event.entityId) ?? Promise.resolve(null);
      cache?.set(key, found);
    }
    return found;
  }

  async message(viewer: Viewer, event: HubEvent, cache?: FactsCache): Promise<EventMessage | null> {
    const subject = EVENT_SUBJECTS[event.entityType as EventEntityType];
    const facts = subject ? await this.facts(event, cache) : null;
    if (!subject || !facts || !eventRecipient(viewer, facts)) return null;
    const record = await this.read(viewer, event, subject, facts);
    if (!record) return null;
    return {
      type: event.type,
      timestamp: new Date(event.occurredAt).toISOString(),
      data: { eventId: event.id, entityType: event.entityType, id: event.entityId, version: event.version ?? null, record },
    };
  }

  private async read(viewer: Viewer, event: HubEvent, subject: (typeof EVENT_SUBJECTS)[EventEntityType], facts: Facts): Promise<Record<string, unknown> | null> {
    const entityType = event.entityType as EventEntityType;
    let document = this.documents.get(entityType);
    if (!document) this.documents.set(entityType, (document = parse(subject.read)));
    const context = createContext(this.deps, viewer, { id: `event-${event.id}`, caseRef: null, caseRefProblem: "CASE_REF_MISSING", endUser: null });
    const result = await execute({ schema: this.schema, document, variableValues: facts.readVariables, contextValue: context });
    const failures = (result.errors ?? []).filter((error) => !NOT_FOR_CALLER.has(errorCodeOf(error)));
    if (failures.length > 0) throw new EventReadFailed(`reading ${entityType} failed: ${failures.map((error) => errorCodeOf(error)).join(", ")}`);
    const record = (result.data?.record as Record<string, unknown> | null | undefined) ?? null;
    if (!record) return null;
    return subject.pick ? subject.pick(record, event.entityId) : record;
  }

  /** The caller a subscription's deliveries run as: its client system with every scope it is allowed; undefined while the system or its agency is disabled. */
  async viewerOfClient(clientSystemId: string): Promise<Viewer | undefined> {
    const caller = await registeredCallerById(this.dataSource, clientSystemId);
    if (!caller || !caller.agency.active || !caller.client.active) return undefined;
    return Viewer.of(caller.agency, { id: caller.client.id, name: caller.client.name }, caller.client.allowedScopes);
  }

}

/** An outbox row (`SELECT seq, id, type, entity_type, entity_id, version, region_codes, occurred_at`) as the entity. */
export function eventOf(row: Record<string, any>): HubEvent {
  return {
    seq: String(row.seq),
    id: row.id,
    type: row.type,
    entityType: row.entity_type,
    entityId: row.entity_id,
    version: row.version ?? null,
    regionCodes: row.region_codes ?? [],
    dedupeKey: null,
    occurredAt: row.occurred_at,
    fannedOutAt: null,
  };
}
