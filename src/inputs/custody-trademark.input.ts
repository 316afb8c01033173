import { Field, ID, InputType, Int } from "type-graphql";
import { CustodyStatus, TrademarkAlertKind, TrademarkAlertStatus, TrademarkCategory } from "../domain/trademark-enums";
import { CreditCodeScalar, LocalDateScalar, RegionCodeScalar } from "../scalars/scalars";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

@InputType({ description: "A mark to place under monitoring and custody." })
export class PlaceTrademarkUnderCustodyInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") }) idempotencyKey: string;
  @Field(() => String, { description: "Registration number (注册号)." }) registrationNumber: string;
  @Field(() => Int, { description: "Nice class, 1 to 45." }) niceClass: number;
  @Field(() => String, { description: "The mark." }) markName: string;
  @Field(() => TrademarkCategory, { description: "Why it is monitored." }) category: TrademarkCategory;
  @Field(() => String, { description: "Owner (registrant)." }) ownerName: string;
  @Field(() => CreditCodeScalar, { description: "Owner's unified social credit code." }) ownerCreditCode: string;
  @Field(() => RegionCodeScalar, { nullable: true, description: "Owner's region (default: from the credit code)." }) regionCode?: string | null;
  @Field(() => String, { description: "Code of the custodian agency." }) custodianAgencyCode: string;
  @Field(() => LocalDateScalar, { description: "Registration day." }) registeredOn: string;
  @Field(() => LocalDateScalar, { description: "Last day of the registration period." }) expiresOn: string;
  @Field(() => String, { nullable: true, description: "Note." }) note?: string | null;
}

@InputType({ description: "Changes to a mark under custody. The custodian records renewals and notes; the bureau covering the owner's region also changes the custodian or ends custody." })
export class UpdateCustodyTrademarkInput {
  @Field(() => LocalDateScalar, { nullable: true, description: "New expiry (a renewal, 续展)." }) expiresOn?: string | null;
  @Field(() => String, { nullable: true, description: "New custodian agency." }) custodianAgencyCode?: string | null;
  @Field(() => CustodyStatus, { nullable: true, description: "ENDED to end custody." }) custodyStatus?: CustodyStatus | null;
  @Field(() => String, { nullable: true, description: "Note." }) note?: string | null;
}

@InputType({ description: "An alert entered by the custodian." })
export class RaiseTrademarkAlertInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") }) idempotencyKey: string;
  @Field(() => ID, { description: "The mark." }) trademarkId: string;
  @Field(() => TrademarkAlertKind, { description: "SIMILAR_FILING or NON_USE_CANCELLATION (EXPIRING is computed)." }) kind: TrademarkAlertKind;
  @Field(() => String, { description: "What was found." }) detail: string;
  @Field(() => String, { nullable: true, description: "Reference, e.g. the similar filing's application number." }) reference?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Day by which to act (e.g. the opposition or answer deadline)." }) dueOn?: string | null;
}

@InputType({ description: "A handling step for an alert." })
export class HandleTrademarkAlertInput {
  @Field(() => TrademarkAlertStatus, { description: "New status." }) status: TrademarkAlertStatus;
  @Field(() => String, { description: "What was done." }) note: string;
}

@InputType({ description: "Narrows the marks under custody." })
export class CustodyTrademarkFilter {
  @Field(() => RegionCodeScalar, { nullable: true, description: "Owner's region (sub-regions included)." }) regionCode?: string | null;
  @Field(() => Int, { nullable: true, description: "Nice class." }) niceClass?: number | null;
  @Field(() => TrademarkCategory, { nullable: true, description: "Category." }) category?: TrademarkCategory | null;
  @Field(() => String, { nullable: true, description: "Custodian agency code." }) custodianAgencyCode?: string | null;
  @Field(() => String, { nullable: true, description: "Part of the mark." }) markContains?: string | null;
  @Field(() => CustodyStatus, { nullable: true, description: "Custody status." }) custodyStatus?: CustodyStatus | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Expiring on or before this day." }) expiringBefore?: string | null;
}

@InputType({ description: "Narrows the alerts." })
export class TrademarkAlertFilter {
  @Field(() => ID, { nullable: true, description: "The mark." }) trademarkId?: string | null;
  @Field(() => TrademarkAlertKind, { nullable: true, description: "Kind." }) kind?: TrademarkAlertKind | null;
  @Field(() => TrademarkAlertStatus, { nullable: true, description: "Status." }) status?: TrademarkAlertStatus | null;
  @Field(() => RegionCodeScalar, { nullable: true, description: "Owner's region (sub-regions included)." }) regionCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Only OPEN and IN_PROGRESS alerts." }) unresolved?: boolean | null;
}
