import { Field, ID, InputType } from "type-graphql";
import { idempotencyKeyDescription } from "../domain/idempotency-key";
import { SanctionKind } from "../entities/disciplinary-sanction.entity";
import { LocalDateScalar } from "../scalars/scalars";

@InputType({ description: "An industry association's sanction against an appraiser (行业惩戒)." })
export class ImposeSanctionInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") })
  idempotencyKey: string;

  @Field(() => ID, { description: "The appraiser, in the association's jurisdiction." })
  appraiserId: string;

  @Field(() => SanctionKind, { description: "What is imposed." })
  kind: SanctionKind;

  @Field(() => String, { description: "Why (at most 1,000 characters)." })
  reason: string;

  @Field(() => String, { nullable: true, description: "The decision's document number." })
  decisionDocNo?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Day it was decided (default today; not in the future)." })
  decidedOn?: string | null;
}
