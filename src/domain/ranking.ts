// Ranking formulas. Pure functions: no I/O, no clock.

/** z for a two-sided 95 % interval. */
export const WILSON_Z = 1.959964;

/**
 * Lower bound of the Wilson score interval for the share of "yes" among yes + no votes.
 *
 * Source: E. B. Wilson, "Probable inference, the law of succession, and statistical inference",
 * JASA 22 (1927) 209–212; popularised for ranking by Evan Miller, "How Not To Sort By Average Rating"
 * (2009). Unlike yes − no or yes / total it does not let one lucky vote outrank a hundred honest ones.
 * Returns 0 with no votes.
 */
export function helpfulScore(yes: number, no: number, z: number = WILSON_Z): number {
  const n = yes + no;
  // No one found it helpful: exactly 0, so ties fall to the next sort key instead of float noise.
  if (yes <= 0 || n <= 0) return 0;
  const p = yes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n);
  const lower = (centre - margin) / (1 + z2 / n);
  // Guard floating-point noise at the edges (e.g. -1e-17 for yes = 0).
  return Math.min(1, Math.max(0, lower));
}

/**
 * Bayesian average of a title's ratings: (v/(v+m))·R + (m/(v+m))·C.
 * v = number of ratings, R = their mean, C = the mean of all ratings on the instance, m = prior weight.
 * Source: the formula IMDb published for its Top 250 ("weighted rating"). A title with few ratings is
 * pulled towards the instance mean, so three 10s do not outrank a thousand 9s.
 * Returns null when there is nothing to average (no ratings here and none on the instance).
 */
export function weightedScore(count: number, mean: number | null, instanceMean: number | null, m: number): number | null {
  if (count <= 0 || mean === null) return instanceMean === null || m <= 0 ? null : instanceMean;
  if (instanceMean === null || m <= 0) return mean;
  return (count / (count + m)) * mean + (m / (count + m)) * instanceMean;
}

/** Histogram keys "1" … "10"; a rating r counts in floor(r) (so 10 is its own bucket). */
export type Histogram = Record<'1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10', number>;

export function emptyHistogram(): Histogram {
  return { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 0, '9': 0, '10': 0 };
}

export function histogramBucket(rating: number): keyof Histogram {
  const b = Math.min(10, Math.max(1, Math.floor(rating)));
  return String(b) as keyof Histogram;
}

export function histogramOf(ratings: Iterable<number>): Histogram {
  const h = emptyHistogram();
  for (const r of ratings) h[histogramBucket(r)] += 1;
  return h;
}

export interface Score {
  count: number;
  mean: number | null;
  weighted: number | null;
  histogram: Histogram;
}

/** Builds a title's Score from its stored aggregate (count, sum, histogram) and the instance mean. */
export function scoreOf(
  aggregate: { count: number; sum: number; histogram: Histogram },
  instanceMean: number | null,
  priorWeight: number,
): Score {
  const mean = aggregate.count > 0 ? round(aggregate.sum / aggregate.count, 4) : null;
  const weighted = aggregate.count > 0 ? weightedScore(aggregate.count, aggregate.sum / aggregate.count, instanceMean, priorWeight) : null;
  return {
    count: aggregate.count,
    mean,
    weighted: weighted === null ? null : round(weighted, 4),
    histogram: aggregate.histogram,
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
