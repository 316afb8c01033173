/**
 * Loads an ECMAScript-module-only package (`openid-client` 6) from this CommonJS build. TypeScript compiles
 * `import()` to `require()` under `module: commonjs`, and Jest's `require` refuses ES modules: a direct
 * `eval` keeps a real dynamic import, resolved by Node (and, in tests, by Jest's VM modules for the test
 * file that runs it; a function built with `new Function` would be tied to a worker's first test file).
 */
export function importEsm<T>(specifier: string): Promise<T> {
  // eslint-disable-next-line no-eval
  return eval("import(specifier)") as Promise<T>;
}
