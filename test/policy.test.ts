import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { applyGuards, policyListing, undecidedFields, UnguardedSchemaError } from "../src/policy/shield";
import { hubSchema } from "../src/schema/build-schema";

describe("authorization policy", () => {
  it("gives every field of every object type an explicit decision, federation fields included", async () => {
    const { unguarded, decisions } = await hubSchema();
    expect(undecidedFields(unguarded, decisions)).toEqual([]);
    expect(decisions.get("Query._entities")).toBe("public");
    expect(decisions.get("Query._service")).toBe("subgraphSchemaReader");
  });

  it("refuses to build a schema with a field nobody wrote a rule for", async () => {
    const { unguarded, decisions } = await hubSchema();
    const withExtraField = buildSubgraphSchema(parse(`type Query { agencyCount: Int } type Secret { value: String }`));
    expect(() => applyGuards(withExtraField, decisions)).toThrow(UnguardedSchemaError);
    try {
      applyGuards(withExtraField, decisions);
    } catch (error) {
      expect((error as UnguardedSchemaError).fields).toEqual(expect.arrayContaining(["Query.agencyCount", "Secret.value"]));
    }
    // The real schema builds.
    expect(() => applyGuards(unguarded, decisions)).not.toThrow();
  });

  it("matches the reviewed policy listing (a policy change shows up in review as a snapshot diff)", async () => {
    const { decisions, checks } = await hubSchema();
    expect(policyListing(decisions, checks).join("\n")).toMatchSnapshot();
  });
});
