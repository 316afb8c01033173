import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { RegisteredCaller, TokenVerifier } from "../src/auth/token";
import { AgencyKind } from "../src/entities/agency-kind";

/**
 * A token is verified once and then recognised (`auth/verified-tokens.ts`); what may change while it is kept
 * must still refuse it: its expiry, the keys it was verified with, the registry rows.
 */
const settings = { issuer: "hub-test", audience: "appraisal-hub", clockToleranceSeconds: 0, maxLifetimeSeconds: 3600 };

async function agencyKeys() {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  return { privateKey, jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256", use: "sig" }] } };
}

function signed(privateKey: CryptoKey | object, iat: number, exp: number) {
  return new SignJWT({ scope: "" })
    .setProtectedHeader({ alg: "ES256", kid: "k1" })
    .setIssuer("XY-PSB")
    .setAudience(settings.audience)
    .setSubject("XY-PSB/case-system")
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(privateKey as CryptoKey);
}

function registry(caller: () => RegisteredCaller) {
  return async () => caller();
}

function callerWith(jwks: RegisteredCaller["client"]["jwks"], active = true): RegisteredCaller {
  return {
    agency: { id: "a1", code: "XY-PSB", name: "信阳市公安局", kind: AgencyKind.POLICE, regionCode: "411500", institutionId: null, active: true },
    client: { id: "c1", name: "case-system", allowedScopes: [], active, jwks, jwksUri: null },
  };
}

it("recognises a verified token until it expires, and refuses it at once after", async () => {
  const { privateKey, jwks } = await agencyKeys();
  const verifier = new TokenVerifier([], settings, registry(() => callerWith(jwks)), undefined);
  const iat = 1_800_000_000;
  const token = await signed(privateKey, iat, iat + 600);
  const at = (seconds: number) => new Date((iat + seconds) * 1000);
  await expect(verifier.verify(token, at(1))).resolves.toMatchObject({ agency: { code: "XY-PSB" } });
  await expect(verifier.verify(token, at(599))).resolves.toMatchObject({ agency: { code: "XY-PSB" } });
  await expect(verifier.verify(token, at(600))).rejects.toThrow("The bearer token has expired.");
});

it("verifies a kept token afresh once the registry gives other keys, and refuses it when they do not verify it", async () => {
  const first = await agencyKeys();
  const second = await agencyKeys();
  let current = callerWith(first.jwks);
  const verifier = new TokenVerifier([], settings, registry(() => current), undefined);
  const iat = 1_800_000_000;
  const token = await signed(first.privateKey, iat, iat + 600);
  const at = new Date((iat + 5) * 1000);
  await expect(verifier.verify(token, at)).resolves.toMatchObject({ agency: { code: "XY-PSB" } });
  // The agency replaced its keys (a rotation after a leak): its old token no longer verifies.
  current = callerWith(second.jwks);
  await expect(verifier.verify(token, at)).rejects.toThrow("The bearer token's signature or claims are not valid.");
  // The same keys read again (a registry refresh) verify it afresh.
  current = callerWith(JSON.parse(JSON.stringify(first.jwks)));
  await expect(verifier.verify(token, at)).resolves.toMatchObject({ agency: { code: "XY-PSB" } });
  // A disabled client system is refused whatever was verified before.
  current = callerWith(current.client.jwks, false);
  await expect(verifier.verify(token, at)).rejects.toThrow("unknown or disabled");
});
