import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import type { ColumnNeeds } from "../loaders/column-selection";
import { Guard, Public } from "../policy/guard";
import { AppraiserStatus, CreditGrade, TechnicalField } from "../domain/directory-enums";
import { ProfessionalTitle, Qualification, Training } from "./directory-records";

/**
 * 鉴定人: an appraiser. The ID number and phone are sealed at rest (see `PiiVault`); a keyed hash makes the
 * ID number unique and findable, and the masked forms are kept beside them so masking needs no decryption.
 * `institutionId` and `regionCode` follow the active full-time post.
 */
@ObjectType({ description: "An appraiser (鉴定人) of an institution in the directory." })
@Guard("appraiserDetails")
@Entity({ name: "appraisers" })
export class Appraiser {
  @Field(() => ID, { description: "The hub's id of the appraiser. Federation key." })
  @Public()
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String, { description: "Name." })
  @Public()
  @Column({ type: "text" })
  name: string;

  @Column({ type: "text", name: "id_number_sealed", select: true })
  idNumberSealed: string;

  @Column({ type: "char", length: 64, name: "id_number_hash" })
  idNumberHash: string;

  @Column({ type: "text", name: "id_number_masked" })
  idNumberMasked: string;

  @Column({ type: "text", name: "phone_sealed", nullable: true })
  phoneSealed: string | null;

  @Column({ type: "text", name: "phone_masked", nullable: true })
  phoneMasked: string | null;

  @Column({ type: "uuid", name: "institution_id", nullable: true })
  institutionId: string | null;

  @Field(() => String, { nullable: true, description: "Region of the appraiser's institution." })
  @Column({ type: "text", name: "region_code" })
  regionCode: string;

  @Field(() => [TechnicalField], { description: "Technical fields." })
  @Public()
  @Column({ type: "text", array: true, name: "technical_fields" })
  technicalFields: TechnicalField[];

  @Field(() => [ProfessionalTitle], { description: "Professional titles (职称)." })
  @Public()
  @Column({ type: "jsonb" })
  titles: ProfessionalTitle[];

  @Field(() => [Qualification], { nullable: true, description: "Qualifications with certificate numbers and validity: for agencies." })
  @Column({ type: "jsonb" })
  qualifications: Qualification[];

  @Field(() => [Training], { nullable: true, description: "Trainings completed: for agencies." })
  @Column({ type: "jsonb" })
  trainings: Training[];

  @Field(() => AppraiserStatus, { nullable: true, description: "Status: for agencies." })
  @Column({ type: "text" })
  status: AppraiserStatus;

  @Field(() => CreditGrade, { nullable: true, description: "Credit grade (A–D) for graded supervision: for agencies." })
  @Column({ type: "text", name: "credit_grade", nullable: true })
  creditGrade: CreditGrade | null;

  @Field(() => [String], { nullable: true, description: "What decided the credit grade: for agencies." })
  @Column({ type: "jsonb", name: "credit_grade_why", default: () => "'[]'" })
  creditGradeWhy: string[];

  @Field(() => Int, { nullable: true, description: "Optimistic-concurrency version: for the bureaus and associations of the appraiser's region." })
  @Guard("appraiserSupervisor")
  @Column({ type: "int", default: 1 })
  version: number;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz", name: "updated_at" })
  updatedAt: Date;
}

/**
 * What reading an appraiser takes besides the columns a query selects (`loaders/column-selection.ts`): the
 * facts services and the policy read whatever is selected, and what each computed field reads. A field
 * added to the type needs an entry here (a test holds every field to one).
 */
export const APPRAISER_COLUMN_NEEDS: ColumnNeeds = {
  always: ["id", "institutionId", "regionCode", "status", "version"],
  fields: {
    idNumber: ["idNumberSealed", "idNumberMasked"],
    phone: ["phoneSealed", "phoneMasked"],
    qualificationsValidOn: ["qualifications"],
    institution: [],
    statusHistory: [],
    statusOn: [],
    sanctions: [],
    practiceHistory: [],
    feedbackSummary: [],
    creditRecords: [],
    creditIncentives: [],
  },
};
