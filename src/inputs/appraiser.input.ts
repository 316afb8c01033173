import { Field, ID, InputType } from "type-graphql";
import { AppraiserStatus, PracticeKind, TechnicalField } from "../domain/directory-enums";
import { LocalDateScalar, RegionCodeScalar, ResidentIdNumberScalar } from "../scalars/scalars";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "Narrows the appraiser list. All given conditions apply." })
export class AppraiserFilter {
  @Field(() => ID, { nullable: true, description: "Current appraisers of this institution." }) institutionId?: string | null;
  @Field(() => RegionCodeScalar, { nullable: true, description: "Appraisers whose institution lies in this region or below." }) regionCode?: string | null;
  @Field(() => TechnicalField, { nullable: true, description: "Appraisers of this field." }) technicalField?: TechnicalField | null;
  @Field(() => AppraiserStatus, { nullable: true, description: "Status." }) status?: AppraiserStatus | null;
  @Field(() => String, { nullable: true, description: "Part of the name." }) nameContains?: string | null;
}

@InputType({ description: "A professional title." })
export class ProfessionalTitleInput {
  @Field(() => String, { description: "Title, e.g. 高级工程师." }) title: string;
  @Field(() => String, { nullable: true, description: "SENIOR, INTERMEDIATE or JUNIOR." }) level?: string | null;
}

@InputType({ description: "A qualification with its certificate." })
export class QualificationInput {
  @Field(() => String, { description: "Kind, e.g. PATENT_ATTORNEY, LAWYER, JUDICIAL_APPRAISER." }) kind: string;
  @Field(() => String, { nullable: true, description: "Certificate number." }) certificateNo?: string | null;
  @Field(() => String, { nullable: true, description: "Issuing authority." }) issuedBy?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Valid from." }) validFrom?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Valid until." }) validUntil?: string | null;
}

@InputType({ description: "A training completed." })
export class TrainingInput {
  @Field(() => String, { description: "Course title." }) title: string;
  @Field(() => String, { nullable: true, description: "Organizer." }) organizer?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Completed on." }) completedOn?: string | null;
  @Field(() => Number, { nullable: true, description: "Hours." }) hours?: number | null;
}

@InputType({ description: "A new appraiser of an institution. For the market-regulation bureau of the institution's region." })
export class RegisterAppraiserInput {
  @Field(() => String, { nullable: true, description: idempotencyKeyDescription("Optional: retrying with the same key and input returns the first result.") }) idempotencyKey?: string | null;
  @Field(() => ID, { description: "The institution of the post." }) institutionId: string;
  @Field(() => String, { description: "Name." }) name: string;
  @Field(() => ResidentIdNumberScalar, { description: "Resident ID number; sealed at rest and never shown in full but to authorised bureaus." }) idNumber: string;
  @Field(() => String, { nullable: true, description: "Phone." }) phone?: string | null;
  @Field(() => [TechnicalField], { description: "Technical fields (at least one)." }) technicalFields: TechnicalField[];
  @Field(() => [ProfessionalTitleInput], { nullable: true, description: "Professional titles." }) titles?: ProfessionalTitleInput[] | null;
  @Field(() => [QualificationInput], { nullable: true, description: "Qualifications." }) qualifications?: QualificationInput[] | null;
  @Field(() => [TrainingInput], { nullable: true, description: "Trainings." }) trainings?: TrainingInput[] | null;
  @Field(() => PracticeKind, { nullable: true, description: "FULL_TIME (default) or PART_TIME post." }) practiceKind?: PracticeKind | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Post started on (default today)." }) startedOn?: string | null;
}

@InputType({ description: "A new post of an appraiser." })
export class NewPostInput {
  @Field(() => ID, { description: "The institution." }) institutionId: string;
  @Field(() => PracticeKind, { description: "A new FULL_TIME post ends the active one." }) kind: PracticeKind;
  @Field(() => LocalDateScalar, { nullable: true, description: "Started on (default today)." }) startedOn?: string | null;
}

@InputType({ description: "Ends an active post." })
export class EndPostInput {
  @Field(() => ID, { description: "Id of the post (from practiceHistory)." }) practiceId: string;
  @Field(() => LocalDateScalar, { nullable: true, description: "Ended on (default today)." }) endedOn?: string | null;
}

@InputType({ description: "Changes to an appraiser; omitted fields stay as they are; lists replace the stored list." })
export class UpdateAppraiserInput {
  @Field(() => String, { nullable: true, description: "Name." }) name?: string | null;
  @Field(() => String, { nullable: true, description: "Phone; the empty string removes it." }) phone?: string | null;
  @Field(() => [TechnicalField], { nullable: true, description: "Technical fields." }) technicalFields?: TechnicalField[] | null;
  @Field(() => [ProfessionalTitleInput], { nullable: true, description: "Professional titles." }) titles?: ProfessionalTitleInput[] | null;
  @Field(() => [QualificationInput], { nullable: true, description: "Qualifications." }) qualifications?: QualificationInput[] | null;
  @Field(() => [TrainingInput], { nullable: true, description: "Trainings." }) trainings?: TrainingInput[] | null;
  /** At another institution or the same one. */
  @Field(() => NewPostInput, { nullable: true, description: "Opens a post." }) newPost?: NewPostInput | null;
  @Field(() => EndPostInput, { nullable: true, description: "Ends a post." }) endPost?: EndPostInput | null;
}
