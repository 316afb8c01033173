import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import {
  ArgumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLSchema,
  getVariableValues,
  isCompositeType,
  isListType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from "graphql";
import { QueryTooComplexError } from "../errors/errors";
import type { HubContext } from "../context/context";
import type { Charge, RateLimits } from "./rate-limit";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../services/pagination";

/**
 * The cost of a query: how many objects its answer can hold, estimated before it runs, with the variables
 * it came with.
 *
 * - An object field counts once per parent object it is resolved on.
 * - A connection counts its page: `first` (literal or variable; default 20, capped at 100 as the lists cap
 *   it) applies to the `edges` / `nodes` lists inside it.
 * - Another list (an institution's appraisers, a history, statistics cells) counts `NESTED_LIST_ESTIMATE`
 *   items per parent (a typical history, title list or breakdown; the answer-size budget catches the rest).
 * - `_entities` counts one object per representation, and its selection once per representation.
 *
 * Scalars are free: they are columns of a row already fetched. A nested list is not "100 separate fetches"
 * either: the loaders batch it into one statement per level, so what grows with nesting is the answer, and
 * that is what this bounds. graphql-armor's cost rule multiplies by a depth factor and ignores variables
 * and representations, so a harmless directory page cost more than the limit while a hostile `_entities`
 * request cost almost nothing; this replaces it.
 */
export const NESTED_LIST_ESTIMATE = 5;

export interface QueryCost {
  /** Objects the answer can hold. */
  objects: number;
  /** Representations passed to `_entities`, over every occurrence. */
  representations: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** A fragment's cost per parent object, by fragment, type and page size: each is walked once. */
  memo: Map<string, QueryCost>;
  /** Fragments being expanded, so a cycle (which validation also refuses) cannot loop. */
  expanding: Set<string>;
}

/**
 * The cost of an operation. Costs are per parent object and scale with the parent's count, so a fragment
 * spread many times (`{ ...F1 ...F1 }` with F1 spreading F2 twice, and so on) is walked once: a document of
 * a few hundred tokens cannot make the walk itself exponential.
 */
export function queryCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown> = {}): QueryCost {
  const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
  const walk: Walk = { schema, fragments, variables, memo: new Map(), expanding: new Set() };
  return root ? selectionCost(walk, operation.selectionSet, root, undefined) : { objects: 0, representations: 0 };
}

function add(total: QueryCost, part: QueryCost, times = 1): void {
  total.objects += part.objects * times;
  total.representations += part.representations * times;
}

/** What one parent object of `parentType` costs with this selection. */
function selectionCost(walk: Walk, selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, pageSize: number | undefined): QueryCost {
  const total: QueryCost = { objects: 0, representations: 0 };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      add(total, fieldCost(walk, selection, parentType, pageSize));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parentType;
      if (type && isCompositeType(type)) add(total, selectionCost(walk, selection.selectionSet, type, pageSize));
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments[name];
      if (!fragment || walk.expanding.has(name)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value);
      if (!type || !isCompositeType(type)) continue;
      const key = `${name}|${type.name}|${pageSize ?? ""}`;
      let cost = walk.memo.get(key);
      if (!cost) {
        walk.expanding.add(name);
        cost = selectionCost(walk, fragment.selectionSet, type, pageSize);
        walk.expanding.delete(name);
        walk.memo.set(key, cost);
      }
      add(total, cost);
    }
  }
  return total;
}

/** What one field costs on one parent object: the objects it returns, times what each of them costs. */
function fieldCost(walk: Walk, node: FieldNode, parentType: GraphQLCompositeType, pageSize: number | undefined): QueryCost {
  const none = { objects: 0, representations: 0 };
  // Fields of a union are only __typename; its members' fields come through fragments.
  if (!node.selectionSet || !("getFields" in parentType)) return none;
  const field = parentType.getFields()[node.name.value];
  if (!field) return none;
  const type = getNamedType(field.type);
  if (!isCompositeType(type)) return none;
  let items = 1;
  let representations = 0;
  let innerPageSize: number | undefined;
  if (node.name.value === "_entities") {
    representations = listLength(argument(node, "representations"), walk.variables);
    items = representations;
  } else if (isListType(getNullableType(field.type))) {
    items = pageSize ?? NESTED_LIST_ESTIMATE;
  }
  const first = field.args.some((arg) => arg.name === "first") ? firstValue(argument(node, "first"), walk.variables) : undefined;
  if (first !== undefined) {
    // `first` on a list field sizes that list; on a connection, the lists inside it.
    if (isListType(getNullableType(field.type))) items = first;
    else innerPageSize = first;
  }
  const each = selectionCost(walk, node.selectionSet, type, innerPageSize);
  return { objects: items * (1 + each.objects), representations: representations + items * each.representations };
}

function argument(node: FieldNode, name: string): ArgumentNode | undefined {
  return node.arguments?.find((arg) => arg.name.value === name);
}

function valueOf(value: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!value) return undefined;
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.LIST) return value.values;
  return undefined;
}

function firstValue(arg: ArgumentNode | undefined, variables: Record<string, unknown>): number {
  const value = valueOf(arg?.value, variables);
  // A bad `first` is refused by the list itself (BAD_USER_INPUT); here it costs a full page.
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) return value === undefined || value === null ? DEFAULT_PAGE_SIZE : MAX_PAGE_SIZE;
  return Math.min(value, MAX_PAGE_SIZE);
}

function listLength(arg: ArgumentNode | undefined, variables: Record<string, unknown>): number {
  const value = valueOf(arg?.value, variables);
  return Array.isArray(value) ? value.length : value === undefined || value === null ? 0 : 1;
}

/**
 * Refuses, before anything runs, an operation whose answer could hold more than `maxCost` objects or that
 * passes more than `maxRepresentations` representations to `_entities`: `QUERY_TOO_COMPLEX` (HTTP 400).
 * Then charges the cost to the caller's budget (`rateLimits`): over it, `RATE_LIMITED` (HTTP 429, nothing
 * runs); within it, the answer's `extensions.rateLimit` says what it cost and what is left.
 */
export function queryCostPlugin(limits: { maxCost: number; maxRepresentations: number }, rateLimits?: RateLimits): ApolloServerPlugin<HubContext> {
  const charges = new WeakMap<HubContext, Charge>();
  // One listener for every request: what it keeps per request is keyed by the request's context.
  const listener: GraphQLRequestListener<HubContext> = {
    async willSendResponse({ contextValue, response }) {
      const charge = charges.get(contextValue);
      if (charge && response.body.kind === "single") response.body.singleResult.extensions = { ...response.body.singleResult.extensions, rateLimit: charge };
    },
    async didResolveOperation({ schema, operation, document, request, contextValue }) {
      if (!operation) return;
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      // The variables as execution will see them: defaults applied (`$r: [_Any!]! = [...]` counts too).
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
      if (coerced.errors) return; // execution refuses them with a coded error of its own
      const cost = queryCost(schema, operation, fragments, coerced.coerced);
      if (cost.representations > limits.maxRepresentations) {
        throw tooComplex(`At most ${limits.maxRepresentations} entity representations per request; this one has ${cost.representations}.`);
      }
      if (cost.objects > limits.maxCost) {
        throw tooComplex(`Query cost limit of ${limits.maxCost} objects exceeded: the answer could hold ${cost.objects}. Ask for fewer items per page or fewer nested lists.`);
      }
      const budget = contextValue.request.budget;
      if (rateLimits && budget) charges.set(contextValue, await rateLimits.charge(budget, cost.objects));
    },
  };
  return { requestDidStart: async () => listener };
}

function tooComplex(message: string): QueryTooComplexError {
  const error = new QueryTooComplexError(message);
  // Apollo reads the HTTP status of an error thrown before execution from extensions.http.
  Object.assign(error.extensions, { http: { status: 400 } });
  return error;
}
