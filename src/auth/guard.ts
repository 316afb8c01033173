import { Extensions } from "type-graphql";
import type { RuleName } from "./rules";

/**
 * Declares who may read a GraphQL field, next to the field.
 *
 * On a class (`@ObjectType`) it is the default for every field of the type; on a field, a query or a
 * mutation it overrides that default. The name refers to a rule of `rules.ts`. `compileGuards` turns these
 * declarations into the shield middleware and refuses to build a schema in which any field has no decision,
 * so a forgotten guard fails start-up instead of opening data.
 */
export function Guard(rule: RuleName): MethodDecorator & ClassDecorator & PropertyDecorator {
  return Extensions({ guard: rule });
}

/** Marks a field or type public on purpose (the anonymous public may read it). */
export function Public(): MethodDecorator & ClassDecorator & PropertyDecorator {
  return Guard("public");
}
