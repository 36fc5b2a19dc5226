/** Nearest-rank percentile of an unsorted list (ms); null for an empty list. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round2(sorted[rank]!);
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
