// The p-th percentile of a set of timings, by the nearest-rank rule (the smallest value at or above p %
// of them), so every suite's p50 and p99 mean the same thing.
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
