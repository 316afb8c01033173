import type { ApolloServerPlugin } from "@apollo/server";
import { defaultFieldResolver, FragmentDefinitionNode, getNullableType, GraphQLResolveInfo, GraphQLSchema, isIntrospectionType, isListType, isObjectType, Kind, SelectionSetNode } from "graphql";
import { QueryTooComplexError } from "../errors/errors";

/**
 * A bound on the size of one answer while it is built. The query cost is an estimate made before execution;
 * the data decides the real sizes (an institution with 300 appraisers). Every list a resolver returns is
 * charged its length times the width of the selection on its items; past the budget every further list
 * fails with `QUERY_TOO_COMPLEX`, so the answer stops growing, and the whole answer is replaced by that
 * error (a truncated answer would look complete).
 */
export class ResponseBudget {
  private spent = 0;
  private exceeded = false;

  constructor(readonly limit: number) {}

  charge(values: number): void {
    this.spent += values;
    if (this.exceeded || this.spent > this.limit) {
      this.exceeded = true;
      throw new QueryTooComplexError(`The answer would hold more than ${this.limit} values; ask for fewer items per page or fewer nested lists.`);
    }
  }

  get wasExceeded(): boolean {
    return this.exceeded;
  }
}

/** What a context must carry for the wrapped resolvers. */
export interface HasResponseBudget {
  readonly budget: ResponseBudget;
}

/** Wraps every list-returning field's resolver so that what it returns is charged to the request's budget. */
export function chargeListsToBudget(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: HasResponseBudget, info) => {
        // A mutation's payload is what the write committed: never dropped (the cost estimate bounds it).
        if (info.operation.operation === "mutation" || !context?.budget) return resolve(source, args, context, info);
        // Once the budget is spent, no further list is even fetched.
        if (context.budget.wasExceeded) context.budget.charge(0);
        const result = resolve(source, args, context, info);
        if (result && typeof (result as Promise<unknown>).then === "function") return (result as Promise<unknown>).then((list) => charged(list, context, info));
        return charged(result, context, info);
      };
    }
  }
  return schema;
}

function charged(list: unknown, context: HasResponseBudget, info: GraphQLResolveInfo): unknown {
  if (Array.isArray(list)) {
    let width = 0;
    for (const node of info.fieldNodes) width += node.selectionSet ? selectionWidth(node.selectionSet, info.fragments) : 1;
    context.budget.charge(list.length * Math.max(1, width));
  }
  return list;
}

const widths = new WeakMap<SelectionSetNode, number>();

/** Fields selected on each item, fragments expanded (at least one: a list of scalars is one value per item). */
function selectionWidth(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, depth = 0): number {
  const known = widths.get(selectionSet);
  if (known !== undefined) return known;
  let width = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) width += 1;
    else if (depth < 50) {
      const nested = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments[selection.name.value]?.selectionSet;
      if (nested) width += selectionWidth(nested, fragments, depth + 1);
    }
  }
  widths.set(selectionSet, width);
  return width;
}

/** Replaces an answer that ran over its budget with the refusal alone. */
export function responseBudgetPlugin(): ApolloServerPlugin<HasResponseBudget> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          if (!contextValue.budget?.wasExceeded || response.body.kind !== "single") return;
          const refusal = response.body.singleResult.errors?.find((error) => error.extensions?.code === "QUERY_TOO_COMPLEX");
          response.body.singleResult = { errors: [{ message: refusal?.message ?? "The answer is too large.", extensions: { code: "QUERY_TOO_COMPLEX" } }] };
        },
      };
    },
  };
}
