import { GraphQLSchema, isIntrospectionType, isObjectType } from "graphql";
import { applyMiddleware, IMiddleware, IMiddlewareFunction } from "graphql-middleware";
import { deny, shield } from "graphql-shield";
import type { IRules } from "graphql-shield/typings/types";
import { ForbiddenError } from "../errors/errors";
import { isRuleName, RULE_DELEGATES, RuleName, RULES, SyncCheck, syncCheckOf } from "./rules";
import type { HubContext } from "../context/context";
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
 * Wraps the schema so that every non-public field is checked, and refuses a schema with an undecided field.
 *
 * Shield wraps every field (falling back to a deny rule) in a rule evaluation that always answers a promise,
 * which makes every guarded field asynchronous: on a directory page of 100 institutions × 10 appraisers that
 * is thousands of promises, a quarter of the request's CPU (issue 20). Most rules need nothing but the caller
 * and the row (`syncCheckOf`): those fields get a plain check in the resolver's own turn, which throws the same
 * FORBIDDEN before the resolver runs. Shield keeps the rules that read the database, and its deny fallback
 * for any field that neither covers; fields decided `public` on purpose are left unwrapped. The coverage check
 * guarantees every field has an explicit decision.
 */
export function applyGuards(schema: GraphQLSchema, decisions: Decisions): GraphQLSchema {
  const missing = undecidedFields(schema, decisions);
  if (missing.length > 0) throw new UnguardedSchemaError(missing);

  const ruleTree: Record<string, Record<string, (typeof RULES)[RuleName]>> = {};
  const checked: Record<string, Record<string, IMiddlewareFunction>> = {};
  for (const [path, ruleName] of decisions) {
    if (ruleName === "public") continue;
    const [typeName, fieldName] = path.split(".");
    if (!schema.getType(typeName)) continue;
    const check = syncCheckOf(RULES[ruleName]);
    if (check) (checked[typeName] ??= {})[fieldName] = checkedField(check);
    else (ruleTree[typeName] ??= {})[fieldName] = RULES[ruleName];
  }
  const generator = shield(ruleTree as IRules, {
    fallbackRule: deny,
    fallbackError: () => new ForbiddenError(),
    allowExternalErrors: true,
    debug: false,
  });
  const middleware = generator.generate(schema) as Record<string, Record<string, unknown>>;
  const guards: Record<string, Record<string, unknown>> = {};
  for (const [typeName, fields] of Object.entries(middleware)) {
    for (const [fieldName, fieldMiddleware] of Object.entries(fields)) {
      const path = `${typeName}.${fieldName}`;
      if (decisions.get(path) === "public") continue;
      (guards[typeName] ??= {})[fieldName] = fieldMiddleware;
    }
  }
  for (const [typeName, fields] of Object.entries(checked)) Object.assign((guards[typeName] ??= {}), fields);
  return applyMiddleware(schema, guards as IMiddleware);
}

/** A field guarded by a synchronous rule: FORBIDDEN unless it allows, else the resolver, in the same turn. */
function checkedField(check: SyncCheck): IMiddlewareFunction {
  return (resolve, parent, args, ctx, info) => {
    if (!check(parent, ctx as HubContext)) throw new ForbiddenError();
    return resolve(parent, args, ctx, info);
  };
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
