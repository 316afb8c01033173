import { Field, ObjectType } from "type-graphql";
import { Public, Guard } from "../policy/guard";

/**
 * Small records kept as JSON inside institutions and appraisers. They are reached only through the field
 * that holds them, whose guard decides who reads them (e.g. `Appraiser.qualifications`: agencies and the
 * appraiser's own institution); the types themselves still refuse the anonymous public.
 */
@ObjectType({ description: "A standard the institution complies with, as verified by a bureau or association." })
@Public()
export class ComplianceStandard {
  /** The catalogue entry (`Standard`); absent on entries recorded before the catalogue existed. */
  standardId?: string | null;

  @Field(() => String, { description: "Standard code as the catalogue writes it, e.g. `GB/T 45563.2—2025`." })
  code: string;

  @Field(() => String, { description: "Title of the standard." })
  title: string;

  @Field(() => String, { nullable: true, description: "Who verified compliance." })
  verifiedBy: string | null;

  @Field(() => String, { nullable: true, description: "When compliance was verified (YYYY-MM-DD)." })
  verifiedOn: string | null;
}

@ObjectType({ description: "A professional title (职称)." })
@Public()
export class ProfessionalTitle {
  @Field(() => String, { description: "Title, e.g. 高级工程师." })
  title: string;

  @Field(() => String, { nullable: true, description: "Level: SENIOR (正高/副高), INTERMEDIATE (中级) or JUNIOR (初级)." })
  level: string | null;
}

@ObjectType({ description: "A qualification with its certificate (patent attorney, lawyer, judicial appraiser licence, examiner experience…)." })
@Guard("authenticated")
export class Qualification {
  @Field(() => String, { description: "Kind, e.g. PATENT_ATTORNEY, LAWYER, JUDICIAL_APPRAISER, PATENT_EXAMINER." })
  kind: string;

  @Field(() => String, { nullable: true, description: "Certificate number." })
  certificateNo: string | null;

  @Field(() => String, { nullable: true, description: "Issuing authority." })
  issuedBy: string | null;

  @Field(() => String, { nullable: true, description: "Valid from (YYYY-MM-DD)." })
  validFrom: string | null;

  @Field(() => String, { nullable: true, description: "Valid until (YYYY-MM-DD); null when it does not expire." })
  validUntil: string | null;
}

@ObjectType({ description: "A training the appraiser completed." })
@Guard("authenticated")
export class Training {
  @Field(() => String, { description: "Course title." })
  title: string;

  @Field(() => String, { nullable: true, description: "Organizer." })
  organizer: string | null;

  @Field(() => String, { nullable: true, description: "Completed on (YYYY-MM-DD)." })
  completedOn: string | null;

  @Field(() => Number, { nullable: true, description: "Hours." })
  hours: number | null;
}
