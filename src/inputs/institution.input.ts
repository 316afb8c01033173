import { Field, InputType } from "type-graphql";
import { IndustrySection } from "../domain/industry";
import { CultivationStage, InstitutionGrade, ListingLevel, ListingStatus, TechnicalField } from "../domain/directory-enums";
import { CreditCodeScalar, LocalDateScalar, RegionCodeScalar } from "../scalars/scalars";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "Narrows the institution list. All given conditions apply." })
export class InstitutionFilter {
  @Field(() => RegionCodeScalar, { nullable: true, description: "Institutions in this region or below it (411500 includes 411525)." })
  regionCode?: string | null;

  @Field(() => TechnicalField, { nullable: true, description: "Institutions that may appraise this field." })
  technicalField?: TechnicalField | null;

  @Field(() => IndustrySection, { nullable: true, description: "Institutions serving this industry (GB/T 4754 section)." })
  industrySection?: IndustrySection | null;

  @Field(() => ListingStatus, { nullable: true, description: "Current listing status." })
  listingStatus?: ListingStatus | null;

  @Field(() => ListingLevel, { nullable: true, description: "Current listing level." })
  listingLevel?: ListingLevel | null;

  @Field(() => String, { nullable: true, description: "Part of the name." })
  nameContains?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Institutions that were LISTED on this day, according to the listing register." })
  listedOn?: string | null;
}

@InputType({ description: "A standard of the catalogue (`standards`) the institution complies with." })
export class ComplianceStandardInput {
  @Field(() => String, { description: "Code of a catalogue entry, however its spaces and dashes are written; a code not in the catalogue answers BAD_USER_INPUT. The catalogue's code and title are stored." }) code: string;
  @Field(() => String, { description: "Title (the catalogue's is kept)." }) title: string;
  @Field(() => String, { nullable: true, description: "Who verified compliance." }) verifiedBy?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "When compliance was verified; listing needs a verified entry." }) verifiedOn?: string | null;
}

@InputType({ description: "A new institution; it starts NOT_LISTED. For the market-regulation bureau of its region." })
export class RegisterInstitutionInput {
  @Field(() => String, { nullable: true, description: idempotencyKeyDescription("Optional: retrying with the same key and input returns the first result.") })
  idempotencyKey?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Also register the institution's own agency (kind APPRAISAL_INSTITUTION) with this code and its `default` client system, so that its case system can report progress on its cases.",
  })
  agencyCode?: string | null;

  @Field(() => String, { description: "Registered name." }) name: string;
  @Field(() => CreditCodeScalar, { description: "Unified social credit code." }) creditCode: string;
  @Field(() => RegionCodeScalar, { description: "Region code of its registration (must be valid today)." }) regionCode: string;
  @Field(() => String, { nullable: true, description: "Address." }) address?: string | null;
  @Field(() => String, { nullable: true, description: "Legal representative." }) legalRepresentative?: string | null;
  @Field(() => String, { nullable: true, description: "Contact phone." }) contactPhone?: string | null;
  @Field(() => [TechnicalField], { description: "Technical fields (at least one)." }) technicalFields: TechnicalField[];
  @Field(() => [IndustrySection], { nullable: true, description: "Industries it serves (GB/T 4754 sections)." }) industrySections?: IndustrySection[] | null;
  @Field(() => String, { nullable: true, description: "Business scope." }) businessScope?: string | null;
  @Field(() => [String], { nullable: true, description: "Appraisal matters it may take." }) appraisalMatters?: string[] | null;
  @Field(() => [ComplianceStandardInput], { nullable: true, description: "Standards it complies with." }) standards?: ComplianceStandardInput[] | null;
  @Field(() => CultivationStage, { nullable: true, description: "Stage in the cultivation plan." }) cultivationStage?: CultivationStage | null;
}

@InputType({ description: "Changes to an institution; omitted fields stay as they are." })
export class UpdateInstitutionInput {
  @Field(() => String, { nullable: true, description: "Registered name." }) name?: string | null;
  @Field(() => RegionCodeScalar, { nullable: true, description: "Region code (must be valid today)." }) regionCode?: string | null;
  @Field(() => String, { nullable: true, description: "Address." }) address?: string | null;
  @Field(() => String, { nullable: true, description: "Legal representative." }) legalRepresentative?: string | null;
  @Field(() => String, { nullable: true, description: "Contact phone." }) contactPhone?: string | null;
  @Field(() => [TechnicalField], { nullable: true, description: "Technical fields (replaces the list)." }) technicalFields?: TechnicalField[] | null;
  @Field(() => [IndustrySection], { nullable: true, description: "Industries it serves (replaces the list)." }) industrySections?: IndustrySection[] | null;
  @Field(() => String, { nullable: true, description: "Business scope." }) businessScope?: string | null;
  @Field(() => [String], { nullable: true, description: "Appraisal matters (replaces the list)." }) appraisalMatters?: string[] | null;
  @Field(() => [ComplianceStandardInput], { nullable: true, description: "Standards (replaces the list)." }) standards?: ComplianceStandardInput[] | null;
  @Field(() => InstitutionGrade, { nullable: true, deprecationReason: "The industry association records grades with recordInstitutionGrade; a grade here answers BAD_USER_INPUT.", description: "No longer set here." }) grade?: InstitutionGrade | null;
  @Field(() => CultivationStage, { nullable: true, description: "Stage in the cultivation plan." }) cultivationStage?: CultivationStage | null;
}
