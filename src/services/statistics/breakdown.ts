import { suppressSmallCounts } from "./suppression";

/** One cell of a breakdown: `value` is null and `suppressed` true where a small count is hidden. */
export interface StatCell {
  key: string;
  label: string;
  value: number | null;
  suppressed: boolean;
}

/** Counts of one population split by one dimension, with the population's total. */
export interface StatBreakdown {
  key: string;
  label: string;
  cells: StatCell[];
  /** The population's total; null when suppressed. Not always the sum of the cells (multi-valued fields). */
  total: number | null;
  totalSuppressed: boolean;
}

export interface Count {
  key: string;
  label: string;
  n: number;
}

/**
 * A breakdown of counts. `threshold` above 1 hides small cells (with complementary suppression) and a small
 * total; 1 publishes every count. `total` defaults to the sum of the cells; pass it when cells overlap (an
 * institution with two fields counts in both).
 */
export function breakdown(key: string, label: string, counts: Count[], threshold: number, total?: number): StatBreakdown {
  const group = suppressSmallCounts(
    counts.map((c) => ({ key: c, n: c.n })),
    threshold,
  );
  const sum = total ?? counts.reduce((s, c) => s + c.n, 0);
  const totalHidden = threshold > 1 && sum > 0 && sum < threshold;
  return {
    key,
    label,
    cells: group.cells.map((cell) => ({ key: cell.key.key, label: cell.key.label, value: cell.value, suppressed: cell.suppressed })),
    total: totalHidden ? null : sum,
    totalSuppressed: totalHidden,
  };
}

/**
 * Rows of several figures about one group each (an institution, a county): the rows whose size is small are
 * hidden whole, with complementary suppression over the sizes, so a published total cannot give them back.
 * Answers the set of hidden row keys.
 */
export function hiddenRows(rows: ReadonlyArray<{ key: string; n: number }>, threshold: number): Set<string> {
  const group = suppressSmallCounts(rows, threshold);
  return new Set(group.cells.filter((c) => c.suppressed).map((c) => c.key));
}
