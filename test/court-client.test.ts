import { generateClientKeys, institutionCredentials, publicJwks, signToken } from "../examples/court-client/court-client";
import { todayInChina } from "../src/domain/local-date";
import { startTestHub, TestHub } from "./support/test-hub";

/**
 * The README's "Connect your system", end to end over HTTP with the example client (`examples/court-client`):
 * the province bureau registers a new court and its system with the court's public keys; the court signs its
 * own token and reads an institution's credentials for a case.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ transport: "http" });
});
afterAll(() => hub.stop());

const ADMIN = { as: "HA-AMR", scopes: ["registry:admin", "clients:manage"] };

it("connects a new court's case system in five steps", async () => {
  // 1. The bureau registers the court (its system follows with the keys of step 3).
  const agency = await hub.graphql(`mutation { registerAgency(input: { code: "ZZ-ZY", name: "郑州市中级人民法院", kind: COURT, regionCode: "410100", parentCode: "HA-AMR" }) { agency { code } } }`, ADMIN);
  expect(agency.body.errors).toBeUndefined();
  // 2. The court makes its key pair; 3. its JWKS is registered with its client system.
  const keys = await generateClientKeys("zz-zy-1");
  const jwks = JSON.stringify(await publicJwks(keys));
  const client = await hub.graphql(`mutation($jwks: String!) { registerClientSystem(input: { idempotencyKey: "zz-zy-case", agencyCode: "ZZ-ZY", name: "case-system", jwks: $jwks }) { clientSystem { name } } }`, {
    ...ADMIN,
    variables: { jwks },
  });
  expect(client.body.errors).toBeUndefined();
  // 4. The court signs its own token; 5. it reads the credentials for its case.
  const token = await signToken(keys, { agency: "ZZ-ZY", client: "case-system", audience: hub.config.jwt.audience });
  const credentials = await institutionCredentials(hub.url, token, { creditCode: "91411500MA9F3K2L21", day: todayInChina(), caseRef: "（2025）豫01知民初1号" });
  expect(credentials.institution).toMatchObject({ creditCode: "91411500MA9F3K2L21", listingStatus: "LISTED", listedOnDay: "LISTED", technicalFields: expect.arrayContaining(["PATENT"]) });
  expect(credentials.institution!.appraisers!.length).toBeGreaterThan(0);
  // A key the hub does not know is refused, with the reason.
  const stranger = await signToken(await generateClientKeys("zz-zy-1"), { agency: "ZZ-ZY", client: "case-system", audience: hub.config.jwt.audience });
  await expect(institutionCredentials(hub.url, stranger, { creditCode: "91411500MA9F3K2L21", day: todayInChina(), caseRef: "x" })).rejects.toThrow(/401: UNAUTHENTICATED/);
});
