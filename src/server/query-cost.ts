import type { ExecutionGate } from "./execution-gate";
import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import {
  ArgumentNode,
  ConstDirectiveNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLCompositeType,
  GraphQLInputType,
  GraphQLSchema,
  getVariableValues,
  isCompositeType,
  isInputObjectType,
  isListType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from "graphql";
import { QueryTooComplexError } from "../errors/errors";
import type { HubContext } from "../context/context";
import type { Charge, RateLimits } from "./rate-limit";

/**
 * The cost of an operation, computed as Apollo Router's demand control computes it (its `static_estimated`
 * strategy, against this subgraph's schema), so that a router in front of the hub and the hub itself
 * refuse the same operations:
 *
 * - A field returning an object, interface or union costs 1, a scalar or enum 0, unless `@cost(weight:)`
 *   on the field (or on its type) says otherwise; `__typename` is free.
 * - A list multiplies what each item costs by its size: a size handed down by the parent's `@listSize`
 *   `sizedFields` (a connection's `edges`), else the `first` its `@listSize` slices by (the argument or
 *   variable as given; 20 when absent), else its `assumedSize` (5 for nested lists). `federation-sdl.ts`
 *   writes those directives on every list of the schema; this reads them back.
 * - A mutation adds 10; arguments add 1 per input object they hold.
 * - A literal `@skip(if: true)` or `@include(if: false)` drops the field.
 *
 * One difference is the hub's own: `_entities` counts each representation it is given, which the router
 * cannot know (it assumes its configured `list_size`), and the number of representations is capped.
 *
 * Scalars are free: they are columns of a row already fetched. A nested list is not "100 separate fetches"
 * either: the loaders batch it into one statement per level, so what grows with nesting is the answer, and
 * that is what this bounds. graphql-armor's cost rule multiplies by a depth factor and ignores variables
 * and representations, so a harmless directory page cost more than the limit while a hostile `_entities`
 * request cost almost nothing; this replaces it.
 */
export const NESTED_LIST_ESTIMATE = 5;
/** What a mutation adds (demand control's figure). */
export const MUTATION_COST = 10;

export interface QueryCost {
  /** The operation's cost. */
  objects: number;
  /** Representations passed to `_entities`, over every occurrence. */
  representations: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** A fragment's cost per parent object, by fragment, type and handed-down size: each is walked once. */
  memo: Map<string, QueryCost>;
  /** Fragments being expanded, so a cycle (which validation also refuses) cannot loop. */
  expanding: Set<string>;
}

/** A size handed down from a parent's `@listSize(sizedFields:)`. */
interface SizedFields {
  names: readonly string[];
  size: number;
}

/**
 * The cost of an operation. Costs are per parent object and scale with the parent's count, so a fragment
 * spread many times (`{ ...F1 ...F1 }` with F1 spreading F2 twice, and so on) is walked once: a document of
 * a few hundred tokens cannot make the walk itself exponential.
 */
export function queryCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown> = {}): QueryCost {
  const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
  const walk: Walk = { schema, fragments, variables, memo: new Map(), expanding: new Set() };
  const cost = root ? selectionCost(walk, operation.selectionSet, root, undefined) : { objects: 0, representations: 0 };
  if (operation.operation === "mutation") cost.objects += MUTATION_COST;
  return cost;
}

function add(total: QueryCost, part: QueryCost, times = 1): void {
  total.objects += part.objects * times;
  total.representations += part.representations * times;
}

/** What one parent object of `parentType` costs with this selection. */
function selectionCost(walk: Walk, selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, sized: SizedFields | undefined): QueryCost {
  const total: QueryCost = { objects: 0, representations: 0 };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      add(total, fieldCost(walk, selection, parentType, sized));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parentType;
      if (type && isCompositeType(type)) add(total, selectionCost(walk, selection.selectionSet, type, sized));
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments[name];
      if (!fragment || walk.expanding.has(name)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value);
      if (!type || !isCompositeType(type)) continue;
      const key = `${name}|${type.name}|${sized ? `${sized.names.join(",")}:${sized.size}` : ""}`;
      let cost = walk.memo.get(key);
      if (!cost) {
        walk.expanding.add(name);
        cost = selectionCost(walk, fragment.selectionSet, type, sized);
        walk.expanding.delete(name);
        walk.memo.set(key, cost);
      }
      add(total, cost);
    }
  }
  return total;
}

/** What one field costs on one parent object: its count times what each item costs, plus its arguments. */
function fieldCost(walk: Walk, node: FieldNode, parentType: GraphQLCompositeType, sized: SizedFields | undefined): QueryCost {
  const none = { objects: 0, representations: 0 };
  if (node.name.value === "__typename" || skipped(node)) return none;
  // Fields of a union are only __typename; its members' fields come through fragments.
  if (!("getFields" in parentType)) return none;
  const field = parentType.getFields()[node.name.value];
  if (!field) return none;
  const type = getNamedType(field.type);
  const listSize = directiveArguments(field.astNode, "listSize");
  let count = 1;
  let representations = 0;
  if (node.name.value === "_entities") {
    representations = listLength(argument(node, "representations"), walk.variables);
    count = representations;
  } else if (isListType(getNullableType(field.type))) {
    count = (sized?.names.includes(node.name.value) ? sized.size : undefined) ?? (listSize ? expectedSize(listSize, field.args, node, walk.variables) : undefined) ?? NESTED_LIST_ESTIMATE;
  }
  const weight = costWeight(field.astNode) ?? costWeight(type.astNode) ?? (isCompositeType(type) ? 1 : 0);
  let each: QueryCost = { objects: 0, representations: 0 };
  if (node.selectionSet && isCompositeType(type)) {
    const sizedFields = listSize?.sizedFields as string[] | undefined;
    const handed = sizedFields && listSize ? { names: sizedFields, size: expectedSize(listSize, field.args, node, walk.variables) ?? NESTED_LIST_ESTIMATE } : undefined;
    each = selectionCost(walk, node.selectionSet, type, handed);
  }
  const args = (node.arguments ?? []).reduce((sum, arg) => {
    const definition = field.args.find((a) => a.name === arg.name.value);
    return sum + (definition ? argumentCost(valueFromAst(arg.value, walk.variables), definition.type) : 0);
  }, 0);
  return { objects: count * (weight + each.objects) + args, representations: representations + count * each.representations };
}

/** A literal `@skip(if: true)` or `@include(if: false)`: demand control drops the field (variables count it). */
function skipped(node: FieldNode): boolean {
  return (node.directives ?? []).some((d) => {
    const condition = d.arguments?.find((a) => a.name.value === "if")?.value;
    if (condition?.kind !== Kind.BOOLEAN) return false;
    return d.name.value === "skip" ? condition.value : d.name.value === "include" ? !condition.value : false;
  });
}

type DirectiveArguments = Record<string, unknown>;

type DirectiveHolder = { directives?: readonly ConstDirectiveNode[] };
/** Each schema element's `@cost` and `@listSize`, read once: the schema is built once per process, costs per request. */
const directivesRead = new WeakMap<DirectiveHolder, Map<string, DirectiveArguments | undefined>>();

/** The arguments of a directive on a schema element, as plain values (the SDL's `@cost`, `@listSize`). */
function directiveArguments(node: DirectiveHolder | null | undefined, name: string): DirectiveArguments | undefined {
  if (!node) return undefined;
  let read = directivesRead.get(node);
  if (!read) directivesRead.set(node, (read = new Map()));
  if (!read.has(name)) {
    const found = node.directives?.find((d) => d.name.value === name);
    read.set(name, found && Object.fromEntries((found.arguments ?? []).map((arg) => [arg.name.value, valueFromAst(arg.value, {})])));
  }
  return read.get(name);
}

function costWeight(node: DirectiveHolder | null | undefined): number | undefined {
  const weight = directiveArguments(node, "cost")?.weight;
  return typeof weight === "number" ? weight : undefined;
}

/**
 * The size `@listSize` gives a list: the largest of its slicing arguments as the operation gives them (a
 * list's length for a list; the schema's default when the operation leaves the argument out), else its
 * `assumedSize`.
 */
function expectedSize(listSize: DirectiveArguments, args: readonly GraphQLArgument[], node: FieldNode, variables: Record<string, unknown>): number | undefined {
  const sizes: number[] = [];
  for (const name of (listSize.slicingArguments as string[] | undefined) ?? []) {
    const given = argument(node, name);
    const value = given ? valueFromAst(given.value, variables) : args.find((a) => a.name === name)?.defaultValue;
    if (typeof value === "number" && Number.isInteger(value)) sizes.push(Math.max(0, value));
    else if (Array.isArray(value)) sizes.push(value.length);
  }
  if (sizes.length > 0) return Math.max(...sizes);
  return typeof listSize.assumedSize === "number" ? listSize.assumedSize : undefined;
}

/** What an argument's value costs: 1 per input object in it (demand control scores arguments so). */
function argumentCost(value: unknown, type: GraphQLInputType): number {
  if (value === null || value === undefined) return 0;
  const nullable = getNullableType(type);
  if (isListType(nullable)) return Array.isArray(value) ? value.reduce((sum: number, item) => sum + argumentCost(item, nullable.ofType), 0) : argumentCost(value, nullable.ofType);
  if (isInputObjectType(nullable) && typeof value === "object" && !Array.isArray(value)) {
    const fields = nullable.getFields();
    return 1 + Object.entries(value as Record<string, unknown>).reduce((sum, [name, inner]) => sum + (fields[name] ? argumentCost(inner, fields[name].type) : 0), 0);
  }
  return 0;
}

function argument(node: FieldNode, name: string): ArgumentNode | undefined {
  return node.arguments?.find((arg) => arg.name.value === name);
}

/** A value in the operation (or a directive of the SDL) as JSON, variables substituted. */
function valueFromAst(value: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case Kind.VARIABLE:
      return variables[value.name.value];
    case Kind.INT:
      return Number(value.value);
    case Kind.FLOAT:
      return Number(value.value);
    case Kind.STRING:
    case Kind.ENUM:
      return value.value;
    case Kind.BOOLEAN:
      return value.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return value.values.map((item) => valueFromAst(item, variables));
    case Kind.OBJECT:
      return Object.fromEntries(value.fields.map((field) => [field.name.value, valueFromAst(field.value, variables)]));
  }
}

function listLength(arg: ArgumentNode | undefined, variables: Record<string, unknown>): number {
  const value = valueFromAst(arg?.value, variables);
  return Array.isArray(value) ? value.length : value === undefined || value === null ? 0 : 1;
}

/**
 * Refuses, before anything runs, an operation whose answer could hold more than `maxCost` objects or that
 * passes more than `maxRepresentations` representations to `_entities`: `QUERY_TOO_COMPLEX` (HTTP 400).
 * Then charges the cost to the caller's budget (`rateLimits`): over it, `RATE_LIMITED` (HTTP 429, nothing
 * runs); within it, the answer's `extensions.rateLimit` says what it cost and what is left. With a `gate`, the
 * operation first waits for room to execute (`execution-gate.ts`), which it holds until its answer is made.
 */
export function queryCostPlugin(limits: { maxCost: number; maxRepresentations: number }, rateLimits?: RateLimits, gate?: ExecutionGate): ApolloServerPlugin<HubContext> {
  const charges = new WeakMap<HubContext, Charge>();
  const releases = new WeakMap<HubContext, () => void>();
  // One listener for every request: what it keeps per request is keyed by the request's context.
  const listener: GraphQLRequestListener<HubContext> = {
    async willSendResponse({ contextValue, response }) {
      releases.get(contextValue)?.();
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
      // Waits for room before the budget is charged: a request turned away busy has cost its caller nothing.
      const release = gate ? await gate.enter(cost.objects) : undefined;
      if (release) releases.set(contextValue, release);
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
