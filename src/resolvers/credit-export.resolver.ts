import { Args, ArgsType, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { HubContext } from "../context/context";
import { Guard, Public } from "../policy/guard";
import { LocalDateScalar } from "../scalars/scalars";
import type { CreditExportPage, CreditExportRow as Row } from "../services/credit-export.service";
import { PageInfo } from "./types/connection";

@ObjectType({ description: "One row of the credit exchange with the public credit information platform: a determination (失信) or a positive record (守信). docs/credit.md lists the columns." })
@Public()
class CreditExportRow implements Row {
  @Field(() => String, { description: "DETERMINATION (失信信息) or INCENTIVE (守信信息)." }) category: "DETERMINATION" | "INCENTIVE";
  @Field(() => ID, { description: "The hub's id of the record: the key of the platform's row." }) id: string;
  @Field(() => String, { description: "CreditSubjectType of the subject." }) subjectType: string;
  @Field(() => String, { description: "行政相对人名称." }) subjectName: string;
  @Field(() => String, { nullable: true, description: "统一社会信用代码 (organizations)." }) subjectCreditCode: string | null;
  @Field(() => String, { nullable: true, description: "A patent attorney's practising certificate number, masked." }) subjectCertificateNo: string | null;
  @Field(() => String, { description: "Region of the subject." }) subjectRegionCode: string;
  @Field(() => String, { description: "The behaviour (CreditBehaviour) of a determination, the kind (CreditIncentiveKind) of a positive record." }) code: string;
  @Field(() => String, { nullable: true, description: "Severity of a determination." }) severity: string | null;
  @Field(() => String, { description: "Decision document number (决定文书号)." }) decisionDocNo: string;
  @Field(() => String, { description: "Day of the decision (认定日期)." }) decidedOn: string;
  @Field(() => String, { description: "Deciding agency's code." }) decidingAgencyCode: string;
  @Field(() => String, { nullable: true, description: "Deciding agency's name (认定机关)." }) decidingAgencyName: string | null;
  @Field(() => String, { description: "Facts and basis." }) basis: string;
  @Field(() => [String], { description: "Measures (约束措施 or 激励措施)." }) measures: string[];
  @Field(() => Boolean, { description: "Whether it is announced (公示); a MINOR determination usually is not." }) announced: boolean;
  @Field(() => String, { description: "First day of publication." }) publishFrom: string;
  @Field(() => String, { description: "Last day of publication (公示截止期)." }) publishUntil: string;
  @Field(() => String, { description: "ACTIVE, REPAIR_REQUESTED, REPAIRED, REVOKED or EXPIRED (as of today)." }) status: string;
  @Field(() => String, { nullable: true, description: "Day the repair was granted (信用修复), for a REPAIRED determination." }) repairedOn: string | null;
  @Field(() => String, { description: "When it last changed (UTC, microseconds)." }) updatedAt: string;
}

@ObjectType({ description: "A page of the credit exchange, in the order the records changed." })
@Public()
class CreditExport {
  @Field(() => String, { description: "Pass as `until` for this export's next pages, and as `updatedSince` for the next export: nothing written before it is missed, nothing after it is sent twice." })
  watermark: string;

  @Field(() => [CreditExportRow], { description: "The rows of this page." })
  rows: CreditExportRow[];

  @Field(() => PageInfo, { description: "Pass endCursor as `after`, with `until` set to the watermark, for the next page." })
  pageInfo: PageInfo;
}

@ArgsType()
class CreditExportArgs {
  @Field(() => String, { nullable: true, description: "Only records changed at or after this instant: the watermark of the last export." }) updatedSince?: string | null;
  @Field(() => String, { nullable: true, description: "Only records changed before this instant (default: a fresh watermark); set it to the first page's watermark for the next pages." }) until?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Only decisions on or after this day." }) from?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Only decisions on or before this day." }) to?: string | null;
  @Field(() => Int, { nullable: true, description: "Rows per page (default 500, at most 1,000)." }) first?: number | null;
  @Field(() => String, { nullable: true, description: "The previous page's endCursor." }) after?: string | null;
}

@Resolver()
export class CreditExportResolver {
  @Query(() => CreditExport, {
    nullable: true,
    description: "The credit exchange with the public credit information platform (信用信息共享平台): every determination and positive record about subjects in the calling bureau's jurisdiction that changed in a window, repairs and revocations included. For market-regulation bureaus.",
  })
  @Guard("creditDecider", "creditExport.visible")
  async creditExport(@Args(() => CreditExportArgs) args: CreditExportArgs, @Ctx() ctx: HubContext): Promise<CreditExport> {
    const page: CreditExportPage = await ctx.services.creditExport.page(args);
    return { watermark: page.watermark, rows: page.rows, pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: false, startCursor: null, endCursor: page.endCursor } };
  }
}
