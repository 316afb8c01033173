import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from "type-graphql";
import { Guard } from "../policy/guard";
import type { HubContext } from "../context/context";
import { RecordStatus } from "../entities/agency-kind";
import { ClientSystem } from "../entities/client-system.entity";
import { idempotencyKeyDescription } from "../domain/idempotency-key";
import { Payload } from "./types/payload";
import type { Created } from "../services/command-runner";

@InputType({ description: "A new client system of the caller's own agency." })
class RegisterClientSystemInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") })
  idempotencyKey: string;

  @Field(() => String, { description: "Name, unique within the agency: lower-case letters, digits and dashes." })
  name: string;

  @Field(() => String, { nullable: true, description: "What the system is (at most 500 characters)." })
  description?: string;

  @Field(() => [String], { nullable: true, description: "Scopes its tokens may carry; each must be held by the calling system." })
  allowedScopes?: string[];

  @Field(() => String, { nullable: true, description: "JSON Web Key Set (public EC P-256 keys) with which the agency signs this system's tokens itself." })
  jwks?: string;
}

@InputType({ description: "Changes to a client system; omitted fields stay as they are." })
class UpdateClientSystemInput {
  @Field(() => String, { nullable: true, description: "What the system is (at most 500 characters)." })
  description?: string;

  @Field(() => [String], { nullable: true, description: "Scopes its tokens may carry from now on; each must be held by the calling system." })
  allowedScopes?: string[];

  @Field(() => RecordStatus, { nullable: true, description: "DISABLED refuses the system's tokens from the next request on." })
  status?: RecordStatus;

  @Field(() => String, { nullable: true, description: "A new JSON Web Key Set; the empty string removes the registered keys." })
  jwks?: string;
}

const RegisterClientSystemPayload = Payload("registerClientSystem", "clientSystem", ClientSystem, "client system", "public");

@Resolver(() => ClientSystem)
export class ClientSystemResolver {
  @Mutation(() => RegisterClientSystemPayload, { nullable: true, description: "Registers a client system of the caller's own agency. Needs scope `clients:manage`." })
  @Guard("clientManager", "clientSystem.grantScope")
  registerClientSystem(@Arg("input", () => RegisterClientSystemInput) input: RegisterClientSystemInput, @Ctx() ctx: HubContext): Promise<Created<ClientSystem>> {
    return ctx.services.clientSystems.register(input);
  }

  @Mutation(() => ClientSystem, { nullable: true, description: "Edits a client system of the caller's own agency. Needs scope `clients:manage`; a stale `expectedVersion` answers CONFLICT." })
  @Guard("clientManager", "clientSystem.grantScope", "clientSystem.own")
  updateClientSystem(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => UpdateClientSystemInput) input: UpdateClientSystemInput,
    @Ctx() ctx: HubContext,
  ): Promise<ClientSystem> {
    return ctx.services.clientSystems.update(id, expectedVersion, input);
  }

  @FieldResolver(() => [String], { nullable: true, description: "Key ids of the public keys registered for this system (empty when only the hub issues its tokens)." })
  @Guard("clientSystemOfViewerAgency")
  registeredKeyIds(@Root() client: ClientSystem): string[] {
    return (client.jwks?.keys ?? []).map((key, i) => key.kid ?? `#${i + 1}`);
  }
}
