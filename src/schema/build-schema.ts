import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLSchema, lexicographicSortSchema, parse } from "graphql";
import { buildSchema, createResolversMap } from "type-graphql";
import { applyGuards, Checks, Decisions, FEDERATION_DECISIONS, readGuardDeclarations, UnguardedSchemaError } from "../policy/shield";
import type { HubContext } from "../context/context";
import { RESOLVERS } from "../resolvers";
import { chargeListsToBudget } from "../server/response-budget";
import { checkEntityRepresentations } from "./entity-representations";

/** Federation 2 directives the subgraph uses. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])`;

/** How a federation gateway turns an entity representation into a record: the same service calls as the queries. */
const REFERENCE_RESOLVERS = {
  Agency: {
    __resolveReference: (ref: { code: string }, ctx: HubContext) => ctx.services.agencies.byCode(ref.code),
  },
  Institution: {
    __resolveReference: (ref: { id?: string; creditCode?: string }, ctx: HubContext) =>
      ref.id !== undefined ? ctx.services.institutions.byId(ref.id) : ctx.services.institutions.byCreditCode(ref.creditCode ?? ""),
  },
  Appraiser: {
    __resolveReference: (ref: { id: string }, ctx: HubContext) => ctx.services.appraisers.byId(ref.id),
  },
};

export interface HubSchema {
  /** The executable schema, guarded. */
  schema: GraphQLSchema;
  /** The schema before guards, for printing. */
  unguarded: GraphQLSchema;
  /** `Type.field` → rule name, for every field. */
  decisions: Decisions;
  /** `Type.field` → the row, write and disclosure decisions its service applies, where declared. */
  checks: Checks;
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

let cached: Promise<HubSchema> | undefined;

/**
 * Builds the Apollo Federation 2 subgraph from the type-graphql classes, then wraps it with the guards.
 * Refuses (throws `UnguardedSchemaError`) when any field lacks an authorization decision. The result holds
 * no per-caller state, so it is built once per process.
 */
export function hubSchema(): Promise<HubSchema> {
  cached ??= build();
  return cached;
}

async function build(): Promise<HubSchema> {
  const typeGraphqlSchema = await buildSchema({ resolvers: RESOLVERS as unknown as [Function, ...Function[]], validate: false, pubSub: NO_TOPICS });
  const { decisions, checks, unknownRules } = readGuardDeclarations(typeGraphqlSchema);
  if (unknownRules.length > 0) throw new UnguardedSchemaError(unknownRules);
  for (const [path, rule] of Object.entries(FEDERATION_DECISIONS)) decisions.set(path, rule);

  const unguarded = buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphqlSchema)}`),
    resolvers: mergeResolvers(createResolversMap(typeGraphqlSchema) as Record<string, object>, REFERENCE_RESOLVERS) as never,
  });
  checkEntityRepresentations(unguarded);
  return { schema: chargeListsToBudget(applyGuards(unguarded, decisions)), unguarded, decisions, checks };
}

function mergeResolvers(base: Record<string, object>, extra: Record<string, object>): Record<string, object> {
  const merged = { ...base };
  for (const [type, resolvers] of Object.entries(extra)) merged[type] = { ...(merged[type] ?? {}), ...resolvers };
  return merged;
}

/** The SDL written to `schema.graphql`: the subgraph schema, types sorted so diffs stay readable. */
export function printHubSchema(schema: HubSchema): string {
  return `${printSubgraphSchema(lexicographicSortSchema(schema.unguarded)).trim()}\n`;
}
