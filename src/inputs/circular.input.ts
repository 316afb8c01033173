import { Field, InputType } from "type-graphql";
import { CircularKind } from "../entities/circular.entity";
import { idempotencyKeyDescription } from "../domain/idempotency-key";
import { LocalDateScalar, RegionCodeScalar } from "../scalars/scalars";

@InputType({ description: "A circular to the institutions of a region, by the bureau or association covering it." })
export class IssueCircularInput {
  @Field(() => String, { nullable: true, description: idempotencyKeyDescription("Optional: retrying with the same key and input returns the first result.") }) idempotencyKey?: string | null;
  @Field(() => CircularKind, { description: "What it is." }) kind: CircularKind;
  @Field(() => RegionCodeScalar, { description: "The region addressed (in the issuer's jurisdiction)." }) regionCode: string;
  @Field(() => String, { description: "Title (at most 200 characters)." }) title: string;
  @Field(() => String, { description: "Text (at most 20,000 characters)." }) body: string;
  @Field(() => String, { nullable: true, description: "Document number." }) documentNo?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Day it was issued (default today; not in the future)." }) issuedOn?: string | null;
}

@InputType({ description: "Narrows the circulars listed." })
export class CircularFilter {
  @Field(() => CircularKind, { nullable: true, description: "Kind." }) kind?: CircularKind | null;
  @Field(() => RegionCodeScalar, { nullable: true, description: "Circulars addressed to this region or below it." }) regionCode?: string | null;
}
