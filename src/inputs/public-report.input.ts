import { Field, ID, InputType } from "type-graphql";
import { PublicReportStatus, PublicReportTriage } from "../entities/public-report.entity";
import { RegionCodeScalar } from "../scalars/scalars";

@InputType({ description: "A report from the public about an appraisal institution (受理公众举报). No sign-in; rate limited per address." })
export class SubmitPublicReportInput {
  @Field(() => String, { description: "The institution's unified social credit code (18 characters, checked)." }) subjectCreditCode: string;
  @Field(() => String, { description: "The institution's name." }) subjectName: string;
  @Field(() => String, { description: "What happened (at most 4,000 characters)." }) description: string;
  @Field(() => String, { nullable: true, description: "How the bureau may reach you (phone or e-mail); sealed, shown only to the bureau handling the report." }) contact?: string | null;
}

@InputType({ description: "Narrows the public reports a bureau lists." })
export class PublicReportFilter {
  @Field(() => PublicReportStatus, { nullable: true, description: "Status." }) status?: PublicReportStatus | null;
  @Field(() => RegionCodeScalar, { nullable: true, description: "Reports of this region or below." }) regionCode?: string | null;
}

@InputType({ description: "A bureau's triage of a public report." })
export class TriagePublicReportInput {
  @Field(() => PublicReportTriage, { description: "ACCEPT (受理) as a complaint, MERGE into another report, or DISMISS." }) outcome: PublicReportTriage;
  @Field(() => String, { description: "Why (at most 1,000 characters); the reporter does not see it." }) reason: string;
  @Field(() => ID, { nullable: true, description: "With MERGE: the report it joins (of the same subject)." }) mergeIntoId?: string | null;
}
