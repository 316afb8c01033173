import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { DocumentNode, execute, ExecutionResult, getVariableValues, GraphQLError, GraphQLSchema } from "graphql";
import { CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";

/**
 * Runs the hub's operations with graphql-jit instead of graphql-js's interpreter, behind Apollo Server
 * (issue 20): on a directory page of 100 institutions with their appraisers the interpreter's per-field
 * work and its promises were the largest part of the CPU after garbage collection, and a compiled query
 * does the same work without them. Apollo still parses, validates, applies its limits and plugins and
 * formats errors; only execution changes. The schema's own resolvers run as before, the authorization
 * middleware among them.
 *
 * Apollo Server takes an executor of its own only from a "gateway", which is what this presents to it: a
 * gateway that loads one fixed schema. An operation is compiled the first time its document is seen (Apollo
 * keeps one parsed document per query text, so a client's operation is compiled once per process).
 *
 * A request whose variables do not coerce is executed by graphql-js instead: nothing has run yet, and its
 * errors are then word for word graphql-js's, which Apollo and the hub's error contract read (BAD_USER_INPUT,
 * the field a scalar refused).
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();

  const compile = (document: DocumentNode, operationName: string | null): CompiledQuery | ExecutionResult => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? "";
    let query = byOperation.get(key);
    if (!query) byOperation.set(key, (query = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true })));
    return query;
  };

  const executor: GatewayExecutor = async ({ document, operationName, operation, request, context }) => {
    const query = compile(document, operationName);
    if (!isCompiledQuery(query)) return query;
    const result = await query.query(undefined, context, request.variables ?? {});
    if (!result.errors?.length) return result;
    // Without data, either a root field failed or the variables did not coerce, before anything ran: then
    // graphql-js runs it and words the refusal.
    if (result.data === undefined && getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors) {
      return execute({ schema, document, operationName, contextValue: context, variableValues: request.variables });
    }
    return { ...result, errors: result.errors.map(asGraphQLError) };
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      // Apollo only keeps the supergraph text to report it; the hub reports to nobody.
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors leave `extensions` undefined when the cause has none, where graphql-js's are `{}`, and
 * Apollo reads `extensions.code` of every error: made again as graphql-js makes them, with the same place.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const made = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions ?? undefined });
  (made as { locations?: GraphQLError["locations"] }).locations = error.locations;
  return made;
}
