import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { concatAST, DocumentNode, GraphQLSchema, lexicographicSortSchema, parse } from "graphql";
import { buildSchema, createResolversMap } from "type-graphql";
import { applyGuards, Checks, Decisions, FEDERATION_DECISIONS, readGuardDeclarations, UnguardedSchemaError } from "../policy/shield";
import { RESOLVERS } from "../resolvers";
import { chargeListsToBudget } from "../server/response-budget";
import { checkEntityRepresentations, referenceResolvers } from "./federation-entities";
import { FEDERATION_LINK, federationSdl, SdlVariant, subgraphPath } from "./federation-sdl";

export interface HubSchema {
  /** The executable schema, guarded. */
  schema: GraphQLSchema;
  /** The schema before guards, for printing. */
  unguarded: GraphQLSchema;
  /** `Type.field` → rule name, for every field. */
  decisions: Decisions;
  /** `Type.field` → the row, write and disclosure decisions its service applies, where declared. */
  checks: Checks;
  /**
   * The same graph as a router composes it, served at `/subgraph`: the root fields and types other
   * agencies' subgraphs define for themselves renamed (`SUBGRAPH_RENAMES`), decisions renamed with them.
   */
  subgraph: { schema: GraphQLSchema; unguarded: GraphQLSchema; decisions: Decisions };
}

/**
 * type-graphql insists on a PubSub once any subscription exists, though the hub's only subscription brings its
 * own `subscribe` (the live feed over the outbox, `push/live-events.ts`): topics are never used.
 */
const NO_TOPICS = {
  publish(): never {
    throw new Error("the hub publishes no topics: events go through the outbox");
  },
  subscribe(): never {
    throw new Error("the hub subscribes to no topics: events come from the outbox");
  },
};

const cached = new Map<boolean, Promise<HubSchema>>();

/**
 * Builds the Apollo Federation 2 subgraph from the type-graphql classes, then wraps it with the guards.
 * Refuses (throws `UnguardedSchemaError`) when any field lacks an authorization decision. The result holds
 * no per-caller state, so it is built once per process. `guards: false` leaves the shield out (the bench-only
 * `HUB_BENCH_AUTHORIZATION=off`); the coverage check still runs.
 */
export function hubSchema(options: { guards?: boolean } = {}): Promise<HubSchema> {
  const guards = options.guards ?? true;
  let schema = cached.get(guards);
  if (!schema) cached.set(guards, (schema = build(guards)));
  return schema;
}

async function build(guards: boolean): Promise<HubSchema> {
  const typeGraphqlSchema = await buildSchema({ resolvers: RESOLVERS as unknown as [Function, ...Function[]], validate: false, pubSub: NO_TOPICS });
  const { decisions, checks, unknownRules } = readGuardDeclarations(typeGraphqlSchema);
  if (unknownRules.length > 0) throw new UnguardedSchemaError(unknownRules);
  for (const [path, rule] of Object.entries(FEDERATION_DECISIONS)) decisions.set(path, rule);

  const printed = parse(printSchemaWithDirectives(typeGraphqlSchema));
  const resolvers = mergeResolvers(createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>, referenceResolvers(decisions));
  const hub = assemble(federationSdl(printed, decisions, "hub"), resolvers, decisions, guards);
  const subgraphDecisions: Decisions = new Map([...decisions].map(([path, rule]) => [subgraphPath(...(path.split(".") as [string, string])).join("."), rule]));
  const subgraph = assemble(federationSdl(printed, decisions, "subgraph"), renameResolvers(resolvers), subgraphDecisions, guards);
  return { ...hub, checks, subgraph: { ...subgraph, decisions: subgraphDecisions } };
}

/** The executable subgraph schema for an SDL: resolvers attached, representations checked, guards applied. */
function assemble(federated: DocumentNode, resolvers: ResolverMap, decisions: Decisions, guards: boolean): { schema: GraphQLSchema; unguarded: GraphQLSchema; decisions: Decisions } {
  const unguarded = buildSubgraphSchema({ typeDefs: concatAST([parse(FEDERATION_LINK), federated]), resolvers: resolvers as never });
  checkEntityRepresentations(unguarded);
  return { schema: chargeListsToBudget(guards ? applyGuards(unguarded, decisions) : unguarded), unguarded, decisions };
}

type ResolverMap = Record<string, Record<string, unknown>>;

function mergeResolvers(base: ResolverMap, extra: ResolverMap): ResolverMap {
  const merged = { ...base };
  for (const [type, resolvers] of Object.entries(extra)) merged[type] = { ...(merged[type] ?? {}), ...resolvers };
  return merged;
}

/** The resolver map under the subgraph endpoint's names (scalars and enums keep theirs). */
function renameResolvers(resolvers: ResolverMap): ResolverMap {
  const renamed: ResolverMap = {};
  for (const [type, fields] of Object.entries(resolvers)) {
    const [toType] = subgraphPath(type, "");
    if (toType === type && type !== "Query") {
      renamed[type] = fields;
      continue;
    }
    renamed[toType] = Object.fromEntries(Object.entries(fields).map(([field, resolver]) => [subgraphPath(type, field)[1], resolver]));
  }
  return renamed;
}

/**
 * The SDL of the hub's own endpoint (`schema.graphql`), or with `subgraph` the one a router composes
 * (`subgraph.graphql`); types sorted so diffs stay readable.
 */
export function printHubSchema(schema: HubSchema, variant: SdlVariant = "hub"): string {
  const unguarded = variant === "hub" ? schema.unguarded : schema.subgraph.unguarded;
  return `${printSubgraphSchema(lexicographicSortSchema(unguarded)).trim()}\n`;
}
