import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed operations for the tests: every document a test writes with `graphql(...)` from `test/gql` is checked
 * against `schema.graphql` and gets its result and variables types (`npm run codegen`; `pretest`
 * regenerates them). Scalars arrive as JSON gives them.
 */
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["test/**/*.ts", "!test/gql/**"],
  ignoreNoDocuments: true,
  generates: {
    "test/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: "string",
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: {
          CreditCode: "string",
          Date: "string",
          DateTimeISO: "string",
          JSONObject: "Record<string, unknown>",
          RegionCode: "string",
          ResidentIdNumber: "string",
        },
      },
    },
  },
};

export default config;
