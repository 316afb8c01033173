import { Agency } from "./agency.entity";
import { AuditEvent } from "./audit-event.entity";
import { ClientSystem } from "./client-system.entity";
import { IdempotencyKey } from "./idempotency-key.entity";

/** Every TypeORM entity of the hub, for the data source. */
export const ENTITIES = [Agency, ClientSystem, AuditEvent, IdempotencyKey];
