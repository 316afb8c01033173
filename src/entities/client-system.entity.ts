import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Guard } from "../policy/guard";
import { RecordStatus } from "./agency-kind";

/** Every agency has a client system of this name; `npx hub token --agency CODE` issues tokens for it. */
export const DEFAULT_CLIENT_NAME = "default";

/** The system people's requests run as once they sign in through their agency's identity provider (reserved: it holds no keys). */
export const WEB_CLIENT_NAME = "web";

/** A JSON Web Key Set of public keys an agency registers for one of its client systems. */
export interface PublicJwks {
  keys: Array<Record<string, unknown> & { kid?: string; kty: string }>;
}

/**
 * One IT system of an agency (a court's case system, a police case system, a dashboard). Tokens are issued
 * to, or signed by, a client system; its allowed scopes cap what any of its tokens may do.
 */
@ObjectType({ description: "A client system of an agency: the caller a bearer token identifies." })
@Guard("clientSystemOfViewerAgency")
@Entity({ name: "client_systems" })
@Index(["agencyId", "name"], { unique: true })
export class ClientSystem {
  @Field(() => ID, { description: "The client system's id." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid", name: "agency_id" })
  agencyId: string;

  @Field(() => String, { nullable: true, description: "Name, unique within the agency, e.g. `case-system`. Tokens name it as `sub: <AGENCY>/<name>`." })
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true, description: "What the system is." })
  @Column({ type: "text", default: "" })
  description: string;

  @Field(() => [String], { nullable: true, description: "Scopes this system's tokens may carry." })
  @Column({ type: "text", array: true, default: () => "'{}'", name: "allowed_scopes" })
  allowedScopes: string[];

  @Field(() => RecordStatus, { nullable: true, description: "Tokens of a disabled system are refused." })
  @Column({ type: "text", default: RecordStatus.ACTIVE })
  status: RecordStatus;

  /** Public keys the agency signs this system's tokens with; null when only the hub issues its tokens. */
  @Column({ type: "jsonb", nullable: true })
  jwks: PublicJwks | null;

  /** Where the agency publishes those keys instead (never both): the hub fetches and caches them. */
  @Field(() => String, {
    nullable: true,
    description:
      "The https URL at which the agency publishes this system's public keys (a JWKS), when it registered one instead of inline keys; the hub fetches it (no redirects, a few seconds, 64 KB at most) and caches it as its cache headers say.",
  })
  @Column({ type: "text", nullable: true, name: "jwks_uri" })
  jwksUri: string | null;

  @Field(() => Int, { nullable: true, description: "Optimistic-concurrency version; edits must quote it." })
  @Column({ type: "int", default: 1 })
  version: number;

  @Field(() => Int, {
    nullable: true,
    description: "The version of the system's operation manifest (its trusted documents): 0 while it has registered none, one more with every registration that changed it.",
  })
  @Column({ type: "int", name: "manifest_version", default: 0 })
  manifestVersion: number;

  @Field(() => Date, { nullable: true, description: "When the system was registered." })
  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz", name: "updated_at" })
  updatedAt: Date;
}
