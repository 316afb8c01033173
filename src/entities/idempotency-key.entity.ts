import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";

/**
 * A creating mutation's idempotency key, scoped to the client system that sent it. Written in the same
 * transaction as the record it created, so a key exists exactly when its record does.
 */
@Entity({ name: "idempotency_keys" })
export class IdempotencyKey {
  @PrimaryColumn({ type: "uuid", name: "client_system_id" })
  clientSystemId: string;

  @PrimaryColumn({ type: "text" })
  key: string;

  @Column({ type: "text" })
  operation: string;

  /** SHA-256 of the canonical input: the same key with other input is a CONFLICT. */
  @Column({ type: "char", length: 64, name: "request_hash" })
  requestHash: string;

  @Column({ type: "text", name: "result_id", nullable: true })
  resultId: string | null;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;
}
