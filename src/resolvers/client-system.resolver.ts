import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { Guard } from "../policy/guard";
import type { HubContext } from "../context/context";
import { ClientSystem } from "../entities/client-system.entity";
import { Payload } from "./types/payload";
import type { Created } from "../services/command-runner";
import { RegisterClientSystemInput, UpdateClientSystemInput } from "../inputs/client-system.input";

const RegisterClientSystemPayload = Payload("registerClientSystem", "clientSystem", ClientSystem, "client system", "public");

@Resolver(() => ClientSystem)
export class ClientSystemResolver {
  @Mutation(() => RegisterClientSystemPayload, {
    nullable: true,
    description: "Registers a client system of the caller's own agency, or (`agencyCode`) of an agency a registry administrator covers. Needs scope `clients:manage`.",
  })
  @Guard("clientManager", "clientSystem.grantScope", "clientSystem.registerFor")
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

  @FieldResolver(() => [String], { nullable: true, description: "Key ids of the public keys registered inline for this system (empty when only the hub issues its tokens, or when its keys are fetched from `jwksUri`)." })
  @Guard("clientSystemOfViewerAgency")
  registeredKeyIds(@Root() client: ClientSystem): string[] {
    return (client.jwks?.keys ?? []).map((key, i) => key.kid ?? `#${i + 1}`);
  }
}
