import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import {
  ASTNode,
  getNamedType,
  getVariableValues,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
  DocumentNode,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { BadUserInputError } from "../errors/errors";
import type { HubContext } from "../context/context";

/** The scalars that take any text as it comes; the hub's own scalars (codes, dates, `_Any`) check theirs. */
const PLAIN_TEXT = new Set(["String", "ID"]);
const NUL = "\u0000";

/**
 * The first input of `operation` (an argument written in the document, or a variable) that is plain text
 * (`String`, `ID`) holding U+0000, named as clients name inputs (`filter.agencyCode`,
 * `input.participantAgencyCodes[0]`); undefined when there is none.
 *
 * PostgreSQL cannot hold U+0000 in text: a lookup or filter that passed one on (an agency's code, a list
 * filter) failed there with INTERNAL_SERVER_ERROR. No record can match it and none may store it, so it is
 * refused once, here, for every operation, before anything runs.
 */
function nulInput(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): string | undefined {
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    const found = type ? inValue(variables[definition.variable.name.value], type, definition.variable.name.value) : undefined;
    if (found) return found;
  }
  let found: string | undefined;
  const typeInfo = new TypeInfo(schema);
  // The operation that runs, and the fragments it may spread.
  const runs: DocumentNode = { kind: Kind.DOCUMENT, definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION) };
  visit(
    runs,
    visitWithTypeInfo(typeInfo, {
      StringValue(node, _key, parent, _path, ancestors) {
        const type = typeInfo.getInputType();
        if (found || !type || !PLAIN_TEXT.has(getNamedType(type).name) || !node.value.includes(NUL)) return;
        found = literalPath([...ancestors, ...(parent ? [parent] : [])]) || "input";
      },
    }),
  );
  return found;
}

function inValue(value: unknown, type: GraphQLInputType, path: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (isNonNullType(type)) return inValue(value, type.ofType, path);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    for (const [i, item] of items.entries()) {
      const found = inValue(item, type.ofType, Array.isArray(value) ? `${path}[${i}]` : path);
      if (found) return found;
    }
    return undefined;
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      const found = inValue((value as Record<string, unknown>)[field.name], field.type, `${path}.${field.name}`);
      if (found) return found;
    }
    return undefined;
  }
  return PLAIN_TEXT.has(type.name) && typeof value === "string" && value.includes(NUL) ? path : undefined;
}

/** `filter.agencyCode` for a literal inside `filter: { agencyCode: "…" }`. */
function literalPath(ancestors: ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>): string {
  const names: string[] = [];
  for (const ancestor of ancestors) {
    if (Array.isArray(ancestor)) continue;
    const node = ancestor as ASTNode;
    if (node.kind === Kind.ARGUMENT) names.length = 0;
    if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) names.push(node.name.value);
  }
  return names.join(".");
}

/** Whether the variables' JSON may hold a NUL; true when it cannot be written out (nested too deep), so the full check decides. */
function variablesMayHoldNul(variables: Record<string, unknown> | undefined): boolean {
  try {
    return JSON.stringify(variables ?? {}).includes("\\u0000");
  } catch {
    return true;
  }
}

/**
 * Refuses, before anything runs, an operation with an input `nulInput` finds: BAD_USER_INPUT naming it,
 * HTTP 400 like a variable of the wrong type (nothing was executed, so a mutation leaves no audit entry).
 */
export function nulInputPlugin(): ApolloServerPlugin<HubContext> {
  const listener: GraphQLRequestListener<HubContext> = {
    async didResolveOperation({ schema, document, operation, request }) {
      if (!operation) return;
      // A NUL can only come from the query text (raw, or as a \u escape) or from the variables' JSON: without
      // either, there is nothing to look for, and the operation's inputs are not walked at all.
      const text = document.loc?.source.body;
      if (text !== undefined && !text.includes("\0") && !text.includes("\\u") && !variablesMayHoldNul(request.variables)) return;
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
      if (coerced.errors) return; // execution refuses them with a coded error of its own
      const field = nulInput(schema, document, operation, coerced.coerced);
      if (!field) return;
      const error = new BadUserInputError(`${field} must not contain the character U+0000 (NUL), which the hub cannot store.`, field);
      // Apollo reads the HTTP status of an error thrown before execution from extensions.http.
      Object.assign(error.extensions, { http: { status: 400 } });
      throw error;
    },
  };
  return { requestDidStart: async () => listener };
}
