import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Guard } from "../policy/guard";

/** One operation a client system registered (`trusted_documents`). */
@ObjectType({ description: "An operation a client system registered (a trusted document)." })
@Guard("registryAdministrator")
@Entity({ name: "trusted_documents" })
export class TrustedDocument {
  @PrimaryColumn({ type: "uuid", name: "client_system_id" })
  clientSystemId: string;

  @Field(() => String, { description: "Its document id: `sha256:` and the hex SHA-256 of its text; clients send it as `documentId`." })
  @PrimaryColumn({ type: "text" })
  id: string;

  @Field(() => String, { description: "The operation's text." })
  @Column({ type: "text" })
  document: string;

  @Field(() => [String], { description: "The names of the operations it holds." })
  @Column({ type: "text", array: true, name: "operation_names" })
  operationNames: string[];

  @Field(() => Date, { description: "When it was registered." })
  @Column({ type: "timestamptz", name: "registered_at" })
  registeredAt: Date;
}

/** A client system's operation manifest: what `registerOperationManifest` and `operationManifest` answer. */
@ObjectType({ description: "The operations a client system registered: with HUB_TRUSTED_DOCUMENTS=required, the only ones it may run." })
@Guard("registryAdministrator")
export class OperationManifest {
  @Field(() => String, { description: "The agency's code." })
  agencyCode: string;

  @Field(() => String, { description: "The client system's name." })
  clientName: string;

  @Field(() => Int, { description: "0 while the system has registered nothing; one more with every registration that changed the manifest." })
  version: number;

  @Field(() => Int, { description: "How many documents it holds." })
  documentCount: number;

  /** The client system's id, for listing its documents. */
  clientSystemId: string;
}

@ObjectType({ description: "The outcome of registerOperationManifest." })
@Guard("registryAdministrator")
export class RegisterOperationManifestPayload {
  @Field(() => OperationManifest, { description: "The manifest as it now stands." })
  manifest: OperationManifest;

  @Field(() => Int, { description: "Documents new to the manifest." })
  added: number;

  @Field(() => Int, { description: "Documents taken out (with `replace`: those the new manifest no longer holds)." })
  removed: number;
}
