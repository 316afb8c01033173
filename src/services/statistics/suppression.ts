/**
 * Small-count suppression for statistics about identifiable people (an appraiser's complaints, a single
 * institution's complaints): a dashboard must not single anyone out.
 *
 * Primary suppression hides every cell with 0 < n < threshold. Because a published total minus the
 * published cells would give a lone hidden cell back, complementary suppression then hides the smallest
 * remaining non-zero cell whenever exactly one cell of a group is hidden; the total stays published, and
 * what it gives away is only the sum of two hidden cells. A total that is itself small is hidden too.
 */
export interface CountCell<K> {
  key: K;
  value: number | null;
  suppressed: boolean;
}

export interface SuppressedGroup<K> {
  cells: Array<CountCell<K>>;
  total: { value: number | null; suppressed: boolean };
}

export function suppressSmallCounts<K>(counts: ReadonlyArray<{ key: K; n: number }>, threshold: number): SuppressedGroup<K> {
  const total = counts.reduce((sum, c) => sum + c.n, 0);
  if (threshold <= 1) {
    return { cells: counts.map((c) => ({ key: c.key, value: c.n, suppressed: false })), total: { value: total, suppressed: false } };
  }
  const hidden = new Set<number>();
  counts.forEach((c, i) => {
    if (c.n > 0 && c.n < threshold) hidden.add(i);
  });
  if (hidden.size === 1) {
    // The smallest other non-zero cell; ties go to the first, so the result does not depend on chance.
    let partner = -1;
    counts.forEach((c, i) => {
      if (!hidden.has(i) && c.n > 0 && (partner < 0 || c.n < counts[partner].n)) partner = i;
    });
    if (partner >= 0) hidden.add(partner);
  }
  const totalHidden = total > 0 && total < threshold;
  return {
    cells: counts.map((c, i) => (hidden.has(i) ? { key: c.key, value: null, suppressed: true } : { key: c.key, value: c.n, suppressed: false })),
    total: totalHidden ? { value: null, suppressed: true } : { value: total, suppressed: false },
  };
}
