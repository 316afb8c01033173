import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Guard } from "../policy/guard";

export enum AuditOutcome {
  SUCCESS = "SUCCESS",
  DENIED = "DENIED",
  REJECTED = "REJECTED",
}

registerEnumType(AuditOutcome, {
  name: "AuditOutcome",
  description: "SUCCESS: done. DENIED: refused for lack of permission. REJECTED: refused for bad input, conflict or state.",
});

/**
 * One entry of the tamper-evident audit trail (全过程留痕). Append-only: the database refuses UPDATE, DELETE
 * and TRUNCATE, and each entry's `hash` covers its content and the previous entry's hash, so an edited or
 * deleted entry breaks the chain that `npx hub audit verify` walks.
 */
@ObjectType({ description: "An entry of the tamper-evident audit trail: who did or read what, why, when, with which outcome." })
@Guard("auditReader")
@Entity({ name: "audit_events" })
export class AuditEvent {
  @Field(() => ID, { nullable: true, description: "Position in the chain, from 1, without gaps." })
  @PrimaryColumn({ type: "bigint" })
  seq: string;

  @Field(() => Date, { nullable: true, description: "When it happened." })
  @Column({ type: "timestamptz", name: "occurred_at" })
  occurredAt: Date;

  @Field(() => String, { nullable: true, description: "Code of the calling agency; null for the anonymous public and the hub itself." })
  @Column({ type: "text", name: "agency_code", nullable: true })
  agencyCode: string | null;

  @Field(() => String, { nullable: true, description: "Region of the calling agency at the time." })
  @Column({ type: "text", name: "region_code", nullable: true })
  regionCode: string | null;

  @Field(() => String, { nullable: true, description: "Name of the calling client system." })
  @Column({ type: "text", name: "client_name", nullable: true })
  clientName: string | null;

  @Field(() => String, { nullable: true, description: "The person at the calling agency (X-End-User), when given." })
  @Column({ type: "text", name: "end_user", nullable: true })
  endUser: string | null;

  @Field(() => String, { nullable: true, description: "X-Request-Id of the request." })
  @Column({ type: "text", name: "request_id", nullable: true })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: "The caller's case number that justified the access (X-Case-Ref)." })
  @Column({ type: "text", name: "case_ref", nullable: true })
  caseRef: string | null;

  @Field(() => String, { nullable: true, description: "The operation: a mutation name, `read:<Type>.<field>`, or a command of the hub." })
  @Column({ type: "text" })
  operation: string;

  @Field(() => String, { nullable: true, description: "Kind of record concerned, e.g. `Institution`." })
  @Column({ type: "text", name: "entity_type", nullable: true })
  entityType: string | null;

  @Field(() => String, { nullable: true, description: "Id of the record concerned." })
  @Column({ type: "text", name: "entity_id", nullable: true })
  entityId: string | null;

  @Field(() => [String], { nullable: true, description: "Fields written or read." })
  @Column({ type: "text", array: true, default: () => "'{}'" })
  fields: string[];

  @Field(() => AuditOutcome, { nullable: true, description: "Whether it was done, denied or rejected." })
  @Column({ type: "text" })
  outcome: AuditOutcome;

  @Field(() => String, { nullable: true, description: "Error code when the outcome is not SUCCESS." })
  @Column({ type: "text", name: "error_code", nullable: true })
  errorCode: string | null;

  @Field(() => String, { nullable: true, description: "SHA-256 of the previous entry (64 zeros for the first)." })
  @Column({ type: "char", length: 64, name: "prev_hash" })
  prevHash: string;

  @Field(() => String, { nullable: true, description: "SHA-256 of this entry's canonical content and `prevHash`." })
  @Column({ type: "char", length: 64 })
  hash: string;
}
