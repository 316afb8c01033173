import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../context/context";
import { OperationManifest, RegisterOperationManifestPayload, TrustedDocument } from "../entities/trusted-document.entity";
import { RegisterOperationManifestInput } from "../inputs/operation-manifest.input";
import { Guard } from "../policy/guard";
import { Connection, ConnectionShape, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";

const TrustedDocumentConnection = Connection(TrustedDocument, "TrustedDocument", "trusted document");

@Resolver(() => OperationManifest)
export class OperationManifestResolver {
  @Mutation(() => RegisterOperationManifestPayload, {
    nullable: true,
    description:
      "Registers the operations a client system may run (its trusted documents; with HUB_TRUSTED_DOCUMENTS=required, the only ones). Registry administrators covering the system's agency. Adds to what the system registered before unless `replace`; the same manifest again adds nothing.",
  })
  @Guard("registryAdministrator", "operationManifest.visible")
  registerOperationManifest(@Arg("input", () => RegisterOperationManifestInput) input: RegisterOperationManifestInput, @Ctx() ctx: HubContext): Promise<RegisterOperationManifestPayload> {
    return ctx.services.operationManifests.register(input);
  }

  @Query(() => OperationManifest, { nullable: true, description: "A client system's operation manifest; null when the system does not exist for the caller." })
  @Guard("registryAdministrator", "operationManifest.visible")
  operationManifest(@Arg("agencyCode", () => String) agencyCode: string, @Arg("clientName", () => String) clientName: string, @Ctx() ctx: HubContext): Promise<OperationManifest | null> {
    return ctx.services.operationManifests.manifest(agencyCode, clientName);
  }

  @FieldResolver(() => TrustedDocumentConnection, { description: "The documents, by id." })
  @Guard("registryAdministrator")
  async documents(@Root() manifest: OperationManifest, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext): Promise<ConnectionShape<TrustedDocument>> {
    return toConnection(await ctx.services.operationManifests.documents(manifest, page.first, page.after));
  }
}
