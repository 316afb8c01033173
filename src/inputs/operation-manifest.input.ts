import { GraphQLJSONObject } from "graphql-scalars";
import { Field, InputType } from "type-graphql";

@InputType({ description: "The operations a client system may run, as @graphql-codegen/client-preset writes them (persisted-documents.json)." })
export class RegisterOperationManifestInput {
  @Field(() => String, { description: "Code of the agency whose system it is." })
  agencyCode: string;

  @Field(() => String, { description: "The client system's name." })
  clientName: string;

  @Field(() => GraphQLJSONObject, {
    description:
      'Document id → document: `{ "sha256:<hex>": "query Institution($id: ID!) { … }" }`, each id the SHA-256 of its document\'s exact text; every document must validate against the hub\'s schema. At most 2,000 documents of 50,000 characters.',
  })
  manifest: Record<string, unknown>;

  @Field(() => Boolean, {
    nullable: true,
    description: "Replace the manifest: documents it does not hold are taken out. By default documents are added and the earlier ones kept, so a client's old and new versions both run while it is rolled out.",
  })
  replace?: boolean | null;
}
