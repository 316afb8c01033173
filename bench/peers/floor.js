#!/usr/bin/env node
/**
 * The floor: what a careful engineer writes by hand for workloads (a) and (b) and nothing else, with the
 * answers the hub gives byte for byte. `node:http`, graphql-js over the hub's own `schema.graphql`, `pg`,
 * DataLoader per request, the token verified with the hub's key (ES256, issuer, audience, expiry) and the
 * registry row of its client system cached for a few seconds. Visibility is the court's rule of contract.md
 * (listed, suspended and removed institutions; their appraisers; published credit records), written once
 * in SQL: it is a floor for a court's reads, not a second hub.
 *
 *   DATABASE_URL=… PORT=… HUB_SIGNING_KEY_FILE=… JWT_ISSUER=… JWT_AUDIENCE=… node bench/peers/floor.js
 *
 * `FLOOR_EXECUTOR=jit` answers through graphql-jit instead of graphql-js (the "mercurius + graphql-jit"
 * contender runs the same resolvers in mercurius: `bench/peers/mercurius.js`).
 */
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const { buildSchema, parse, validate, execute } = require("graphql");
const DataLoader = require("dataloader");
const pg = require("pg");

const REGISTRY_TTL_MS = 5_000;
const ENFORCEMENT_STATUSES = ["LISTED", "SUSPENDED", "REMOVED"];
const ENFORCEMENT = new Set(["COURT", "PROCURATORATE", "POLICE"]);

function createFloor({ pool, issuer, audience, publicJwk }) {
  // The federation and cost directives are declared by the hub's tooling, not in the file: taken as valid.
  const schema = buildSchema(fs.readFileSync(path.join(__dirname, "../../schema.graphql"), "utf8"), { assumeValidSDL: true });
  const registry = new Map();
  let keyPromise;
  const key = async () => {
    const { importJWK } = await import("jose");
    keyPromise ??= importJWK(publicJwk, "ES256");
    return keyPromise;
  };

  async function caller(authorization) {
    if (!authorization?.startsWith("Bearer ")) return null;
    const { jwtVerify } = await import("jose");
    const { payload } = await jwtVerify(authorization.slice(7), await key(), { issuer, audience, algorithms: ["ES256"] });
    const [agencyCode, clientName] = String(payload.sub).split("/");
    const cacheKey = payload.sub;
    let entry = registry.get(cacheKey);
    if (!entry || entry.until < Date.now()) {
      const { rows } = await pool.query(
        `SELECT a.id, a.code, a.kind, a.region_code, a.status AS agency_status, c.status AS client_status FROM client_systems c JOIN agencies a ON a.id = c.agency_id WHERE a.code = $1 AND c.name = $2`,
        [agencyCode, clientName],
      );
      entry = { row: rows[0], until: Date.now() + REGISTRY_TTL_MS };
      registry.set(cacheKey, entry);
    }
    const row = entry.row;
    if (!row || row.agency_status !== "ACTIVE" || row.client_status !== "ACTIVE") throw Object.assign(new Error("unknown or disabled caller"), { status: 401 });
    return { agencyId: row.id, code: row.code, kind: row.kind };
  }

  function loaders() {
    const summaries = (subjectType) =>
      new DataLoader(async (ids) => {
        const { rows } = await pool.query(
          `SELECT subject_id, feedback_count, professionalism_sum, professionalism_n, report_quality_sum, report_quality_n, adopted_count, adoption_known_count
             FROM feedback_summaries WHERE subject_type = $1 AND subject_id = ANY($2::uuid[])`,
          [subjectType, ids],
        );
        const byId = new Map(rows.map((r) => [r.subject_id, r]));
        return ids.map((id) => summaryView(byId.get(id)));
      });
    return {
      appraisers: new DataLoader(async (ids) => {
        const { rows } = await pool.query(
          `SELECT id, name, status, technical_fields AS "technicalFields", qualifications, institution_id FROM appraisers WHERE institution_id = ANY($1::uuid[]) ORDER BY name, id`,
          [ids],
        );
        return ids.map((id) => rows.filter((r) => r.institution_id === id));
      }),
      creditRecords: new DataLoader(async (ids) => {
        const { rows } = await pool.query(
          `SELECT id, behaviour, severity, status, decided_on AS "decidedOn", publish_until AS "publishUntil", subject_institution_id FROM credit_records
            WHERE subject_institution_id = ANY($1::uuid[]) AND announced AND status IN ('ACTIVE', 'REPAIR_REQUESTED') AND publish_from <= current_date AND publish_until >= current_date
            ORDER BY decided_on DESC`,
          [ids],
        );
        return ids.map((id) => rows.filter((r) => r.subject_institution_id === id));
      }),
      institutionSummary: summaries("INSTITUTION"),
      appraiserSummary: summaries("APPRAISER"),
    };
  }

  const COLUMNS = `id, name, credit_code AS "creditCode", region_code AS "regionCode", listing_status AS "listingStatus", listing_level AS "listingLevel", listed_since AS "listedAt",
    technical_fields AS "technicalFields", appraisal_matters AS "appraisalMatters", credit_grade AS "creditGrade"`;
  const visible = (viewer) => (viewer && ENFORCEMENT.has(viewer.kind) ? ENFORCEMENT_STATUSES : ["LISTED"]);

  const fields = (type) => schema.getType(type).getFields();
  fields("Query").institution.resolve = async (_root, args, ctx) => {
    const { rows } = await pool.query(`SELECT ${COLUMNS} FROM institutions WHERE credit_code = $1 AND listing_status = ANY($2::text[])`, [args.creditCode, visible(ctx.viewer)]);
    return rows[0] ?? null;
  };
  fields("Query").institutions.resolve = async (_root, args, ctx) => {
    const first = Math.min(args.first ?? 20, 100);
    const after = args.after ? JSON.parse(Buffer.from(args.after, "base64url").toString("utf8")) : null;
    const params = [visible(ctx.viewer), args.filter?.listingStatus ?? null, first + 1];
    const keyset = after ? `AND (name, id) > ($4, $5::uuid)` : "";
    if (after) params.push(after[0], after[1]);
    const { rows } = await pool.query(
      `SELECT ${COLUMNS} FROM institutions WHERE listing_status = ANY($1::text[]) AND ($2::text IS NULL OR listing_status = $2) ${keyset} ORDER BY name, id LIMIT $3`,
      params,
    );
    const nodes = rows.slice(0, first);
    const edges = nodes.map((node) => ({ cursor: Buffer.from(JSON.stringify([node.name, node.id])).toString("base64url"), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null } };
  };
  fields("Institution").appraisers.resolve = (institution, _args, ctx) => ctx.loaders.appraisers.load(institution.id);
  fields("Institution").creditRecords.resolve = (institution, _args, ctx) => ctx.loaders.creditRecords.load(institution.id);
  fields("Institution").feedbackSummary.resolve = (institution, _args, ctx) => ctx.loaders.institutionSummary.load(institution.id);
  fields("Appraiser").feedbackSummary.resolve = (appraiser, _args, ctx) => ctx.loaders.appraiserSummary.load(appraiser.id);

  const documents = new Map();
  let compiled;
  async function run(body, viewer) {
    let entry = documents.get(body.query);
    if (!entry) {
      const document = parse(body.query);
      const errors = validate(schema, document);
      entry = { document, errors };
      if (process.env.FLOOR_EXECUTOR === "jit") {
        compiled ??= require("graphql-jit");
        entry.jit = compiled.compileQuery(schema, document);
      }
      documents.set(body.query, entry);
    }
    if (entry.errors.length) return { errors: entry.errors.map((e) => ({ message: e.message })) };
    const contextValue = { viewer, loaders: loaders() };
    return entry.jit ? entry.jit.query(undefined, contextValue, body.variables ?? {}) : execute({ schema, document: entry.document, variableValues: body.variables, contextValue });
  }

  return { schema, caller, loaders, run };
}

/** The hub's summary arithmetic (averages to 2 places, adoption to 3), for the fields the workloads read. */
function summaryView(row) {
  const avg = (sum, n) => (n > 0 ? Math.round((sum / n) * 100) / 100 : null);
  if (!row) return { count: 0, adoptionRate: null, averages: { professionalism: null, reportQuality: null } };
  return {
    count: row.feedback_count,
    adoptionRate: row.adoption_known_count > 0 ? Math.round((row.adopted_count / row.adoption_known_count) * 1000) / 1000 : null,
    averages: { professionalism: avg(row.professionalism_sum, row.professionalism_n), reportQuality: avg(row.report_quality_sum, row.report_quality_n) },
  };
}

/**
 * The floor as the environment configures it (DATABASE_URL, HUB_SIGNING_KEY_FILE, JWT_ISSUER, JWT_AUDIENCE):
 * its pool of 10 and the hub's public key. Shared with `mercurius.js`, so both peers run one set of
 * resolvers, loaders and SQL and differ only in the server around them.
 */
function floorFromEnv(env = process.env) {
  // Dates stay the strings PostgreSQL prints, as the hub answers them. (Set here, not on require: the bench
  // itself requires this module for `summaryView`, and its own pg clients keep pg's defaults.)
  pg.types.setTypeParser(1082, (value) => value);
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
  const jwk = JSON.parse(fs.readFileSync(env.HUB_SIGNING_KEY_FILE, "utf8"));
  const { d: _private, ...publicJwk } = jwk;
  return { pool, floor: createFloor({ pool, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, publicJwk }) };
}

async function main() {
  const { pool, floor } = floorFromEnv();
  const server = http.createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/graphql") {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", async () => {
      try {
        const viewer = await floor.caller(req.headers.authorization);
        const result = await floor.run(JSON.parse(Buffer.concat(chunks).toString("utf8")), viewer);
        const body = JSON.stringify(result);
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) }).end(body);
      } catch (error) {
        res.writeHead(error.status ?? 400, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: "bad request" }] }));
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("ready"));
  const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (require.main === module) main();
module.exports = { createFloor, floorFromEnv, summaryView };
