import { GraphQLError, GraphQLSchema } from "graphql";
import { BadUserInputError } from "../errors/errors";

/**
 * The keys a federation gateway may send in a representation, per entity type (the `@key`s of the SDL).
 * Each is checked before its reference resolver runs: a malformed representation answers BAD_USER_INPUT
 * at its own position in `_entities`, and the others in the batch still resolve.
 */
const ENTITY_KEYS: Record<string, ReadonlyArray<readonly string[]>> = {
  Agency: [["code"]],
  Institution: [["id"], ["creditCode"]],
  Appraiser: [["id"]],
};

const MAX_KEY_LENGTH = 200;
/** A key value PostgreSQL can take: no control characters (it refuses NUL in text). */
const validKey = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length <= MAX_KEY_LENGTH && !/[\u0000-\u001f\u007f]/.test(value);

/** Why a representation cannot be resolved, or null when it can. */
export function representationProblem(representation: unknown): string | null {
  if (!representation || typeof representation !== "object" || Array.isArray(representation)) return "is not an object";
  const { __typename: typename, ...keys } = representation as Record<string, unknown>;
  if (typeof typename !== "string") return "has no __typename";
  const accepted = Object.prototype.hasOwnProperty.call(ENTITY_KEYS, typename) ? ENTITY_KEYS[typename] : undefined;
  if (!accepted) return `names ${JSON.stringify(typename.slice(0, 40))}, which is not an entity of this subgraph (${Object.keys(ENTITY_KEYS).join(", ")})`;
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
