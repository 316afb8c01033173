import { creditCodeCheckCharacter, idNumberCheckCharacter } from "../../src/domain/identifiers";
import type { TestHub } from "./test-hub";
import { graphql } from "../gql";
import type { ListingStatus, RegisterInstitutionInput } from "../gql/graphql";

/** A valid synthetic credit code in `region` whose body is derived from `n`. */
export function creditCodeFor(region: string, n: number): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let body = "";
  let x = n + 1;
  for (let i = 0; i < 9; i++) {
    body += alphabet[x % 31];
    x = Math.floor(x / 31) + i * 7;
  }
  const first17 = `91${region}${body}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** A valid synthetic resident ID number born on 1980-01-01 plus `n` days' worth of sequence. */
export function idNumberFor(region: string, n: number): string {
  const day = new Date(Date.UTC(1970, 0, 1) + (n % 15000) * 86400_000).toISOString().slice(0, 10).replace(/-/g, "");
  const first17 = `${region}${day}${String(n % 1000).padStart(3, "0")}`;
  return first17 + idNumberCheckCharacter(first17);
}

export const REGISTER_INSTITUTION = graphql(`mutation DirectoryRegisterInstitution($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id version listingStatus creditCode } replayed } }`);
export const CHANGE_LISTING = graphql(`mutation DirectoryChangeListing($id: ID!, $v: Int!, $to: ListingStatus!, $reason: String!, $on: Date, $doc: String) {
  changeListingStatus(id: $id, expectedVersion: $v, to: $to, reason: $reason, effectiveOn: $on, decisionDocNo: $doc) { id version listingStatus listedAt } }`);

/** Registers an institution as `as`; the technical fields default to PATENT. */
export async function registerInstitution(hub: TestHub, as: string, input: Omit<RegisterInstitutionInput, "technicalFields"> & Partial<Pick<RegisterInstitutionInput, "technicalFields">>) {
  return hub.graphql(REGISTER_INSTITUTION, { as, variables: { input: { technicalFields: ["PATENT"], ...input } } });
}

/** Moves an institution through the register as `as`, returning the new version. */
export async function moveListing(hub: TestHub, as: string, id: string, version: number, to: ListingStatus, on?: string) {
  const res = await hub.graphql(CHANGE_LISTING, { as, variables: { id, v: version, to, reason: `测试：${to}`, on, doc: `测〔2025〕${version}号` } });
  return res;
}

/**
 * Makes a registered institution meet the listing conditions (listing-conditions.ts), as its bureau `as`
 * would: a verified compliance with the catalogue's GB/T 45563.2—2025, and `appraisers` active appraisers
 * (ID numbers from `seed`).
 */
export async function qualifyForListing(hub: TestHub, as: string, institution: { id: string; version: number }, region: string, seed: number, appraisers = 3): Promise<number> {
  const update = await hub.graphql(`mutation($id: ID!, $v: Int!) { updateInstitution(id: $id, expectedVersion: $v, input: { standards: [{ code: "GB/T 45563.2-2025", title: "知识产权鉴定规范", verifiedBy: "测试局", verifiedOn: "2025-05-06" }] }) { version } }`, {
    as,
    variables: { id: institution.id, v: institution.version },
  });
  if (update.body.errors) throw new Error(JSON.stringify(update.body.errors));
  for (let i = 0; i < appraisers; i++) {
    const input = { institutionId: institution.id, name: `入库鉴定人${seed}-${i}`, idNumber: idNumberFor(region, seed * 10 + i), technicalFields: ["PATENT"], startedOn: "2025-01-01" };
    const res = await hub.graphql(`mutation($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { replayed } }`, { as, variables: { input } });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  }
  return (update.body.data as { updateInstitution: { version: number } }).updateInstitution.version;
}
