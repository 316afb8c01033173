import { Field, InputType } from "type-graphql";
import { AgencyKind } from "../entities/agency-kind";

@InputType({ description: "Narrows the agency list." })
export class AgencyFilter {
  @Field(() => AgencyKind, { nullable: true, description: "Only agencies of this kind." })
  kind?: AgencyKind | null;

  @Field(() => String, { nullable: true, description: "Only agencies whose region lies within this region (sub-regions included)." })
  regionCode?: string | null;
}
