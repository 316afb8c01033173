/**
 * The hub's sources run as `tsc` compiled them into `dist/` (`npm test` builds first, incrementally): the same
 * JavaScript and decorator metadata as production, compiled once per change instead of once per test file.
 * Test files themselves are only transpiled here; `tsc -p tsconfig.json` type-checks them (`pretest`).
 * `globalSetup` prepares one migrated, seeded template database per run; each test file starts from a copy.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: false }] },
  moduleNameMapper: { "^(?:\\.\\./)+src/(.*)$": "<rootDir>/dist/$1" },
  setupFiles: ["reflect-metadata"],
  globalSetup: "<rootDir>/test/support/global-setup.js",
  globalTeardown: "<rootDir>/test/support/global-teardown.js",
  testTimeout: 60000,
};
