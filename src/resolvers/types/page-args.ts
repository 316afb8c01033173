import { ArgsType, Field, Int } from "type-graphql";

/** `first` and `after` of every Relay list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: "Page size: default 20, at most 100." })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor after which the page starts (`pageInfo.endCursor`)." })
  after?: string;
}
