import { Extensions } from "type-graphql";
import type { RuleName } from "./rules";

/**
 * Declares who may read a GraphQL field, next to the field.
 *
 * On a class (`@ObjectType`) it is the default for every field of the type; on a field, a query or a
 * mutation it overrides that default. The name refers to a rule of `rules.ts`. `applyGuards` turns these
 * declarations into the shield middleware and refuses to build a schema in which any field has no decision,
 * so a forgotten guard fails start-up instead of opening data.
 *
 * `checks` name the row, write and disclosure decisions the operation's service applies beyond the rule
 * (`institution.register`, `institution.visible`): they appear beside the rule in the policy listing, and
 * the load-bearing test fails when an operation applies a write decision it does not declare.
 */
export function Guard(rule: RuleName, ...checks: string[]): MethodDecorator & ClassDecorator & PropertyDecorator {
  return Extensions(checks.length > 0 ? { guard: rule, checks } : { guard: rule });
}

/** Marks a field or type public on purpose (the anonymous public may read it). */
export function Public(...checks: string[]): MethodDecorator & ClassDecorator & PropertyDecorator {
  return Guard("public", ...checks);
}
