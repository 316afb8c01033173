import { Arg, Field, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import { childRegions, findRegion, type RegionKind } from "../domain/region-directory";
import { Public } from "../policy/guard";
import { RegionCodeScalar } from "../scalars/scalars";
import { NATIONAL_REGION } from "../auth/region";

const RegionKindEnum = { DIVISION: "DIVISION", ZONE: "ZONE" } as const;

registerEnumType(RegionKindEnum, {
  name: "RegionKind",
  description: "DIVISION: an administrative division of GB/T 2260; ZONE: a functional zone (高新区, 经开区, 管理区) under a city, with the statistics bureau's code.",
});

@ObjectType({ description: "A region the hub knows: the code other records carry as regionCode." })
@Public()
class Region {
  @Field(() => String, { description: "Six-digit code." }) code: string;
  @Field(() => String, { description: "Name." }) name: string;
  @Field(() => RegionKindEnum, { description: "DIVISION or ZONE." }) kind: RegionKind;
  @Field(() => String, { nullable: true, description: "For a zone: the city or province it lies in." }) parentCode: string | null;
  @Field(() => String, { description: "First day the code was valid." }) validFrom: string;
  @Field(() => String, { nullable: true, description: "Last day the code was valid; null while in use." }) validUntil: string | null;
  @Field(() => String, { nullable: true, description: "The code that replaced it." }) replacedBy: string | null;
}

/** The region table, for the systems that fill in region codes: public reference data, answered from memory. */
@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { description: "One region by code, in use or replaced (the RegionCode scalar refuses a code the hub does not know). Public." })
  @Public()
  region(@Arg("code", () => RegionCodeScalar) code: string): Region {
    return findRegion(code)!;
  }

  @Query(() => [Region], { description: "The regions in use one level below parentCode (default: the provinces): a province's cities and the counties it administers directly, a city's counties and zones. Public." })
  @Public()
  regions(@Arg("parentCode", () => RegionCodeScalar, { nullable: true }) parentCode: string | null): Region[] {
    const parent = parentCode ?? NATIONAL_REGION;
    return childRegions(parent).filter((code) => code !== parent).map((code) => findRegion(code)!);
  }
}
