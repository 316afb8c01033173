import { GraphQLSchema, isIntrospectionType, isObjectType } from "graphql";
import { applyMiddleware, IMiddleware } from "graphql-middleware";
import { deny, shield } from "graphql-shield";
import type { IRules } from "graphql-shield/typings/types";
import { ForbiddenError } from "../errors/errors";
import { isRuleName, RULE_DELEGATES, RuleName, RULES } from "./rules";
import { policyDecisions } from "./decision";
import "./index";

/** `Type.field` → the rule that decides it. */
export type Decisions = Map<string, RuleName>;
/** `Type.field` → the row, write and disclosure decisions its service applies (declared with `@Guard`). */
export type Checks = Map<string, string[]>;

/**
 * Decisions for fields that the schema gets from Apollo Federation rather than from our classes. A gateway
 * reads `_service` to compose the supergraph: the router and registry administrators (and any agency while
 * introspection is on); `_entities` is open because each entity's reference resolver applies the same row
 * checks as the query it stands in for, and the entity's own field rules still apply.
 */
export const FEDERATION_DECISIONS: Record<string, RuleName> = {
  "Query._service": "subgraphSchemaReader",
  "Query._entities": "public",
  "_Service.sdl": "subgraphSchemaReader",
};

/**
 * Reads the `@Guard` declarations of a type-graphql schema (type defaults and field overrides) into a flat
 * map. Run it on the schema type-graphql built: federation rebuilds the schema from SDL and drops
 * extensions.
 */
export function readGuardDeclarations(schema: GraphQLSchema): { decisions: Decisions; checks: Checks; unknownRules: string[] } {
  const decisions: Decisions = new Map();
  const checks: Checks = new Map();
  const unknownRules: string[] = [];
  const known = policyDecisions();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const typeDefault = type.extensions?.guard;
    for (const field of Object.values(type.getFields())) {
      const declared = field.extensions?.guard ?? typeDefault;
      if (declared === undefined) continue;
      if (!isRuleName(declared)) unknownRules.push(`${type.name}.${field.name} → ${String(declared)}`);
      else decisions.set(`${type.name}.${field.name}`, declared);
      const declaredChecks = (field.extensions?.checks ?? []) as string[];
      for (const name of declaredChecks) {
        if (!known.has(name) || known.get(name)!.layer === "rule") unknownRules.push(`${type.name}.${field.name} checks ${name}`);
      }
      if (declaredChecks.length > 0) checks.set(`${type.name}.${field.name}`, [...declaredChecks].sort());
    }
  }
  return { decisions, checks, unknownRules };
}

/** Every field of every object type in `schema` that has no decision. */
export function undecidedFields(schema: GraphQLSchema, decisions: Decisions): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.keys(type.getFields())) {
      if (!decisions.has(`${type.name}.${field}`)) missing.push(`${type.name}.${field}`);
    }
  }
  return missing.sort();
}

export class UnguardedSchemaError extends Error {
  constructor(readonly fields: string[]) {
    super(`every field needs an authorization decision (@Guard or @Public); missing: ${fields.join(", ")}`);
    this.name = "UnguardedSchemaError";
  }
}

/**
 * Wraps the schema with graphql-shield so that every non-public field is checked, and refuses a schema with
 * an undecided field.
 *
 * Shield itself wraps every field (falling back to a deny rule), and those async wrappers cost a large part
 * of throughput. Because the coverage check guarantees every field has an explicit decision, the fields
 * decided `public` on purpose are taken out of the generated middleware; every other field keeps shield's
 * wrapper, including, should the check ever be bypassed, the deny fallback.
 */
export function applyGuards(schema: GraphQLSchema, decisions: Decisions): GraphQLSchema {
  const missing = undecidedFields(schema, decisions);
  if (missing.length > 0) throw new UnguardedSchemaError(missing);

  const ruleTree: Record<string, Record<string, (typeof RULES)[RuleName]>> = {};
  for (const [path, ruleName] of decisions) {
    if (ruleName === "public") continue;
    const [typeName, fieldName] = path.split(".");
    if (!schema.getType(typeName)) continue;
    (ruleTree[typeName] ??= {})[fieldName] = RULES[ruleName];
  }
  const generator = shield(ruleTree as IRules, {
    fallbackRule: deny,
    fallbackError: () => new ForbiddenError(),
    allowExternalErrors: true,
    debug: false,
  });
  const middleware = generator.generate(schema) as IMiddleware;
  const pruned: IMiddleware = {};
  for (const [typeName, fields] of Object.entries(middleware)) {
    const kept: Record<string, unknown> = {};
    for (const [fieldName, fieldMiddleware] of Object.entries(fields as Record<string, unknown>)) {
      if (decisions.get(`${typeName}.${fieldName}`) !== "public") kept[fieldName] = fieldMiddleware;
    }
    if (Object.keys(kept).length > 0) (pruned as Record<string, unknown>)[typeName] = kept;
  }
  return applyMiddleware(schema, pruned);
}

/**
 * The reviewed policy listing, the whole policy in one text: one line per field, `Type.field: rule`, with the
 * checks its service applies (`+ institution.register, institution.visible`); then every named decision with
 * its layer and who it allows.
 */
export function policyListing(decisions: Decisions, checks: Checks = new Map()): string[] {
  const fields = [...decisions.entries()].map(([path, rule]) => {
    const applied = checks.get(path);
    return applied ? `${path}: ${rule} + ${applied.join(", ")}` : `${path}: ${rule}`;
  });
  const named = [...policyDecisions().values()].map((d) => `[${d.layer}] ${d.name}: ${d.summary}`);
  for (const [rule, delegate] of Object.entries(RULE_DELEGATES)) named.push(`[rule] ${rule} = ${delegate}`);
  return [...fields.sort(), "", "# Decisions", ...named.sort()];
}
