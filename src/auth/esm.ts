/**
 * Loads an ECMAScript-module-only package (`openid-client` 6) from this CommonJS build. TypeScript compiles
 * `import()` to `require()` under `module: commonjs`, which cannot load such a package inside Jest; a
 * function built at run time keeps a real dynamic import, which Node (and Jest's VM modules) resolve natively.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval
export const importEsm = new Function("specifier", "return import(specifier)") as <T>(specifier: string) => Promise<T>;
