import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from "type-graphql";
import { Guard } from "../policy/guard";
import type { HubContext } from "../context/context";
import { Agency } from "../entities/agency.entity";
import { IdentityProvider } from "../entities/identity-provider.entity";
import { IdentityProviderInput, RegisterIdentityProviderInput } from "../inputs/identity-provider.input";
import { Payload } from "./types/payload";
import type { Created } from "../services/command-runner";

const RegisterIdentityProviderPayload = Payload("registerIdentityProvider", "identityProvider", IdentityProvider, "identity provider", "public");

@Resolver(() => Agency)
export class IdentityProviderResolver {
  @FieldResolver(() => IdentityProvider, { nullable: true, description: "The OpenID Connect provider the agency's staff sign in through. For the agency itself and the bureaus covering it." })
  @Guard("agencyAdministration")
  identityProvider(@Root() agency: Agency, @Ctx() ctx: HubContext): Promise<IdentityProvider | null> {
    return ctx.services.identityProviders.ofAgency(agency);
  }

  @Mutation(() => RegisterIdentityProviderPayload, {
    nullable: true,
    description:
      "Registers the OpenID Connect provider through which an agency's staff sign in to the dashboard and GraphiQL, and gives the agency its `web` client system. For the agency itself (`clients:manage`), registry administrators covering it; each mapped scope must be one the caller holds and the agency's kind may carry.",
  })
  @Guard("authenticated", "identityProvider.configure", "clientSystem.grantScope")
  registerIdentityProvider(@Arg("input", () => RegisterIdentityProviderInput) input: RegisterIdentityProviderInput, @Ctx() ctx: HubContext): Promise<Created<IdentityProvider>> {
    return ctx.services.identityProviders.register(input);
  }

  @Mutation(() => IdentityProvider, { nullable: true, description: "Changes an agency's identity provider or its group mapping (sessions already open keep their scopes until they end). Same callers as registerIdentityProvider; a stale `expectedVersion` answers CONFLICT." })
  @Guard("authenticated", "identityProvider.configure", "clientSystem.grantScope")
  updateIdentityProvider(
    @Arg("agencyCode", () => String) agencyCode: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => IdentityProviderInput) input: IdentityProviderInput,
    @Ctx() ctx: HubContext,
  ): Promise<IdentityProvider> {
    return ctx.services.identityProviders.update(agencyCode, expectedVersion, input);
  }
}
