// Small statistics used by the team figures (T1): nearest-rank percentiles, means and safe ratios.

/** Nearest-rank percentile (p in 0..100) of unsorted values; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? null;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** a / b, or null when b is 0 (a rate over nothing is unknown, not 0 %). */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}
