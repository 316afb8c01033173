import { ConstDirectiveNode, DirectiveNode, Kind, ObjectTypeDefinitionNode, OperationDefinitionNode, parse, print } from "graphql";
import { Viewer } from "../../src/auth/viewer";
import { ALL_SCOPES } from "../../src/auth/scopes";
import { AgencyKind } from "../../src/entities/agency-kind";
import { ROUTER_REQUIREMENTS, routerPolicyName } from "../../src/policy/router-requirements";
import * as rules from "../../src/policy/rules";
import { CALLER_RULES, type CallerRuleName, type RuleName } from "../../src/policy/rules";
import { hubSchema, printHubSchema } from "../../src/schema/build-schema";
import { queryCost } from "../../src/server/query-cost";

/**
 * The subgraph's router directives (issue 17) mirror the hub's rules: a router may only be told less than
 * the hub decides (never refuse what the hub allows), and everything a token can show (that a caller signed
 * in, which scopes it holds) it is told. Checked against the rules' own predicates for every kind of caller.
 */
const REGIONS = ["100000", "410000", "411500", "411525"];
function callers(): Viewer[] {
  const viewers: Viewer[] = [];
  const scopeSets = [[], ...ALL_SCOPES.map((scope) => [scope]), [...ALL_SCOPES]];
  for (const kind of Object.values(AgencyKind)) {
    for (const regionCode of REGIONS) {
      for (const scopes of scopeSets) {
        viewers.push(Viewer.of({ id: `${kind}-${regionCode}`, code: `${kind}-${regionCode}`.slice(0, 30), name: "x", kind, regionCode, institutionId: kind === AgencyKind.APPRAISAL_INSTITUTION ? "i" : null }, { id: "c", name: "default" }, scopes));
        viewers.push(Viewer.of({ id: `${kind}-${regionCode}`, code: `${kind}-${regionCode}`.slice(0, 30), name: "x", kind, regionCode, institutionId: null }, { id: "w", name: "web" }, scopes));
      }
    }
  }
  return viewers;
}
const signedIn = callers();
const anonymous = Viewer.anonymous();

describe("each rule's router requirement is sound and as strict as a token allows", () => {
  it.each(Object.keys(CALLER_RULES) as CallerRuleName[])("%s", (name) => {
    const decide = CALLER_RULES[name];
    const requirement = ROUTER_REQUIREMENTS[name];
    // Sound: whoever the router would refuse, the hub refuses too.
    if (requirement.authenticated || requirement.scopes) expect(decide(anonymous)).toBe(false);
    for (const viewer of signedIn) {
      const holdsSome = (requirement.scopes ?? [[]]).some((set) => set.every((scope) => viewer.scopes.has(scope)));
      if (!holdsSome) expect([viewer.agency!.code, [...viewer.scopes], decide(viewer)]).toEqual([viewer.agency!.code, [...viewer.scopes], false]);
    }
    // As strict as a token allows: refusing the public means @authenticated, needing a scope @requiresScopes,
    // and refusing some signed-in callers whatever their scopes a @policy.
    expect(!!(requirement.authenticated || requirement.scopes)).toBe(!decide(anonymous));
    for (const scope of ALL_SCOPES) {
      const needed = signedIn.every((viewer) => viewer.scopes.has(scope) || !decide(viewer));
      expect([scope, needed]).toEqual([scope, (requirement.scopes ?? []).some((set) => set.includes(scope))]);
    }
    const byRegistry = signedIn.some((viewer) => (requirement.scopes ?? [[]]).some((set) => set.every((s) => viewer.scopes.has(s))) && !decide(viewer));
    expect(!!requirement.policy).toBe(byRegistry);
  });

  it("asks only for authentication of the rules that read a row (the row is the hub's to know), which the public never passes", () => {
    const rowRules = (Object.keys(ROUTER_REQUIREMENTS) as RuleName[]).filter((name) => name !== "public" && !(name in CALLER_RULES) && name !== "subgraphSchemaReader");
    expect(rowRules.length).toBeGreaterThan(5);
    for (const name of rowRules) expect([name, ROUTER_REQUIREMENTS[name]]).toEqual([name, { authenticated: true }]);
    const row = { id: "x", code: "X", regionCode: "411500", institutionId: "x", subjectRegionCode: "411500" };
    for (const predicate of [rules.agencyAdministration, rules.institutionDetails, rules.institutionSupervisor, rules.appraiserDetails, rules.appraiserSupervisor, rules.creditSupervisor]) {
      expect([predicate.name, (predicate as (viewer: Viewer, row: unknown) => boolean)(anonymous, row)]).toEqual([predicate.name, false]);
    }
  });
});

describe("the subgraph SDL carries them on every field", () => {
  const directivesOf = (sdl: string, type: string, field: string): string[] => {
    const definition = parse(sdl).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === type)!;
    const node = definition.fields!.find((f) => f.name.value === field)!;
    return (node.directives ?? []).map((d: ConstDirectiveNode | DirectiveNode) => print(d));
  };

  it("writes each field's requirement from its rule, and a contract tag", async () => {
    const sdl = printHubSchema(await hubSchema(), "subgraph");
    expect(directivesOf(sdl, "Institution", "contactPhone")).toEqual([`@tag(name: "inter-agency")`, "@authenticated"]);
    expect(directivesOf(sdl, "Mutation", "registerAgency")).toEqual([`@tag(name: "inter-agency")`, `@requiresScopes(scopes: [["registry:admin"]])`, `@policy(policies: [["${routerPolicyName("registryAdministrator")}"]])`]);
    expect(directivesOf(sdl, "Mutation", "entrustAppraisal")).toEqual([`@tag(name: "inter-agency")`, "@authenticated", `@policy(policies: [["appraisal-hub:entruster"]])`]);
    expect(directivesOf(sdl, "Query", "institutions")).toEqual([`@tag(name: "public")`, `@listSize(slicingArguments: ["first"], sizedFields: ["edges"], requireOneSlicingArgument: false, assumedSize: 20)`]);
    expect(directivesOf(sdl, "Query", "appraisalStatistics")).toEqual([`@tag(name: "inter-agency")`, "@authenticated", `@policy(policies: [["appraisal-hub:statisticsReader"]])`]);
  });

  it("the hub's own endpoint keeps the contract's names and carries the list sizes its cost is computed from", async () => {
    const sdl = printHubSchema(await hubSchema(), "hub");
    expect(directivesOf(sdl, "Query", "me")).toEqual([]);
    expect(directivesOf(sdl, "Institution", "appraisers")).toEqual(["@listSize(assumedSize: 5)"]);
  });
});

describe("the hub's cost is the one a router's demand control computes", () => {
  const costOf = async (query: string, variables: Record<string, unknown> = {}) => {
    const { schema } = await hubSchema();
    const document = parse(query);
    return queryCost(schema, document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!, {}, variables).objects;
  };

  it.each([
    // Apollo's worked example: a connection counts 1, its edges the slicing argument, each edge and node 1, pageInfo 1.
    ["a page of ten with its pageInfo", `{ institutions(first: 10) { edges { node { id } } pageInfo { hasNextPage } } }`, {}, 1 + 10 * (1 + 1) + 1],
    ["the page size from a variable", `query($n: Int) { institutions(first: $n) { edges { node { id } } } }`, { n: 3 }, 1 + 3 * 2],
    ["no first: the assumed 20", `{ institutions { edges { cursor } } }`, {}, 1 + 20],
    ["a nested list: assumed 5", `{ institution(creditCode: "91411500MA9F3K2L21") { appraisers { name } } }`, {}, 1 + 5],
    ["scalars and __typename are free", `{ __typename institution(creditCode: "91411500MA9F3K2L21") { id name } }`, {}, 1],
    ["a literal @skip(if: true) drops the field", `{ institution(creditCode: "x") @skip(if: true) { id } me { anonymous } }`, {}, 1],
    ["an input object argument costs 1", `{ institutions(first: 1, filter: { regionCode: "411500" }) { edges { cursor } } }`, {}, 1 + 1 + 1],
    ["a mutation adds 10", `mutation { disableAgency(code: "X", expectedVersion: 1, reason: "r") { code } }`, {}, 10 + 1],
    ["a statistics section weighs its @cost, 100, in place of 1", `{ statistics(regionCode: "411500") { regionCode directory { institutionsByStatus { key } } } }`, {}, 1 + 100 + 1],
    ["verifying the audit chain weighs 1,000", `{ verifyAuditChain { ok } }`, {}, 1000],
  ])("%s", async (_name, query, variables, expected) => {
    expect(await costOf(query, variables)).toBe(expected);
  });
});
