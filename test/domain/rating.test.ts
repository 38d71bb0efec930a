import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  RATING_MIN,
  RATING_MAX,
  WATCH_STATUSES,
  isValidRating,
  toHalfPoints,
  fromHalfPoints,
  episodesSeenProblem,
} from '../../src/domain/rating.js';

// The 19 values the contract allows: 1 to 10 in steps of 0.5, written out by hand.
const ALLOWED = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10];

describe('isValidRating', () => {
  it('bounds are 1 and 10', () => {
    expect(RATING_MIN).toBe(1);
    expect(RATING_MAX).toBe(10);
  });

  it('accepts each of the 19 allowed values', () => {
    expect(ALLOWED).toHaveLength(19);
    for (const r of ALLOWED) expect(isValidRating(r), String(r)).toBe(true);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['0', 0],
    ['0.5', 0.5],
    ['10.5', 10.5],
    ['11', 11],
    ['-1', -1],
    ['7.25', 7.25],
    ['7.1', 7.1],
    ['0.1 + 0.2 (float noise)', 0.1 + 0.2],
    ['"7"', '7'],
    ['"7.5"', '7.5'],
    ['null', null],
    ['undefined', undefined],
    ['true', true],
    ['{}', {}],
    ['[7]', [7]],
    ['Number object', Object(7)],
    ['bigint 7n', 7n],
  ])('rejects %s', (_label, value) => {
    expect(isValidRating(value)).toBe(false);
  });

  it('property: over numbers in [-2, 12] at 0.25 steps, accepts exactly the 19 allowed values', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8, max: 48 }), (quarters) => {
        const r = quarters / 4;
        return isValidRating(r) === ALLOWED.includes(r);
      }),
    );
  });

  it('property: any double is accepted iff it is one of the 19 values', () => {
    fc.assert(fc.property(fc.double(), (d) => isValidRating(d) === ALLOWED.includes(d)));
  });

  it('property: anything that is not a number is rejected', () => {
    fc.assert(
      fc.property(
        fc.anything().filter((v) => typeof v !== 'number'),
        (v) => !isValidRating(v),
      ),
    );
  });
});

describe('half points', () => {
  it('examples: 7.5 ↔ 15, 1 ↔ 2, 10 ↔ 20', () => {
    expect(toHalfPoints(7.5)).toBe(15);
    expect(toHalfPoints(1)).toBe(2);
    expect(toHalfPoints(10)).toBe(20);
    expect(fromHalfPoints(15)).toBe(7.5);
    expect(fromHalfPoints(2)).toBe(1);
    expect(fromHalfPoints(20)).toBe(10);
  });

  it('property: every valid rating round-trips and maps to a whole number in 2…20', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALLOWED), (r) => {
        const h = toHalfPoints(r);
        return Number.isInteger(h) && h >= 2 && h <= 20 && fromHalfPoints(h) === r;
      }),
    );
  });

  it('property: every half-point value 2…20 round-trips and gives a valid rating', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), (h) => {
        const r = fromHalfPoints(h);
        return isValidRating(r) && toHalfPoints(r) === h;
      }),
    );
  });
});

describe('watch statuses', () => {
  it('are the four of the contract', () => {
    expect([...WATCH_STATUSES].sort()).toEqual(['completed', 'dropped', 'plan_to_watch', 'watching']);
  });
});

describe('episodesSeenProblem', () => {
  it('no value is fine', () => {
    expect(episodesSeenProblem(null, 16)).toBeNull();
    expect(episodesSeenProblem(undefined, 16)).toBeNull();
  });

  it('0 … the title\'s episodes is fine; any count is fine where episodes are unknown', () => {
    expect(episodesSeenProblem(0, 16)).toBeNull();
    expect(episodesSeenProblem(16, 16)).toBeNull();
    expect(episodesSeenProblem(500, null)).toBeNull();
  });

  it('more than the title has is a problem naming the number', () => {
    const problem = episodesSeenProblem(17, 16);
    expect(problem).toBeTypeOf('string');
    expect(problem).toContain('16');
  });

  it('negative or fractional counts are a problem', () => {
    expect(episodesSeenProblem(-1, 16)).toBeTypeOf('string');
    expect(episodesSeenProblem(2.5, 16)).toBeTypeOf('string');
    expect(episodesSeenProblem(Number.NaN, null)).toBeTypeOf('string');
  });

  it('property: a problem exactly when not a whole number in 0…episodes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 60 }), fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), (seen, total) => {
        const ok = seen >= 0 && (total === null || seen <= total);
        return (episodesSeenProblem(seen, total) === null) === ok;
      }),
    );
  });
});
