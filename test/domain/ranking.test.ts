import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  WILSON_Z,
  helpfulScore,
  weightedScore,
  emptyHistogram,
  histogramBucket,
  histogramOf,
  scoreOf,
} from '../../src/domain/ranking.js';

/**
 * Independent oracle for the Wilson lower bound. The Wilson interval's ends are the roots q of
 *   n·(p̂ − q)² = z²·q·(1 − q)   ⇔   (n + z²)·q² − (2n·p̂ + z²)·q + n·p̂² = 0,
 * so the lower bound is the smaller root of that quadratic (solved here with the quadratic formula,
 * not with the centre ± margin form the implementation uses).
 */
function wilsonLowerByQuadratic(yes: number, no: number, z = 1.959964): number {
  const n = yes + no;
  if (n === 0) return 0;
  const p = yes / n;
  const a = n + z * z;
  const b = -(2 * n * p + z * z);
  const c = n * p * p;
  return Math.max(0, (-b - Math.sqrt(b * b - 4 * a * c)) / (2 * a));
}

const votes = fc.integer({ min: 0, max: 10_000 });

describe('helpfulScore (Wilson lower bound, z = 1.959964)', () => {
  it('uses z = 1.959964 by default', () => {
    expect(WILSON_Z).toBe(1.959964);
  });

  // Expected values computed with the quadratic-root form above (Python, math.sqrt), rounded to 6 places.
  // (1,0) and (5,0) also by hand: with no "no" votes p̂ = 1 and the bound is n / (n + z²);
  // z² = 3.841459, so 1/4.841459 = 0.206549 and 5/8.841459 = 0.565518.
  it.each([
    [0, 0, 0],
    [1, 0, 0.206549],
    [5, 0, 0.565518],
    [1, 1, 0.094531],
    [3, 1, 0.300642],
    [10, 2, 0.551969],
    [90, 10, 0.825634],
    [50, 50, 0.403832],
    [600, 400, 0.569309],
    [0, 5, 0],
  ])('yes=%i no=%i → ≈%f', (yes, no, expected) => {
    expect(helpfulScore(yes, no)).toBeCloseTo(expected, 6);
  });

  it('yes=1,no=0 ≈ 0.2065 (contract example)', () => {
    expect(helpfulScore(1, 0)).toBeCloseTo(0.2065, 4);
  });

  it('ranks one lucky vote below a hundred honest ones', () => {
    expect(helpfulScore(1, 0)).toBeLessThan(helpfulScore(90, 10));
  });

  it('honours an explicit z', () => {
    // z = 1: p̂ = 1, n = 3 → 3 / (3 + 1) = 0.75
    expect(helpfulScore(3, 0, 1)).toBeCloseTo(0.75, 12);
  });

  it('property: agrees with the quadratic-root oracle', () => {
    fc.assert(
      fc.property(votes, votes, (yes, no) => {
        expect(helpfulScore(yes, no)).toBeCloseTo(wilsonLowerByQuadratic(yes, no), 9);
      }),
    );
  });

  it('property: lies in [0, 1)', () => {
    fc.assert(
      fc.property(votes, votes, (yes, no) => {
        const s = helpfulScore(yes, no);
        return s >= 0 && s < 1;
      }),
    );
  });

  it('0 with no votes at all', () => {
    expect(helpfulScore(0, 0)).toBe(0);
  });

  // With no "yes" the bound is mathematically 0 (centre and margin are both z²/2n). The implementation
  // must not leave rounding noise either way: see the exact-zero test below.
  it('property: (numerically) 0 with no yes votes', () => {
    fc.assert(fc.property(votes, (no) => helpfulScore(0, no) >= 0 && helpfulScore(0, no) < 1e-15));
  });

  // Regression: for yes = 0, centre − margin was sometimes a tiny positive number instead of 0
  // (helpfulScore(0, 125) = 1.68e-18). The API then showed a non-zero helpful_score for a review nobody found
  // helpful, and sort=helpful ranks e.g. 0 yes / 125 no above 0 yes / 126 no, whereas with an exact
  // tie at 0 the contract's tie-break (more votes first) applies.
  it('is exactly 0 whenever there is no yes vote', () => {
    expect(helpfulScore(0, 125)).toBe(0);
    for (let no = 0; no <= 10_000; no++) expect(helpfulScore(0, no), `no=${no}`).toBe(0);
  });

  it('property: an extra yes raises the score', () => {
    fc.assert(fc.property(votes, votes, (yes, no) => helpfulScore(yes + 1, no) > helpfulScore(yes, no)));
  });

  it('property: an extra no lowers the score (or leaves 0 at 0)', () => {
    fc.assert(
      fc.property(votes, votes, (yes, no) => {
        const before = helpfulScore(yes, no);
        const after = helpfulScore(yes, no + 1);
        return yes === 0 ? after < 1e-15 && before < 1e-15 : after < before;
      }),
    );
  });

  it('property: below the raw ratio yes / (yes + no) for any votes', () => {
    fc.assert(
      fc.property(votes, votes, (yes, no) => {
        fc.pre(yes + no > 0);
        const ratio = yes / (yes + no);
        const s = helpfulScore(yes, no);
        return yes === 0 ? s < 1e-15 : s < ratio;
      }),
    );
  });

  it('property: more votes at the same ratio give a higher score (ratio > 0)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        (yes, no, k, extra) => {
          const small = helpfulScore(yes * k, no * k);
          const large = helpfulScore(yes * (k + extra), no * (k + extra));
          return large > small;
        },
      ),
    );
  });
});

describe('weightedScore (Bayesian average)', () => {
  // Expected values by hand from (v/(v+m))·R + (m/(v+m))·C.
  it('three 10s with C = 7, m = 10 → (30 + 70)/13 = 7.6923…', () => {
    expect(weightedScore(3, 10, 7, 10)).toBeCloseTo(100 / 13, 12);
    expect(weightedScore(3, 10, 7, 10)).toBeCloseTo(7.692308, 6);
  });

  it('a thousand 9s with C = 7, m = 10 → (9000 + 70)/1010 = 8.980198…, above three 10s', () => {
    expect(weightedScore(1000, 9, 7, 10)).toBeCloseTo(8.980198, 6);
    expect(weightedScore(1000, 9, 7, 10)!).toBeGreaterThan(weightedScore(3, 10, 7, 10)!);
  });

  it('equal weight when v = m: the midpoint', () => {
    expect(weightedScore(10, 9, 5, 10)).toBeCloseTo(7, 12);
  });

  it('no ratings → the instance mean, or null when there is none', () => {
    expect(weightedScore(0, null, 7.2, 10)).toBe(7.2);
    expect(weightedScore(0, null, null, 10)).toBeNull();
  });

  it('no instance mean or no prior weight → the plain mean', () => {
    expect(weightedScore(4, 8.5, null, 10)).toBe(8.5);
    expect(weightedScore(4, 8.5, 6, 0)).toBe(8.5);
  });

  const rating = fc.double({ min: 1, max: 10, noNaN: true });
  const count = fc.integer({ min: 1, max: 1_000_000 });
  const prior = fc.integer({ min: 1, max: 1000 });

  it('property: lies between the title mean and the instance mean', () => {
    fc.assert(
      fc.property(count, rating, rating, prior, (v, r, c, m) => {
        const w = weightedScore(v, r, c, m)!;
        const eps = 1e-9;
        return w >= Math.min(r, c) - eps && w <= Math.max(r, c) + eps;
      }),
    );
  });

  it('property: approaches the title mean as the count grows', () => {
    fc.assert(
      fc.property(count, fc.integer({ min: 1, max: 1_000_000 }), rating, rating, prior, (v, more, r, c, m) => {
        const near = Math.abs(weightedScore(v + more, r, c, m)! - r);
        const far = Math.abs(weightedScore(v, r, c, m)! - r);
        return near <= far + 1e-9;
      }),
    );
  });

  it('property: within 1e-3 of the mean once v ≥ 1000·m·|R − C|', () => {
    fc.assert(
      fc.property(rating, rating, prior, (r, c, m) => {
        const v = Math.ceil(1000 * m * Math.max(1, Math.abs(r - c)));
        return Math.abs(weightedScore(v, r, c, m)! - r) <= 1e-3;
      }),
    );
  });
});

describe('histogram', () => {
  it('buckets by floor(r): 10 → "10", 9.5 → "9", 1 → "1", 1.5 → "1"', () => {
    expect(histogramBucket(10)).toBe('10');
    expect(histogramBucket(9.5)).toBe('9');
    expect(histogramBucket(9)).toBe('9');
    expect(histogramBucket(1)).toBe('1');
    expect(histogramBucket(1.5)).toBe('1');
  });

  it('emptyHistogram has keys "1"…"10", all 0', () => {
    const h = emptyHistogram();
    expect(Object.keys(h).sort((a, b) => Number(a) - Number(b))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(Object.values(h).every((n) => n === 0)).toBe(true);
  });

  it('emptyHistogram returns a fresh object each time', () => {
    const a = emptyHistogram();
    a['5'] = 3;
    expect(emptyHistogram()['5']).toBe(0);
  });

  it('histogramOf counts an example by hand', () => {
    expect(histogramOf([10, 9.5, 9, 1, 1.5, 7.5])).toEqual({
      '1': 2, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 1, '8': 0, '9': 2, '10': 1,
    });
  });

  const validRating = fc.integer({ min: 2, max: 20 }).map((h) => h / 2);

  it('property: counts sum to the number of ratings', () => {
    fc.assert(
      fc.property(fc.array(validRating, { maxLength: 200 }), (ratings) => {
        const h = histogramOf(ratings);
        return Object.values(h).reduce((a, b) => a + b, 0) === ratings.length;
      }),
    );
  });

  it('property: every rating lands in bucket floor(r)', () => {
    fc.assert(
      fc.property(fc.array(validRating, { maxLength: 200 }), (ratings) => {
        const h = histogramOf(ratings);
        for (let b = 1; b <= 10; b++) {
          const expected = ratings.filter((r) => Math.floor(r) === b).length;
          if (h[String(b) as keyof typeof h] !== expected) return false;
        }
        return true;
      }),
    );
  });

  it('property: a single rating r lands in String(floor(r))', () => {
    fc.assert(fc.property(validRating, (r) => histogramBucket(r) === String(Math.floor(r))));
  });
});

describe('scoreOf', () => {
  it('no ratings: mean and weighted null', () => {
    expect(scoreOf({ count: 0, sum: 0, histogram: emptyHistogram() }, 7, 10)).toEqual({
      count: 0,
      mean: null,
      weighted: null,
      histogram: emptyHistogram(),
    });
  });

  it('mean and weighted rounded to 4 places (by hand: 25/3 = 8.3333…, (25 + 70)/13 = 7.307692…)', () => {
    const histogram = histogramOf([8, 8.5, 8.5]);
    const s = scoreOf({ count: 3, sum: 25, histogram }, 7, 10);
    expect(s.count).toBe(3);
    expect(s.mean).toBe(8.3333);
    expect(s.weighted).toBe(7.3077);
    expect(s.histogram).toBe(histogram);
  });

  it('without an instance mean, weighted is the (rounded) plain mean', () => {
    const s = scoreOf({ count: 3, sum: 25, histogram: histogramOf([8, 8.5, 8.5]) }, null, 10);
    expect(s.weighted).toBe(8.3333);
  });
});
