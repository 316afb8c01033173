#!/usr/bin/env node
/**
 * A flooding client, as it would be: a process of its own that sends `query` with `token` to `url` over
 * `concurrency` connections, back to back with no back-off, for `ms` milliseconds, then prints how many
 * answers had each HTTP status, as JSON. Used by bench/rate-limit-fairness.js and test/rate-limit.test.ts.
 *
 *   node bench/flood.js <url> <token> <query> <concurrency> <ms>
 */
const [url, token, query, concurrency, ms] = process.argv.slice(2);
const codes = {};
const until = Date.now() + Number(ms);
const loop = async () => {
  while (Date.now() < until) {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    await res.arrayBuffer();
    codes[res.status] = (codes[res.status] || 0) + 1;
  }
};
Promise.all(Array.from({ length: Number(concurrency) }, loop)).then(() => process.stdout.write(JSON.stringify(codes)));
