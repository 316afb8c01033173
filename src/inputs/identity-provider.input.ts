import { Field, InputType } from "type-graphql";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "People in `group` receive `scopes` when they sign in." })
export class GroupScopesInput {
  @Field(() => String, { description: "A value of the groups claim (at most 200 characters)." })
  group: string;

  @Field(() => [String], { description: "Hub scopes, each one the agency's kind may carry, e.g. `pii:read`." })
  scopes: string[];
}

/** What both registering and changing a provider take. */
@InputType({ description: "How an agency's staff sign in through its OpenID Connect provider; omitted fields stay as they are (or take their defaults)." })
export class IdentityProviderInput {
  @Field(() => String, { nullable: true, description: "The provider's issuer URL (https; http only on a development hub)." })
  issuer?: string | null;

  @Field(() => String, { nullable: true, description: "The hub's client id at the provider." })
  clientId?: string | null;

  @Field(() => String, { nullable: true, description: "The client secret (sealed at rest, never read back); the empty string removes it (a public client using PKCE alone)." })
  clientSecret?: string | null;

  @Field(() => String, { nullable: true, description: "OAuth scopes to ask for (default `openid profile`); must include `openid`." })
  requestScopes?: string | null;

  @Field(() => String, { nullable: true, description: "The claim naming the person (default `name`)." })
  personClaim?: string | null;

  @Field(() => String, { nullable: true, description: "The claim listing the person's groups (default `groups`)." })
  groupsClaim?: string | null;

  @Field(() => [GroupScopesInput], { nullable: true, description: "Which groups receive which hub scopes (replaces the whole mapping)." })
  groupScopes?: GroupScopesInput[] | null;
}

@InputType({ description: "An agency's OpenID Connect provider, registered once." })
export class RegisterIdentityProviderInput extends IdentityProviderInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") })
  idempotencyKey: string;

  @Field(() => String, { description: "Code of the agency whose staff sign in through it." })
  agencyCode: string;
}
