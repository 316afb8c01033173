import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Guard, Public } from "../policy/guard";

/** Which hub scopes the members of one group of the agency's identity provider receive. */
@ObjectType({ description: "People in `group` (a value of the groups claim) receive `scopes` when they sign in." })
// Reached only through IdentityProvider.groupScopes, which its provider's rule guards.
@Public()
export class GroupScopes {
  @Field(() => String, { description: "A value of the groups claim, e.g. `pii-officers`." })
  group: string;

  @Field(() => [String], { description: "Hub scopes granted to the group's members, e.g. `pii:read`." })
  scopes: string[];
}

/**
 * An agency's OpenID Connect provider: its staff sign in to the dashboard and GraphiQL through it. The
 * client secret is sealed at rest and never read back. People's requests run as `clientSystemId` (the
 * agency's `web` system), so disabling that system or the agency ends every person's access at once.
 */
@ObjectType({ description: "An agency's OpenID Connect provider, through which its staff sign in to the hub's pages." })
@Guard("identityProviderOfViewerAgency")
@Entity({ name: "identity_providers" })
export class IdentityProvider {
  @Field(() => ID, { description: "The identity provider's id." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid", name: "agency_id" })
  agencyId: string;

  @Column({ type: "uuid", name: "client_system_id" })
  clientSystemId: string;

  @Field(() => String, { nullable: true, description: "The provider's issuer URL (its discovery document is at `<issuer>/.well-known/openid-configuration`)." })
  @Column({ type: "text" })
  issuer: string;

  @Field(() => String, { nullable: true, description: "The hub's client id at the provider." })
  @Column({ type: "text", name: "client_id" })
  clientId: string;

  /** Sealed like personal data; null for a public client (PKCE alone). */
  @Column({ type: "text", name: "client_secret_sealed", nullable: true })
  clientSecretSealed: string | null;

  @Field(() => String, { nullable: true, description: "OAuth scopes the hub asks the provider for, e.g. `openid profile groups`." })
  @Column({ type: "text", name: "request_scopes" })
  requestScopes: string;

  @Field(() => String, { nullable: true, description: "The claim that names the person in the audit trail, e.g. `name`." })
  @Column({ type: "text", name: "person_claim" })
  personClaim: string;

  @Field(() => String, { nullable: true, description: "The claim that lists the person's groups, e.g. `groups`." })
  @Column({ type: "text", name: "groups_claim" })
  groupsClaim: string;

  @Field(() => [GroupScopes], { nullable: true, description: "Which groups receive which hub scopes; everyone else signs in with none." })
  @Column({ type: "jsonb", name: "group_scopes" })
  groupScopes: GroupScopes[];

  @Field(() => Int, { nullable: true, description: "Optimistic-concurrency version; edits must quote it." })
  @Column({ type: "int", default: 1 })
  version: number;

  @Field(() => Date, { nullable: true, description: "When the provider was registered." })
  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz", name: "updated_at" })
  updatedAt: Date;

  @Field(() => Boolean, { nullable: true, description: "Whether a client secret is registered (it is never read back)." })
  get hasClientSecret(): boolean {
    return this.clientSecretSealed !== null;
  }
}
