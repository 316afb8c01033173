import { GraphQLError, GraphQLSchema } from "graphql";
import type { HubContext } from "../context/context";
import { BadUserInputError, ForbiddenError } from "../errors/errors";
import { CALLER_RULES, isCallerRule, type RuleName } from "../policy/rules";
import type { Decisions } from "../policy/shield";

type Reference = Record<string, string>;

interface EntityDefinition {
  /** The `@key`s a gateway may send, in the order the reference resolver tries them. */
  keys: ReadonlyArray<readonly string[]>;
  /**
   * The query a reference stands in for: its rule is applied before the lookup, and its lookup is the same
   * service call, so a reference finds exactly what the query would (the row predicate, the field rules
   * and any audit of a disclosure follow from the record the service returns).
   */
  query: string;
  resolve(reference: Reference, ctx: HubContext): Promise<unknown>;
}

/**
 * The subgraph's entities: every type other agencies' subgraphs may reference by key. The SDL's `@key`
 * directives are written from this table (`federation-sdl.ts`), so the keys a gateway may send, the keys a
 * representation is checked against and the lookups cannot drift apart.
 */
export const ENTITIES: Record<string, EntityDefinition> = {
  Agency: { keys: [["code"]], query: "agency", resolve: (ref, ctx) => ctx.services.agencies.byCode(ref.code) },
  Institution: {
    keys: [["id"], ["creditCode"]],
    query: "institution",
    resolve: (ref, ctx) => (ref.id !== undefined ? ctx.services.institutions.byId(ref.id) : ctx.services.institutions.byCreditCode(ref.creditCode)),
  },
  Appraiser: { keys: [["id"]], query: "appraiser", resolve: (ref, ctx) => ctx.services.appraisers.byId(ref.id) },
  AppraisalCase: { keys: [["id"]], query: "appraisalCase", resolve: (ref, ctx) => ctx.services.appraisalCases.byId(ref.id) },
  CaseFeedback: { keys: [["id"]], query: "caseFeedback", resolve: (ref, ctx) => ctx.services.caseFeedback.byId(ref.id) },
  CreditRecord: { keys: [["id"]], query: "creditRecord", resolve: (ref, ctx) => ctx.services.creditRecords.byId(ref.id) },
  CollaborationRecord: { keys: [["id"]], query: "collaborationRecord", resolve: (ref, ctx) => ctx.services.collaborationRecords.byId(ref.id) },
  AbnormalPatentItem: { keys: [["id"]], query: "abnormalPatentItem", resolve: (ref, ctx) => ctx.services.abnormalPatents.itemById(ref.id) },
  CustodyTrademark: { keys: [["id"]], query: "custodyTrademark", resolve: (ref, ctx) => ctx.services.custodyTrademarks.byId(ref.id) },
};

/** Said in the SDL description of every entity, for the authors of the subgraphs that reference it. */
export const NULLABLE_REFERENCE_NOTE =
  "Federation entity: a reference resolves to null when the record does not exist for the caller (hidden records and unknown keys alike), so a subgraph referencing it must declare that field nullable; a non-null reference would null its whole parent.";

export const isEntity = (typename: string): boolean => Object.prototype.hasOwnProperty.call(ENTITIES, typename);

/**
 * The reference resolvers: for each entity, the rule of the query it stands in for (a caller the query
 * refuses gets FORBIDDEN at its position in `_entities`, as the query would answer), then the query's own
 * service call. Refuses to build when an entity's query is missing or decided by a rule that reads a row.
 */
export function referenceResolvers(decisions: Decisions): Record<string, { __resolveReference: (reference: Reference, ctx: HubContext) => Promise<unknown> }> {
  const resolvers: Record<string, { __resolveReference: (reference: Reference, ctx: HubContext) => Promise<unknown> }> = {};
  for (const [typename, entity] of Object.entries(ENTITIES)) {
    const rule: RuleName | undefined = decisions.get(`Query.${entity.query}`);
    if (rule === undefined) throw new Error(`entity ${typename} stands in for Query.${entity.query}, which has no decision`);
    if (rule !== "public" && !isCallerRule(rule)) throw new Error(`entity ${typename}: Query.${entity.query} is decided by ${rule}, which is not a rule about the caller alone`);
    const allowed = rule === "public" ? () => true : CALLER_RULES[rule];
    resolvers[typename] = {
      __resolveReference: async (reference, ctx) => {
        if (!allowed(ctx.viewer)) throw new ForbiddenError();
        return entity.resolve(reference, ctx);
      },
    };
  }
  return resolvers;
}

const MAX_KEY_LENGTH = 200;
/** A key value PostgreSQL can take: no control characters (it refuses NUL in text). */
const validKey = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length <= MAX_KEY_LENGTH && !/[\u0000-\u001f\u007f]/.test(value);

/** Why a representation cannot be resolved, or null when it can. */
export function representationProblem(representation: unknown): string | null {
  if (!representation || typeof representation !== "object" || Array.isArray(representation)) return "is not an object";
  const { __typename: typename, ...keys } = representation as Record<string, unknown>;
  if (typeof typename !== "string") return "has no __typename";
  if (!isEntity(typename)) return `names ${JSON.stringify(typename.slice(0, 40))}, which is not an entity of this subgraph (${Object.keys(ENTITIES).join(", ")})`;
  const accepted = ENTITIES[typename].keys;
  // The first of the entity's keys present decides: the reference resolver looks the record up by that one.
  const given = accepted.find((key) => key.every((name) => keys[name] !== undefined)) ?? accepted[0];
  const fits = given.every((name) => validKey(keys[name]));
  return fits ? null : `of ${typename} needs ${accepted.map((key) => key.map((name) => `\`${name}\``).join(" and ")).join(" or ")} as a string without control characters`;
}

/**
 * Wraps `Query._entities` so that each representation is checked first. A bad one becomes an error in its
 * own list position (graphql-js turns a returned Error into `null` with that error at `_entities.<i>`);
 * the rest go to Apollo's resolver, which calls the reference resolvers.
 */
export function checkEntityRepresentations(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return schema;
  field.resolve = (source, args: { representations: unknown[] }, context, info) => {
    const representations = Array.isArray(args.representations) ? args.representations : [];
    const problems = representations.map((representation, i) => {
      const problem = representationProblem(representation);
      return problem ? new BadUserInputError(`representations[${i}] ${problem}.`, `representations[${i}]`) : null;
    });
    const good = representations.filter((_, i) => problems[i] === null);
    const resolved = good.length > 0 ? (resolve(source, { ...args, representations: good }, context, info) as unknown[]) : [];
    let next = 0;
    return problems.map((problem): unknown => (problem as GraphQLError | null) ?? resolved[next++]);
  };
  return schema;
}
