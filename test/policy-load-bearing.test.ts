import { policyDecisions } from "../src/policy/decision";
import { hubSchema } from "../src/schema/build-schema";
import { startTestHub, TestHub } from "./support/test-hub";
import { Caller, CALLERS, MATRIX, MatrixRow, matrixIds, Outcome, probe, Traced } from "./support/authorization-matrix";

/**
 * Every decision of the policy is load-bearing: for each named rule, row predicate, write permission and
 * disclosure decision, loosening it to "allow" (in-process, nothing edited) changes the outcome of some probe
 * of the authorization matrix. A decision no probe notices is untested or dead.
 *
 * The matrix runs once with a trace; loosening a decision can only change the probes in which it said no (or,
 * for a row predicate, was applied in SQL), so only those are run again, until one changes.
 */
let hub: TestHub;
let ids: Record<string, string>;
const baseline: Array<{ caller: Caller; entry: MatrixRow; outcome: Outcome; trace: Traced[] }> = [];

beforeAll(async () => {
  hub = await startTestHub();
  ids = await matrixIds(hub);
  for (const entry of MATRIX) {
    for (const caller of CALLERS) baseline.push({ caller, entry, ...(await probe(hub, ids, caller, entry)) });
  }
}, 300_000);
afterAll(() => hub.stop());

it("runs the matrix as expected before loosening anything", () => {
  const unexpected = baseline.filter((p) => p.outcome !== p.entry.expected[p.caller]).map((p) => `${p.entry.what} / ${p.caller}: ${p.outcome}`);
  expect(unexpected).toEqual([]);
});

const names = [...policyDecisions().keys()].sort();

it.each(names)("%s: loosening it changes an outcome of the matrix", async (name) => {
  const decision = policyDecisions().get(name)!;
  const candidates = baseline.filter((p) => p.trace.some((t) => t.name === name && t.outcome !== true));
  expect({ name, exercisedBy: candidates.length > 0 ? "some probe" : "no probe" }).toEqual({ name, exercisedBy: "some probe" });
  decision.loosened = true;
  let changed: string | undefined;
  try {
    for (const p of candidates) {
      // A probe that now fails outright (a crash where the rule kept callers out) has changed too.
      const outcome = await probe(hub, ids, p.caller, p.entry).then(
        (result) => result.outcome,
        (error: Error) => `failed: ${error.message.split("\n")[0]}`,
      );
      if (outcome !== p.outcome) {
        changed = `${p.entry.what} / ${p.caller}: ${p.outcome} → ${outcome}`;
        break;
      }
    }
  } finally {
    decision.loosened = false;
  }
  expect({ name, changed: changed ?? "nothing" }).toEqual({ name, changed: expect.stringContaining("→") });
});

it("finds every write decision an operation applies among the checks it declares", async () => {
  const { checks } = await hubSchema();
  const undeclared = new Set<string>();
  for (const p of baseline) {
    const operation = /^\s*mutation\b[^{]*\{\s*(\w+)/.exec(p.entry.query)?.[1];
    if (!operation) continue;
    const declared = checks.get(`Mutation.${operation}`) ?? [];
    for (const t of p.trace) if (t.layer === "write" && !declared.includes(t.name)) undeclared.add(`Mutation.${operation} applies ${t.name}`);
  }
  expect([...undeclared].sort()).toEqual([]);
});
