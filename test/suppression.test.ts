import { suppressSmallCounts } from "../src/services/statistics/suppression";

/** Small-count suppression: no published figure, nor any difference of them, gives back a hidden cell. */
describe("small-count suppression", () => {
  const run = (ns: number[], threshold = 3) => {
    const group = suppressSmallCounts(ns.map((n, i) => ({ key: `c${i}`, n })), threshold);
    return { cells: group.cells.map((c) => c.value), flags: group.cells.map((c) => c.suppressed), total: group.total.value };
  };

  it.each([
    // [counts, published cells, published total]
    [[10, 7, 5], [10, 7, 5], 22],
    [[10, 7, 2], [10, null, null], 19], // the 2, and the smallest other cell so 19 − 10 gives back 9, not 2
    [[10, 1, 2, 8], [10, null, null, 8], 21], // two small cells hide each other
    [[0, 0, 4], [0, 0, 4], 4], // zeros are not small counts
    [[0, 2, 0], [0, null, 0], null], // a small total is hidden too
    [[1, 1], [null, null], null],
    [[2, 3], [null, null], 5], // 5 is published: either split is possible
    [[], [], 0],
  ])("%j → cells %j, total %j", (counts, cells, total) => {
    const result = run(counts);
    expect(result.cells).toEqual(cells);
    expect(result.flags).toEqual(cells.map((c) => c === null));
    expect(result.total).toEqual(total);
  });

  it("never leaves exactly one hidden cell in a group", () => {
    for (let seed = 1; seed < 500; seed++) {
      const counts = Array.from({ length: 1 + (seed % 6) }, (_, i) => ((seed * 7919 + i * 104729) % 13) % (i % 3 === 0 ? 4 : 13));
      const { cells, total } = run(counts);
      const hidden = cells.filter((c) => c === null).length;
      if (total !== null && counts.some((n) => n > 0 && n < 3)) expect(hidden).toBeGreaterThanOrEqual(2);
      for (const [i, c] of cells.entries()) if (c !== null) expect(c).toBe(counts[i]);
    }
  });

  it("publishes everything when the threshold is 1 (suppression off)", () => {
    expect(run([1, 2, 0], 1)).toEqual({ cells: [1, 2, 0], flags: [false, false, false], total: 3 });
  });
});
