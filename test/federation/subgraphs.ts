import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";

/**
 * Two subgraphs other agencies would run beside the hub, written for the tests (issue 17):
 *
 * - a court's case subgraph, whose cases reference the hub's appraisal cases, institutions and appraisers
 *   (nullable, as the hub's entity descriptions ask);
 * - a police subgraph with its own Relay `PageInfo`, `me` and `statistics`, the names that collided with the
 *   hub's before the hub's subgraph renamed its own.
 */
export const COURT_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])

  type Query {
    "The court's own cases, with the hub's records they refer to."
    courtCases: [CourtCase!]!
  }

  type CourtCase @key(fields: "id") {
    id: ID!
    caseNumber: String!
    "The appraisal the court entrusted through the hub: null when it does not exist for the caller."
    appraisal: AppraisalCase
    institution: Institution
    appraiser: Appraiser
  }

  type AppraisalCase @key(fields: "id", resolvable: false) { id: ID! }
  type Institution @key(fields: "id", resolvable: false) { id: ID! }
  type Appraiser @key(fields: "id", resolvable: false) { id: ID! }
`;

export const POLICE_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable"])

  type Query {
    me: Officer
    statistics(regionCode: String): PoliceStatistics
    policeCases(first: Int, after: String): PoliceCaseConnection
  }

  type Officer { badge: String!, name: String! }
  type PoliceStatistics { casesOpened: Int! }

  type PageInfo @shareable {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  type PoliceCaseConnection { edges: [PoliceCaseEdge!]!, pageInfo: PageInfo! }
  type PoliceCaseEdge { cursor: String!, node: PoliceCase! }
  type PoliceCase @key(fields: "id") {
    id: ID!
    title: String!
    "The collaboration record of the case's transfer, in the hub."
    transfer: CollaborationRecord
  }
  type CollaborationRecord @key(fields: "id", resolvable: false) { id: ID! }
`;

export interface CourtCaseRow {
  id: string;
  caseNumber: string;
  appraisalId?: string;
  institutionId?: string;
  appraiserId?: string;
}

export interface RunningSubgraph {
  url: string;
  stop(): Promise<void>;
}

async function serve(typeDefs: string, resolvers: Record<string, unknown>): Promise<RunningSubgraph> {
  const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers: resolvers as never }), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  return { url, stop: () => server.stop() };
}

/** The court's subgraph on a free loopback port, serving `cases`. */
export function startCourtSubgraph(cases: () => CourtCaseRow[]): Promise<RunningSubgraph> {
  const ref = (typename: string, id: string | undefined) => (id ? { __typename: typename, id } : null);
  return serve(COURT_SDL, {
    Query: { courtCases: () => cases() },
    CourtCase: {
      appraisal: (c: CourtCaseRow) => ref("AppraisalCase", c.appraisalId),
      institution: (c: CourtCaseRow) => ref("Institution", c.institutionId),
      appraiser: (c: CourtCaseRow) => ref("Appraiser", c.appraiserId),
    },
  });
}

/** The police subgraph on a free loopback port; its one case refers to the hub's collaboration record `transferId`. */
export function startPoliceSubgraph(transferId: () => string): Promise<RunningSubgraph> {
  return serve(POLICE_SDL, {
    Query: {
      me: () => ({ badge: "410001", name: "值班民警" }),
      statistics: () => ({ casesOpened: 3 }),
      policeCases: () => ({
        edges: [{ cursor: "c1", node: { id: "p1", title: "涉嫌侵犯商标专用权案", transfer: { __typename: "CollaborationRecord", id: transferId() } } }],
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: "c1", endCursor: "c1" },
      }),
    },
  });
}
