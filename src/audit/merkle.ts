import { createHash } from "node:crypto";

/**
 * The audit log's Merkle tree, hashed as RFC 9162 (Certificate Transparency 2.0) §2.1 hashes it: a leaf is
 * SHA-256(0x00 ‖ data), an inner node SHA-256(0x01 ‖ left ‖ right), and a tree of n leaves splits at the
 * largest power of two below n. The leaf data of audit entry `seq` is the 32 bytes of its chain hash, at leaf
 * index seq − 1.
 *
 * Every hash a proof needs is the hash of a range of leaves whose left part is a complete, aligned subtree:
 * those are stored (`audit_tree_nodes`, written once by the sequencer, never changed), and the ragged right
 * edge is hashed from them. The proof functions take a `node(level, index)` lookup so that the caller can first
 * run them with `collectNodes` to learn which stored nodes it needs, read those in one query, and run again.
 */
export type Hash = Buffer;

/** A complete subtree: `level` is its height (0 = a leaf), `index` its position among the subtrees of that height. */
export type NodeLookup = (level: number, index: number) => Hash;

export function leafHash(data: Buffer): Hash {
  return createHash("sha256").update(LEAF_PREFIX).update(data).digest();
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash("sha256").update(NODE_PREFIX).update(left).update(right).digest();
}

/** The leaf hash of an audit entry, from its chain hash (hex). */
export function auditLeafHash(chainHashHex: string): Hash {
  return leafHash(Buffer.from(chainHashHex, "hex"));
}

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

/** The root of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Hash = createHash("sha256").digest();

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  // Math.log2 is exact on powers of two; bitwise tricks would stop at 2^31 leaves.
  return n > 0 && Number.isInteger(Math.log2(n));
}

/** MTH(D[start:end]); `start` is a multiple of the largest power of two not above end − start, as RFC 9162 ranges are. */
export function rangeHash(start: number, end: number, node: NodeLookup): Hash {
  const n = end - start;
  if (n <= 0) return EMPTY_ROOT;
  if (isPowerOfTwo(n) && start % n === 0) return node(Math.log2(n), start / n);
  const k = largestPowerOfTwoBelow(n);
  return nodeHash(rangeHash(start, start + k, node), rangeHash(start + k, end, node));
}

/** The root of the tree of the first `size` leaves. */
export function treeRoot(size: number, node: NodeLookup): Hash {
  return rangeHash(0, size, node);
}

/** PATH(m, D[0:size]) of RFC 9162 §2.1.3.1: the inclusion proof of leaf `leafIndex`, leaf to root. */
export function inclusionPath(leafIndex: number, size: number, node: NodeLookup): Hash[] {
  if (leafIndex < 0 || leafIndex >= size) throw new RangeError(`leaf ${leafIndex} is not in a tree of ${size}`);
  const walk = (m: number, start: number, end: number): Hash[] => {
    const n = end - start;
    if (n === 1) return [];
    const k = largestPowerOfTwoBelow(n);
    return m < start + k ? [...walk(m, start, start + k), rangeHash(start + k, end, node)] : [...walk(m, start + k, end), rangeHash(start, start + k, node)];
  };
  return walk(leafIndex, 0, size);
}

/** PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1: that the tree of `second` leaves extends the tree of `first`. */
export function consistencyPath(first: number, second: number, node: NodeLookup): Hash[] {
  if (first < 0 || first > second) throw new RangeError(`no consistency proof from ${first} to ${second}`);
  if (first === 0 || first === second) return [];
  const sub = (m: number, start: number, end: number, complete: boolean): Hash[] => {
    const n = end - start;
    if (m === n) return complete ? [] : [rangeHash(start, end, node)];
    const k = largestPowerOfTwoBelow(n);
    return m <= k ? [...sub(m, start, start + k, complete), rangeHash(start + k, end, node)] : [...sub(m - k, start + k, end, false), rangeHash(start, start + k, node)];
  };
  return sub(first, 0, second, true);
}

/**
 * Runs `compute` once with placeholder hashes to learn which stored nodes it reads: the proofs' shapes depend on
 * the sizes alone, never on the hashes.
 */
export function collectNodes(compute: (node: NodeLookup) => unknown): Array<{ level: number; index: number }> {
  const wanted = new Map<string, { level: number; index: number }>();
  compute((level, index) => {
    wanted.set(`${level}:${index}`, { level, index });
    return PLACEHOLDER;
  });
  return [...wanted.values()];
}

const PLACEHOLDER = Buffer.alloc(32);

/** A lookup over nodes read from the store; a node it was not given is a bug, not a hash to guess. */
export function lookupFrom(nodes: Iterable<{ level: number; index: number; hash: Hash }>): NodeLookup {
  const byKey = new Map<string, Hash>();
  for (const n of nodes) byKey.set(`${n.level}:${n.index}`, n.hash);
  return (level, index) => {
    const hash = byKey.get(`${level}:${index}`);
    if (!hash) throw new Error(`audit tree node ${level}:${index} is missing`);
    return hash;
  };
}

const half = (n: number) => Math.floor(n / 2);

/**
 * The walk RFC 9162's two verifiers share (§2.1.3.2, §2.1.4.2): `fn` and `sn` start at the node's and the last
 * node's indexes; for each hash of `path`, `step` is told whether it is the left sibling at that level. Answers
 * the final `sn` (0 for a path exactly as long as the tree is high), or undefined for a longer path.
 */
function walkPath(fn: number, sn: number, path: Hash[], step: (hash: Hash, left: boolean) => void): number | undefined {
  for (const hash of path) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      step(hash, true);
      while (fn % 2 === 0 && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      step(hash, false);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn;
}

/** RFC 9162 §2.1.3.2: whether `path` proves leaf `leafIndex` (hash `leaf`) is in the tree of `size` leaves with root `root`. */
export function verifyInclusion(leafIndex: number, size: number, leaf: Hash, path: Hash[], root: Hash): boolean {
  if (leafIndex < 0 || leafIndex >= size) return false;
  let r = leaf;
  const end = walkPath(leafIndex, size - 1, path, (hash, left) => (r = left ? nodeHash(hash, r) : nodeHash(r, hash)));
  return end === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: whether `path` proves the tree of `second` leaves (root `secondRoot`) extends the tree of `first` (root `firstRoot`). */
export function verifyConsistency(first: number, second: number, firstRoot: Hash, secondRoot: Hash, path: Hash[]): boolean {
  if (first < 0 || first > second) return false;
  if (first === second) return path.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return path.length === 0;
  const proof = isPowerOfTwo(first) ? [firstRoot, ...path] : [...path];
  if (proof.length === 0) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = proof[0];
  let sr = proof[0];
  const end = walkPath(fn, sn, proof.slice(1), (hash, left) => {
    if (left) {
      fr = nodeHash(hash, fr);
      sr = nodeHash(hash, sr);
    } else {
      sr = nodeHash(sr, hash);
    }
  });
  return end === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}

/**
 * The right edge of a growing tree (its complete subtrees, largest first, as a compact range): appending a leaf
 * yields the complete subtrees it finishes, which are the nodes the sequencer stores.
 */
export class MerkleFrontier {
  private constructor(
    private size: number,
    /** hashes by level, for the levels whose bit is set in `size` */
    private readonly edges: Map<number, Hash>,
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, new Map());
  }

  /** The levels and indexes of the frontier of a tree of `size` leaves: one complete subtree per bit set in `size`. */
  static nodesOf(size: number): Array<{ level: number; index: number }> {
    const nodes: Array<{ level: number; index: number }> = [];
    for (let level = 0; 2 ** level <= size; level++) {
      const count = Math.floor(size / 2 ** level);
      if (count % 2 === 1) nodes.push({ level, index: count - 1 });
    }
    return nodes;
  }

  static of(size: number, node: NodeLookup): MerkleFrontier {
    return new MerkleFrontier(size, new Map(MerkleFrontier.nodesOf(size).map(({ level, index }) => [level, node(level, index)])));
  }

  /** A copy to extend: the sequencer keeps the original until its transaction commits. */
  clone(): MerkleFrontier {
    return new MerkleFrontier(this.size, new Map(this.edges));
  }

  get treeSize(): number {
    return this.size;
  }

  /** Appends a leaf; answers the nodes it completes, the leaf first. */
  append(leaf: Hash): Array<{ level: number; index: number; hash: Hash }> {
    const made = [{ level: 0, index: this.size, hash: leaf }];
    let hash = leaf;
    let level = 0;
    let index = this.size;
    while (index % 2 === 1) {
      const left = this.edges.get(level)!;
      this.edges.delete(level);
      hash = nodeHash(left, hash);
      level += 1;
      index = Math.floor(index / 2);
      made.push({ level, index, hash });
    }
    this.edges.set(level, hash);
    this.size += 1;
    return made;
  }

  /** The root of the tree so far (the frontier folded right to left). */
  root(): Hash {
    const levels = [...this.edges.keys()].sort((a, b) => a - b);
    if (levels.length === 0) return EMPTY_ROOT;
    let hash = this.edges.get(levels[0])!;
    for (const level of levels.slice(1)) hash = nodeHash(this.edges.get(level)!, hash);
    return hash;
  }
}
