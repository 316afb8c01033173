import fs from "node:fs";
import path from "node:path";
import { buildSchema, findBreakingChanges } from "graphql";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { hubSchema, printHubSchema } from "../src/schema/build-schema";

describe("schema.graphql", () => {
  it("matches the schema the code builds (run `npx hub schema --write` after changing types)", async () => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "schema.graphql"), "utf8");
    const built = printHubSchema(await hubSchema());
    if (committed !== built) {
      const breaking = findBreakingChanges(buildSubgraphSchema(parse(committed)), buildSubgraphSchema(parse(built)));
      throw new Error(`schema.graphql is out of date (${breaking.length} breaking changes: ${breaking.map((c) => c.description).join("; ") || "none"}). Run: npx hub schema --write`);
    }
    expect(built).toBe(committed);
  });

  it("subgraph.graphql matches the subgraph the code builds (run `npx hub schema --subgraph --write`)", async () => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "subgraph.graphql"), "utf8");
    expect(printHubSchema(await hubSchema(), "subgraph")).toBe(committed);
  });

  it("documents every type and field for the other agencies", async () => {
    const sdl = buildSchema(printHubSchema(await hubSchema()).replace(/extend schema[\s\S]*?\)\n/, ""), { assumeValidSDL: true });
    const undocumented: string[] = [];
    for (const type of Object.values(sdl.getTypeMap())) {
      // Root operation types have no description in SDL built by type-graphql; their fields do.
      if (type.name.startsWith("__") || ["String", "Int", "Boolean", "ID", "Float", "DateTimeISO", "Query", "Mutation", "Subscription"].includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if ("getFields" in type) {
        for (const field of Object.values(type.getFields())) if (!field.description && !field.name.startsWith("_")) undocumented.push(`${type.name}.${field.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
