import { Field, InputType } from "type-graphql";
import { RecordStatus } from "../entities/agency-kind";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "A new client system of the caller's own agency, or of an agency a registry administrator covers (`agencyCode`)." })
export class RegisterClientSystemInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") })
  idempotencyKey: string;

  @Field(() => String, {
    nullable: true,
    description: "Code of the agency whose system this is (default: the caller's own). Another agency's: for registry administrators (`registry:admin`) covering its region, e.g. a court's first system with its keys.",
  })
  agencyCode?: string | null;

  @Field(() => String, { description: "Name, unique within the agency: lower-case letters, digits and dashes." })
  name: string;

  @Field(() => String, { nullable: true, description: "What the system is (at most 500 characters)." })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: "Scopes its tokens may carry; each must be held by the calling system." })
  allowedScopes?: string[] | null;

  @Field(() => String, { nullable: true, description: "JSON Web Key Set (public EC P-256 keys) with which the agency signs this system's tokens itself. Not with `jwksUri`." })
  jwks?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Instead of `jwks`: the https URL (at most 2,048 characters, no user name or password) at which the agency publishes that key set; the hub fetches and caches it, and refetches it when a token names a key id it has not seen.",
  })
  jwksUri?: string | null;
}

@InputType({ description: "Changes to a client system; omitted fields stay as they are." })
export class UpdateClientSystemInput {
  @Field(() => String, { nullable: true, description: "What the system is (at most 500 characters)." })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: "Scopes its tokens may carry from now on; each must be held by the calling system." })
  allowedScopes?: string[] | null;

  @Field(() => RecordStatus, { nullable: true, description: "DISABLED refuses the system's tokens from the next request on." })
  status?: RecordStatus | null;

  /** The JWKS as JSON text. */
  @Field(() => String, { nullable: true, description: "A new JSON Web Key Set (it replaces a `jwksUri`); the empty string removes the registered keys. Not with `jwksUri`." })
  jwks?: string | null;

  @Field(() => String, { nullable: true, description: "A new https URL the agency publishes the key set at (it replaces inline `jwks`); the empty string removes it. Not with `jwks`." })
  jwksUri?: string | null;
}
