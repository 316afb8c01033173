#!/usr/bin/env node
/**
 * The "mercurius + graphql-jit" contender of issue 20: the floor's schema, resolvers, DataLoaders, SQL and
 * token check (`floor.js`, shared, not copied) served by fastify and mercurius with `jit: 1`, so a query is
 * compiled by graphql-jit from its second use on. What it measures against the floor is the framework around
 * the same resolvers: fastify's routing and serialization and mercurius's document cache and executor, in
 * place of a hand-written `node:http` handler. Its `data` must equal the floor's byte for byte (checked by
 * `bench/run.js`).
 *
 *   DATABASE_URL=… PORT=… HUB_SIGNING_KEY_FILE=… JWT_ISSUER=… JWT_AUDIENCE=… node bench/peers/mercurius.js
 */
const Fastify = require("fastify");
const mercurius = require("mercurius");
const { floorFromEnv } = require("./floor");

async function main() {
  const { pool, floor } = floorFromEnv();
  // No logger: the floor logs nothing either, and a log line per request would be measured as mercurius's cost.
  const app = Fastify({ logger: false, keepAliveTimeout: 65_000 });
  app.register(mercurius, {
    // The floor's executable schema, its resolvers set on its fields: mercurius takes it as it is.
    schema: floor.schema,
    jit: 1,
    graphiql: false,
    path: "/graphql",
    // The floor's per-request context: the verified caller and fresh DataLoaders. A refused token is a 401, as in the floor.
    context: async (request) => {
      try {
        return { viewer: await floor.caller(request.headers.authorization), loaders: floor.loaders() };
      } catch (error) {
        throw new mercurius.ErrorWithProps("bad request", {}, error.status ?? 400);
      }
    },
  });
  await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
  process.send?.("ready");
  const stop = () => app.close().then(() => pool.end()).then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(`mercurius peer: ${error.stack ?? error.message}`);
  process.exit(1);
});
