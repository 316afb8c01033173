import { ClassType, Field, Int, ObjectType } from "type-graphql";
import { Public } from "../../policy/guard";
import type { Page } from "../../services/pagination";

/**
 * Relay's PageInfo, all four fields: other subgraphs of a federated graph define the same type, and a router
 * can only plan a field every subgraph resolving the type can answer (it is `@shareable` in the SDL).
 */
@ObjectType({ description: "Relay page information." })
@Public()
export class PageInfo {
  @Field(() => Boolean, { description: "Whether more items follow this page." })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: "Always false: pages go forward only, with `first` and `after` (Relay allows false when paging forward)." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the page's first item." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Pass as `after` to get the next page." })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  /** A getter: the count runs only when the answer selects `totalCount` (its resolver reads the property). */
  readonly totalCount: Promise<number>;
}

/**
 * Makes the Relay connection and edge types for a node type. The wrappers are public: which rows they hold
 * is decided by the service, and each node's fields by the node type's own guards.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, what: string, whatPlural = `${what}s`) {
  @ObjectType(`${name}Edge`, { description: `One ${what} and its cursor.` })
  @Public()
  class Edge {
    @Field(() => String, { description: "Opaque cursor of this item." })
    cursor: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${whatPlural} the caller may see.` })
  @Public()
  class ConnectionType {
    @Field(() => [Edge], { description: "The items of this page." })
    edges: Edge[];

    @Field(() => PageInfo, { description: "Where this page stands." })
    pageInfo: PageInfo;

    @Field(() => Int, { description: `How many ${whatPlural} the caller may see in all, with the same filter.` })
    totalCount: number;
  }
  return ConnectionType;
}

export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  return {
    edges: page.nodes.map((node, i) => ({ cursor: page.cursors[i], node })),
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: false, startCursor: page.cursors[0] ?? null, endCursor: page.cursors.at(-1) ?? null },
    get totalCount() {
      return page.totalCount();
    },
  };
}
