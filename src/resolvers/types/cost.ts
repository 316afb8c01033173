import { Directive } from "type-graphql";

/**
 * Demand control's `@cost`: what one resolution of the field weighs in the operation's cost, in place of
 * the 1 an object costs (`server/query-cost.ts` reads it, as a router does). For fields whose work is not
 * the rows they answer: an aggregation over a region's records, a walk of the whole audit chain.
 */
export function Cost(weight: number): MethodDecorator & PropertyDecorator {
  return Directive(`@cost(weight: ${weight})`);
}

/** A statistics section: a few aggregate statements over every record of the region and period. */
export const AGGREGATION_COST = 100;
/** Verifying the audit chain reads every entry. */
export const CHAIN_WALK_COST = 1_000;
