// Pearson's correlation coefficient, the basis of the item discrimination index.
// Two passes (means first, then centred sums) rather than the one-pass Σxy − n·x̄·ȳ
// formula: with scores in 0..1 the one-pass version cancels catastrophically and turns
// a constant column into a tiny non-zero variance, i.e. a meaningless ±1.

/** Below this a centred sum of squares is treated as zero: every value is (almost) the same. */
const FLAT = 1e-12;

/** r in −1..1, or null when it is undefined: fewer than `minPairs` pairs, or a constant series. */
export function pearson(xs: readonly number[], ys: readonly number[], minPairs = 3): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < Math.max(2, minPairs)) return null;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    sumX += xs[i]!;
    sumY += ys[i]!;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - meanX;
    const dy = ys[i]! - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx < FLAT || syy < FLAT) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  // Rounding can land a hair outside −1..1 or a hair below 0 for an uncorrelated item,
  // which would flip the "ambiguous" hint on noise.
  if (Math.abs(r) < 1e-9) return 0;
  return Math.max(-1, Math.min(1, r));
}
