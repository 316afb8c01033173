import {
  ConstDirectiveNode,
  ConstValueNode,
  DocumentNode,
  FieldDefinitionNode,
  Kind,
  ObjectTypeDefinitionNode,
  TypeNode,
  parse,
  print,
  visit,
} from "graphql";
import { ROUTER_REQUIREMENTS, routerPolicyName } from "../policy/router-requirements";
import type { Decisions } from "../policy/shield";
import type { RuleName } from "../policy/rules";
import { DEFAULT_PAGE_SIZE } from "../services/pagination";
import { NESTED_LIST_ESTIMATE } from "../server/query-cost";
import { ENTITIES, isEntity, NULLABLE_REFERENCE_NOTE } from "./federation-entities";

/**
 * The federation version the subgraph links: v2.9 is the first with demand control's `@cost` and
 * `@listSize`, and every Apollo Router 2.x composes it.
 */
export const FEDERATION_SPEC = "https://specs.apollo.dev/federation/v2.9";
const IMPORTS = ["@key", "@shareable", "@tag", "@authenticated", "@requiresScopes", "@policy", "@cost", "@listSize"];
export const FEDERATION_LINK = `extend schema @link(url: "${FEDERATION_SPEC}", import: [${IMPORTS.map((name) => JSON.stringify(name)).join(", ")}])`;

/**
 * Types other subgraphs define too, with the same fields: Relay's plumbing. `@shareable` lets a router
 * resolve them from any subgraph that returns one.
 */
const SHAREABLE_TYPES = new Set(["PageInfo"]);

/**
 * Contract variants (`@tag`): a router's contract that includes `public` serves what the anonymous public
 * may read (the directory's public data, published credit records); `inter-agency` marks the rest.
 */
export const PUBLIC_TAG = "public";
export const INTER_AGENCY_TAG = "inter-agency";

/**
 * On the subgraph endpoint (`/subgraph`, what a router composes), the root fields and types other agencies'
 * subgraphs define for themselves carry the hub's name: a police subgraph has its own `me` and `statistics`.
 * The hub's own endpoint (`/graphql`) keeps the contract's names. README, "Running behind a router".
 */
export const SUBGRAPH_RENAMES = {
  types: { Me: "AppraisalViewer", Statistics: "AppraisalStatistics" } as Record<string, string>,
  queryFields: { me: "appraisalViewer", statistics: "appraisalStatistics" } as Record<string, string>,
};

export type SdlVariant = "hub" | "subgraph";

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
const str = (value: string): ConstValueNode => ({ kind: Kind.STRING, value });
const int = (value: number): ConstValueNode => ({ kind: Kind.INT, value: String(value) });
const bool = (value: boolean): ConstValueNode => ({ kind: Kind.BOOLEAN, value });
const list = (values: ConstValueNode[]): ConstValueNode => ({ kind: Kind.LIST, values });
function directive(directiveName: string, args: Record<string, ConstValueNode> = {}): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: name(directiveName),
    arguments: Object.entries(args).map(([arg, value]) => ({ kind: Kind.ARGUMENT, name: name(arg), value })),
  };
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}
function isList(type: TypeNode): boolean {
  return type.kind === Kind.LIST_TYPE || (type.kind === Kind.NON_NULL_TYPE && type.type.kind === Kind.LIST_TYPE);
}

function ruleOf(path: string, decisions: Decisions): RuleName {
  const rule = decisions.get(path);
  if (rule === undefined) throw new Error(`${path} has no decision`);
  return rule;
}

/** The contract tag of a field: `public` when the anonymous public may read it. */
function tagOf(path: string, decisions: Decisions): string {
  return ruleOf(path, decisions) === "public" ? PUBLIC_TAG : INTER_AGENCY_TAG;
}

/** The router's first line for a field, from the rule the hub applies to it. */
function authorizationDirectives(path: string, decisions: Decisions): ConstDirectiveNode[] {
  const rule = ruleOf(path, decisions);
  const requirement = ROUTER_REQUIREMENTS[rule];
  const directives: ConstDirectiveNode[] = [];
  if (requirement.scopes) directives.push(directive("requiresScopes", { scopes: list(requirement.scopes.map((set) => list(set.map(str)))) }));
  else if (requirement.authenticated) directives.push(directive("authenticated"));
  if (requirement.policy) directives.push(directive("policy", { policies: list([list([str(routerPolicyName(rule))])]) }));
  return directives;
}

/**
 * How many items a list field holds for demand control, the same figure the hub's own cost uses
 * (`server/query-cost.ts` reads these directives back): a connection or list takes its `first` (20 when
 * absent), sizing a connection's `edges`; any other list of objects is assumed to hold five.
 */
function listSizeDirective(field: FieldDefinitionNode, connections: ReadonlySet<string>, composite: ReadonlySet<string>): ConstDirectiveNode | undefined {
  const target = namedType(field.type);
  const sliced = field.arguments?.some((arg) => arg.name.value === "first") ?? false;
  if (connections.has(target) && sliced) {
    return directive("listSize", { slicingArguments: list([str("first")]), sizedFields: list([str("edges")]), requireOneSlicingArgument: bool(false), assumedSize: int(DEFAULT_PAGE_SIZE) });
  }
  if (!isList(field.type) || !composite.has(target)) return undefined;
  if (sliced) return directive("listSize", { slicingArguments: list([str("first")]), requireOneSlicingArgument: bool(false), assumedSize: int(DEFAULT_PAGE_SIZE) });
  return directive("listSize", { assumedSize: int(NESTED_LIST_ESTIMATE) });
}

/**
 * Adds what federation needs to the SDL type-graphql printed. Both endpoints get the entity keys and their
 * note, `@shareable` Relay plumbing and the list sizes of demand control (the hub's own cost reads them).
 * The `subgraph` variant, the one a router composes, also gets contract tags and the authorization
 * requirements mirroring the hub's rules, and the renamed root fields and types. Every directive is derived
 * from the policy and the schema itself, so none can be forgotten on a new field.
 */
export function federationSdl(document: DocumentNode, decisions: Decisions, variant: SdlVariant): DocumentNode {
  const forRouter = variant === "subgraph";
  const objects = document.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
  const connections = new Set(objects.filter((d) => d.name.value.endsWith("Connection") && d.fields?.some((f) => f.name.value === "edges")).map((d) => d.name.value));
  const composite = new Set(
    document.definitions
      .filter((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.INTERFACE_TYPE_DEFINITION || d.kind === Kind.UNION_TYPE_DEFINITION)
      .map((d) => (d as ObjectTypeDefinitionNode).name.value),
  );
  for (const typename of Object.keys(ENTITIES)) {
    if (!objects.some((d) => d.name.value === typename)) throw new Error(`entity ${typename} is not an object type of the schema`);
  }
  const renamedType = (typename: string) => (forRouter ? (SUBGRAPH_RENAMES.types[typename] ?? typename) : typename);

  const annotated = visit(document, {
    ObjectTypeDefinition(node) {
      const typename = node.name.value;
      const typeDirectives = [...(node.directives ?? [])];
      let description = node.description;
      if (isEntity(typename)) {
        for (const key of ENTITIES[typename].keys) typeDirectives.push(directive("key", { fields: str(key.join(" ")) }));
        description = { kind: Kind.STRING, value: `${description?.value ?? typename}\n\n${NULLABLE_REFERENCE_NOTE}`, block: true };
      }
      if (SHAREABLE_TYPES.has(typename)) typeDirectives.push(directive("shareable"));
      // One tag on the type when all its fields share it (the usual case), else one per field.
      const tags = new Set((node.fields ?? []).map((field) => tagOf(`${typename}.${field.name.value}`, decisions)));
      const typeTag = forRouter && tags.size === 1 && !["Query", "Mutation", "Subscription"].includes(typename) ? [...tags][0] : undefined;
      if (typeTag) typeDirectives.push(directive("tag", { name: str(typeTag) }));
      const fields = node.fields?.map((field) => {
        const path = `${typename}.${field.name.value}`;
        const fieldDirectives = [...(field.directives ?? [])];
        if (forRouter) {
          if (!typeTag) fieldDirectives.push(directive("tag", { name: str(tagOf(path, decisions)) }));
          fieldDirectives.push(...authorizationDirectives(path, decisions));
        }
        const size = connections.has(typename) && field.name.value === "edges" ? undefined : listSizeDirective(field, connections, composite);
        if (size) fieldDirectives.push(size);
        const fieldName = forRouter && typename === "Query" ? (SUBGRAPH_RENAMES.queryFields[field.name.value] ?? field.name.value) : field.name.value;
        return { ...field, name: name(fieldName), directives: fieldDirectives };
      });
      return { ...node, description, directives: typeDirectives, fields };
    },
  });
  if (!forRouter) return annotated;
  return visit(annotated, {
    ObjectTypeDefinition: (node) => ({ ...node, name: name(renamedType(node.name.value)) }),
    NamedType: (node) => ({ ...node, name: name(renamedType(node.name.value)) }),
  });
}

/** The `Type.field` a hub path has on the subgraph endpoint (for decisions, checks and resolvers). */
export function subgraphPath(typename: string, field: string): [string, string] {
  const type = SUBGRAPH_RENAMES.types[typename] ?? typename;
  return [type, typename === "Query" ? (SUBGRAPH_RENAMES.queryFields[field] ?? field) : field];
}

/** The directives a router enforces as SECURITY features (`@link(…, for: SECURITY)` in the supergraph). */
const ROUTER_AUTHORIZATION = new Set(["authenticated", "requiresScopes", "policy"]);

/**
 * The subgraph SDL without the authorization directives, for `@apollo/gateway`: it refuses a supergraph
 * that links SECURITY features it cannot enforce (an Apollo Router enforces them). The hub decides every
 * field either way; the gateway only loses the first line (`npx hub schema --subgraph --gateway`).
 */
export function withoutRouterAuthorization(sdl: string): string {
  const document = visit(parse(sdl), {
    Directive: (node) => (ROUTER_AUTHORIZATION.has(node.name.value) ? null : undefined),
    ListValue(node, _key, parent) {
      const link = parent && !Array.isArray(parent) && (parent as { name?: { value: string } }).name?.value === "import";
      return link ? { ...node, values: node.values.filter((value) => !(value.kind === Kind.STRING && ROUTER_AUTHORIZATION.has(value.value.slice(1)))) } : undefined;
    },
  });
  return `${print(document)}\n`;
}
