import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { outboundFetch } from "../src/auth/outbound-fetch";

/**
 * What the hub fetches for an agency (a client system's `jwksUri`, an identity provider's discovery, keys
 * and token endpoint) never reaches the hub's own machine in production, whether the URL names an address or
 * a host that resolves to one; outside production a provider on loopback works (development, these tests).
 */
describe("outbound fetches", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"keys":[]}'));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Why a fetch was refused: the guard's reason (a literal's, or the lookup's code), else what happened. */
  const refusal = (done: Promise<Response>) =>
    done.then(
      (response) => `answered ${response.status}`,
      (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
    );

  it.each([
    ["http://127.0.0.1:PORT/jwks", "fetch failed: the address is not one the hub connects to"],
    ["http://localhost:PORT/jwks", "EADDRNOTALLOWED"],
    ["http://[::ffff:7f00:1]:PORT/jwks", "fetch failed: the address is not one the hub connects to"],
  ])("refuses %s in production and fetches it in development", async (template, reason) => {
    const url = template.replace("PORT", String(port));
    expect(await refusal(outboundFetch("production")(url))).toBe(reason);
    if (!url.includes("::ffff")) expect(await refusal(outboundFetch("development")(url))).toBe("answered 200");
  });

  it("refuses link-local (cloud metadata) addresses everywhere", async () => {
    expect(await refusal(outboundFetch("development")("http://169.254.169.254/latest/meta-data"))).toBe("fetch failed: the address is not one the hub connects to");
  });
});
