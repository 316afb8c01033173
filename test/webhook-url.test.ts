import { addressAllowed } from "../src/domain/network-address";
import { hostAllowed, parseWebhookUrl } from "../src/push/webhook-url";

/**
 * Where the hub may send webhooks (issue 16, "Safety"): hosts the deployment allows, never the hub's own
 * machine in production, never link-local (cloud metadata) or multicast addresses, however an address is
 * written (an IPv4 address inside an IPv6 one is judged as itself).
 */
describe("webhook destinations", () => {
  it.each([
    ["127.0.0.1", false, true],
    ["10.1.2.3", true, true],
    ["169.254.169.254", false, false],
    ["0.0.0.0", false, false],
    ["224.0.0.1", false, false],
    ["::1", false, true],
    ["::", false, false],
    ["::ffff:127.0.0.1", false, true],
    ["::ffff:7f00:1", false, true],
    ["::ffff:a9fe:a9fe", false, false],
    ["64:ff9b::7f00:1", false, true],
    ["2002:7f00:1::", false, true],
    ["::127.0.0.1", false, true],
    ["fe80::1", false, false],
    ["ff02::1", false, false],
    ["2002:a01:203::", true, true],
    ["2001:db8::1", true, true],
    ["not-an-address", false, false],
  ])("%s: production %s, development %s", (address, production, development) => {
    expect([addressAllowed(address, "production"), addressAllowed(address, "development")]).toEqual([production, development]);
  });

  it("matches the allow-list by whole names and by subdomain wildcards", () => {
    const rules = { allowedHosts: ["hooks.court.example", "*.amr.example"], env: "production" as const };
    expect(["hooks.court.example", "a.amr.example", "x.y.amr.example", "amr.example", "evilamr.example", "hooks.court.example.evil", "localhost"].map((host) => hostAllowed(host, rules))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it("refuses plain http, credentials, fragments and the hub's own machine in production", () => {
    const rules = { allowedHosts: ["hooks.court.example", "127.0.0.1", "169.254.169.254"], env: "production" as const };
    expect(parseWebhookUrl(" https://hooks.court.example/hub ", "url", rules)).toBe("https://hooks.court.example/hub");
    for (const url of ["http://hooks.court.example/hub", "https://u:p@hooks.court.example/hub", "https://hooks.court.example/hub#x", "https://127.0.0.1/hub", "https://169.254.169.254/latest", "https://[::ffff:7f00:1]/hub", "https://other.example/hub"]) {
      let refusal: any;
      try {
        parseWebhookUrl(url, "url", rules);
      } catch (error) {
        refusal = error;
      }
      expect({ url, refusal: refusal?.publicExtensions() }).toEqual({ url, refusal: { code: "BAD_USER_INPUT", field: "url" } });
    }
  });
});
