import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { AuditEntry } from "../audit/audit-trail";
import { auditActor, RequestScope } from "../context/request-scope";
import { AuditOutcome } from "../entities/audit-event.entity";
import { NotFoundError } from "../errors/errors";
import { runIdempotent, runOptionallyIdempotent } from "./idempotency";
import { isUuid } from "./validate";
import { assertVersion, updateVersioned } from "./versioned-update";
import type { EventDraft } from "../push/event-types";
import { writeEvents } from "../push/outbox";
import { entityRows, hasPlainRows } from "../loaders/entity-rows";

/** What a creating command answers (a mutation's `Payload`): the record, and whether this call replayed an earlier one. */
export interface Created<E> {
  record: E;
  replayed: boolean;
}

/** What a command wrote, for its audit entry: the fields, and the entries of other records it changed with it. */
export interface Written {
  fields: string[];
  /** Records changed in the same transaction as a consequence (a listing suspended with a credit record). */
  also?: AuditEntry[];
  /** What others must learn of it (`push/event-types.ts`): written in the same transaction, pushed after it commits. */
  events?: EventDraft[];
}

/** What `change` does to the loaded record: a versioned update of `changes`, or its own writes, or nothing. */
export type Change<E> = ({ changes: Partial<E>; touchUpdatedAt?: boolean } & Written) | ({ wrote: E } & Written) | { unchanged: true };

/**
 * The one way a mutation writes (in the spirit of Vendure's `@Transaction`): the runner owns the transaction,
 * the idempotency key, loading the record for write through its row visibility (NOT_FOUND for what the
 * caller cannot see), the version check, exactly one audit append, and the reload, inside the transaction: what
 * it answers is what committed, with no read after the commit that could fail once the write is in. The
 * events a command reports (`Written.events`) go into the outbox in the same transaction. A service's
 * command is then only its validation (before), its permission, its state rule and its change.
 */
export class CommandRunner {
  constructor(private readonly scope: RequestScope) {}

  /**
   * Creates a record in one transaction with one audit entry. `authorize` loads and checks what the command
   * refers to (FORBIDDEN, BAD_USER_INPUT) before the idempotency key is looked at, so a retry is judged like
   * the first call. With an idempotency key (required when `keyRequired`), at most once per key and client
   * system: a retry with the same input answers the first record with `replayed`, other input CONFLICT.
   * `write` makes the record (and what goes with it) and returns its id and the audited fields.
   */
  async create<E extends ObjectLiteral & { id: string }, A = undefined>(command: {
    operation: string;
    entity: EntityTarget<E>;
    entityType: string;
    idempotencyKey: string | null | undefined;
    keyRequired?: boolean;
    authorize?(manager: EntityManager): Promise<A>;
    /** The validated input the key stands for (a function when it depends on what `authorize` found). */
    fingerprint: unknown | ((authorized: A) => unknown);
    write(manager: EntityManager, authorized: A): Promise<{ id: string } & Written>;
  }): Promise<Created<E>> {
    return this.committed(command.entityType, async (manager) => {
      const authorized = (command.authorize ? await command.authorize(manager) : undefined) as A;
      const fingerprint = typeof command.fingerprint === "function" ? (command.fingerprint as (authorized: A) => unknown)(authorized) : command.fingerprint;
      const write = async () => {
        const written = await command.write(manager, authorized);
        await this.audit(manager, command.operation, command.entityType, written.id, written);
        return written.id;
      };
      const result = command.keyRequired
        ? await runIdempotent(manager, this.scope.viewer, command.operation, command.idempotencyKey ?? "", fingerprint, write)
        : await runOptionallyIdempotent(manager, this.scope.viewer, command.operation, command.idempotencyKey, fingerprint, write);
      // Read back inside the transaction: once it commits, the answer needs no further round trip, so a
      // committed write is never answered as a failure (a replay reads the record the first call committed).
      const record = await recordById(manager, command.entity, result.id);
      if (!record) throw new Error(`the record ${command.entityType} ${result.id} was not found in the transaction that wrote it`);
      return { record, replayed: result.replayed };
    });
  }

  /**
   * Changes an existing record in one transaction: loads it (`load`, by id by default) and what its checks
   * read besides (`facts`: its parties, its mark), answers NOT_FOUND unless `visible`, lets `authorize` refuse, checks `expectedVersion` when one is given (before any state
   * rule, so a stale caller hears CONFLICT), applies the change and appends its one audit entry. Answers the
   * record as stored.
   */
  async change<E extends ObjectLiteral & { id: string; version: number }, X = undefined>(command: {
    operation: string;
    entity: EntityTarget<E>;
    entityType: string;
    /** How errors name the record ("Trademark under custody"). */
    label: string;
    id: string;
    expectedVersion?: number | null;
    load?(manager: EntityManager, id: string): Promise<E | null>;
    facts?(record: E, manager: EntityManager): Promise<X>;
    /** Whether the caller may see the record (NOT_FOUND otherwise); omitted for an aggregate every caller sees whole (the agency registry). */
    visible?(record: E, facts: X): boolean;
    authorize?(record: E, facts: X): void;
    apply(record: E, manager: EntityManager, facts: X): Promise<Change<E>>;
  }): Promise<E> {
    return this.committed(command.entityType, async (manager) => {
      const record = command.load ? await command.load(manager, command.id) : isUuid(command.id) ? await recordById(manager, command.entity, command.id) : null;
      const facts = (record && command.facts ? await command.facts(record, manager) : undefined) as X;
      if (!record || (command.visible && !command.visible(record, facts))) throw new NotFoundError(command.label);
      command.authorize?.(record, facts);
      if (command.expectedVersion !== null && command.expectedVersion !== undefined) assertVersion(record, command.expectedVersion, command.label);
      const change = await command.apply(record, manager, facts);
      if ("unchanged" in change) return record;
      const stored =
        "wrote" in change
          ? change.wrote
          : await updateVersioned<E>(manager, command.entity, command.label, record.id, command.expectedVersion ?? record.version, change.changes, { touchUpdatedAt: change.touchUpdatedAt });
      await this.audit(manager, command.operation, command.entityType, record.id, change);
      return stored;
    });
  }

  /**
   * A command that answers a report rather than one record (a batch import): `work` either commits, with the
   * record its audit entry names, or rolls everything back (a dry run, nothing new) and still answers.
   */
  async perform<R>(command: {
    operation: string;
    entityType: string;
    work(manager: EntityManager): Promise<{ commit: { id: string } & Written; answer: R } | { rollBack: R }>;
  }): Promise<R> {
    try {
      return await this.committed(command.entityType, async (manager) => {
        const outcome = await command.work(manager);
        if ("rollBack" in outcome) throw new RollBack(outcome.rollBack);
        await this.audit(manager, command.operation, command.entityType, outcome.commit.id, outcome.commit);
        return outcome.answer;
      });
    } catch (error) {
      if (error instanceof RollBack) return error.answer as R;
      throw error;
    }
  }

  /**
   * One transaction; once it commits, the audit sequencer is told of its entry; the caller's reads that
   * tolerate lag, that they must see it (on a replica only once it has replayed it); with events in it, the pusher is told (it also polls, for other
   * instances' events), and once a registry record (an agency, a client system) changed, the token checks'
   * kept rows are dropped, so a disable takes effect at the next request.
   */
  private async committed<T>(entityType: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    let events = 0;
    const result = await this.scope.dataSource.transaction(async (manager) => {
      const answer = await work(manager);
      events = eventsWritten.get(manager) ?? 0;
      return answer;
    });
    this.scope.trail.committed();
    await this.scope.reads.committed();
    if (events > 0) this.scope.eventsWritten?.();
    if (REGISTRY_ENTITY_TYPES.has(entityType)) this.scope.registryChanged?.();
    return result;
  }

  private async audit(manager: EntityManager, operation: string, entityType: string, entityId: string, written: Written): Promise<void> {
    await this.scope.trail.append(manager, auditActor(this.scope.viewer, this.scope.request), [
      { operation, entityType, entityId, fields: written.fields, outcome: AuditOutcome.SUCCESS },
      ...(written.also ?? []),
    ]);
    const count = await writeEvents(manager, written.events ?? []);
    if (count > 0) eventsWritten.set(manager, (eventsWritten.get(manager) ?? 0) + count);
  }
}

/**
 * A record by id inside the command's transaction, read with plain SQL (`loaders/entity-rows.ts`): every
 * command loads one and reads one back, and TypeORM's query building was a tenth of a feedback post's CPU.
 * An entity with relations is read through TypeORM.
 */
async function recordById<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, id: string): Promise<E | null> {
  if (!hasPlainRows(manager.connection, entity)) return manager.getRepository(entity).findOneBy({ id } as never);
  const rows = entityRows(manager.connection, entity);
  const found: Array<Record<string, unknown>> = await manager.query(`SELECT ${rows.columns} FROM ${rows.table} WHERE ${rows.column("id").name} = $1`, [id]);
  return found.length > 0 ? rows.read(found[0]) : null;
}

/** The records token checks read (`auth/registry-cache.ts`). */
const REGISTRY_ENTITY_TYPES = new Set(["Agency", "ClientSystem"]);

/** Events each open transaction has written so far, to tell the pusher once it commits. */
const eventsWritten = new WeakMap<EntityManager, number>();

/** Thrown inside a transaction to roll it back while still answering. */
class RollBack extends Error {
  constructor(readonly answer: unknown) {
    super("roll back");
  }
}
