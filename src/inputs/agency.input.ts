import { Field, InputType, Int } from "type-graphql";
import { AgencyKind } from "../entities/agency-kind";
import { RegionCodeScalar } from "../scalars/scalars";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "Narrows the agency list." })
export class AgencyFilter {
  @Field(() => AgencyKind, { nullable: true, description: "Only agencies of this kind." })
  kind?: AgencyKind | null;

  @Field(() => String, { nullable: true, description: "Only agencies whose region lies within this region (sub-regions included)." })
  regionCode?: string | null;
}

@InputType({ description: "An agency to register with the hub. For registry administrators (`registry:admin`) whose jurisdiction covers its region." })
export class RegisterAgencyInput {
  @Field(() => String, { nullable: true, description: idempotencyKeyDescription("Optional: retrying with the same key and input returns the first result.") })
  idempotencyKey?: string | null;

  @Field(() => String, { description: "Its fixed code: 2 to 32 capital letters, digits or dashes, e.g. `ZZ-COURT`. Never changes." }) code: string;
  @Field(() => String, { description: "Official name, e.g. 郑州市中级人民法院." }) name: string;
  @Field(() => AgencyKind, { description: "What kind of agency it is: decides, with its region, what it may see and do." }) kind: AgencyKind;
  @Field(() => RegionCodeScalar, { description: "6-digit administrative division code of its jurisdiction (valid today)." }) regionCode: string;
  @Field(() => String, { nullable: true, description: "Code of the registered agency above it, whose region covers its own." }) parentCode?: string | null;
}

@InputType({ description: "Changes to an agency; omitted fields stay as they are. Its code and kind never change." })
export class UpdateAgencyInput {
  @Field(() => String, { nullable: true, description: "Official name." }) name?: string | null;
  @Field(() => RegionCodeScalar, { nullable: true, description: "Region code (valid today); the administrator must cover the old and the new region." }) regionCode?: string | null;
  @Field(() => String, { nullable: true, description: "Code of the agency above it; an empty string removes it." }) parentCode?: string | null;
  @Field(() => Int, { nullable: true, description: "The agency's own query-cost budget per rate-limit window (each of its systems and people); 0 returns it to the hub's default." }) rateLimitPoints?: number | null;
}
