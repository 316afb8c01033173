import { createHash } from "node:crypto";
import { collectNodes, consistencyPath, inclusionPath, leafHash, lookupFrom, MerkleFrontier, treeRoot, verifyConsistency, verifyInclusion } from "../src/audit/merkle";

// RFC 6962's test leaves and the roots, paths and proofs Certificate Transparency's implementations check against.
const RFC_LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map((h) => Buffer.from(h, "hex"));
const RFC_ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

function grow(leaves: Buffer[]) {
  const frontier = MerkleFrontier.empty();
  const nodes = [];
  const roots: Buffer[] = [];
  for (const leaf of leaves) {
    nodes.push(...frontier.append(leafHash(leaf)));
    roots.push(frontier.root());
  }
  return { node: lookupFrom(nodes), roots, nodes };
}

const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString("hex"));

describe("the audit log's Merkle tree (RFC 9162 hashing)", () => {
  const rfc = grow(RFC_LEAVES);

  it("gives RFC 6962's roots, as the frontier grows and from the stored nodes", () => {
    expect(hex(rfc.roots)).toEqual(RFC_ROOTS);
    expect(RFC_ROOTS.map((_, i) => treeRoot(i + 1, rfc.node).toString("hex"))).toEqual(RFC_ROOTS);
    expect(RFC_ROOTS.map((_, i) => MerkleFrontier.of(i + 1, rfc.node).root().toString("hex"))).toEqual(RFC_ROOTS);
  });

  it("gives RFC 6962's inclusion and consistency proofs", () => {
    expect(hex(inclusionPath(0, 8, rfc.node))).toEqual([
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]);
    expect(hex(inclusionPath(5, 8, rfc.node))).toEqual([
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
    expect(hex(consistencyPath(6, 8, rfc.node))).toEqual([
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
  });

  it("verifies every inclusion and consistency proof of trees up to 70 leaves, and no proof of another leaf or root", () => {
    const leaves = Array.from({ length: 70 }, (_, i) => createHash("sha256").update(String(i)).digest());
    const { node, roots } = grow(leaves);
    let verified = 0;
    for (let size = 1; size <= 70; size++) {
      for (let m = 0; m < size; m++) {
        const path = inclusionPath(m, size, node);
        expect(verifyInclusion(m, size, node(0, m), path, roots[size - 1])).toBe(true);
        if (size > 1) expect(verifyInclusion(m, size, node(0, (m + 1) % size), path, roots[size - 1])).toBe(false);
        expect(verifyInclusion(m, size, node(0, m), path, roots[size % 70])).toBe(false);
        verified++;
      }
      for (let first = 1; first <= size; first++) {
        const proof = consistencyPath(first, size, node);
        expect(verifyConsistency(first, size, roots[first - 1], roots[size - 1], proof)).toBe(true);
        if (first < size) {
          expect(verifyConsistency(first, size, roots[first % size], roots[size - 1], proof)).toBe(false);
          expect(verifyConsistency(first, size, roots[first - 1], roots[first - 1], proof)).toBe(false);
        }
        verified++;
      }
    }
    expect(verified).toBe(2 * ((70 * 71) / 2));
  });

  it("reads only O(log² n) stored nodes for a proof, named before they are read", () => {
    const wanted = collectNodes((node) => consistencyPath(13, 1_000_000, node));
    expect(wanted.length).toBeGreaterThan(0);
    expect(wanted.length).toBeLessThanOrEqual(20 * 20);
    const inclusion = collectNodes((node) => inclusionPath(999_998, 1_000_000, node));
    expect(inclusion.length).toBeLessThanOrEqual(40);
  });
});
