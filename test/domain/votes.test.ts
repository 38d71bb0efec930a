import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { voteDelta, type VoteValue } from '../../src/domain/votes.js';

// The full transition table, written out by hand from the contract ("a second PUT replaces the
// first, the counts move accordingly, and repeating the same PUT changes nothing"; DELETE removes).
const TABLE: Array<[VoteValue, VoteValue, number, number]> = [
  [null, true, 1, 0],
  [null, false, 0, 1],
  [null, null, 0, 0],
  [true, true, 0, 0],
  [true, false, -1, 1],
  [true, null, -1, 0],
  [false, true, 1, -1],
  [false, false, 0, 0],
  [false, null, 0, -1],
];

const vote = fc.constantFrom<VoteValue>(true, false, null);
const counts = (v: VoteValue) => ({ yes: v === true ? 1 : 0, no: v === false ? 1 : 0 });

/** One person's votes in order, from none: the running totals after each step and the last vote. */
function replay(sequence: VoteValue[]): { steps: { yes: number; no: number }[]; last: VoteValue } {
  let current: VoteValue = null;
  const total = { yes: 0, no: 0 };
  const steps: { yes: number; no: number }[] = [];
  for (const next of sequence) {
    const d = voteDelta(current, next);
    total.yes += d.yes;
    total.no += d.no;
    steps.push({ ...total });
    current = next;
  }
  return { steps, last: current };
}

describe('voteDelta', () => {
  it('table covers all 9 transitions', () => {
    expect(new Set(TABLE.map(([b, a]) => `${b}->${a}`)).size).toBe(9);
  });

  it.each(TABLE)('%s → %s moves yes by %i and no by %i', (before, after, yes, no) => {
    const d = voteDelta(before, after);
    // `+ 0` so a -0 from the implementation still compares as 0.
    expect({ yes: d.yes + 0, no: d.no + 0 }).toEqual({ yes, no });
  });

  it('property: from none, the summed deltas of any sequence equal the counts of the final vote alone', () => {
    fc.assert(
      fc.property(fc.array(vote, { maxLength: 50 }), (sequence) => {
        const { steps, last } = replay(sequence);
        const total = steps[steps.length - 1] ?? { yes: 0, no: 0 };
        const expected = counts(last);
        return total.yes === expected.yes && total.no === expected.no;
      }),
    );
  });

  it('property: counts never go negative along any sequence, and stay 0 or 1 for one person', () => {
    fc.assert(
      fc.property(fc.array(vote, { maxLength: 50 }), (sequence) =>
        replay(sequence).steps.every((t) => t.yes >= 0 && t.no >= 0 && t.yes + t.no <= 1),
      ),
    );
  });

  it('property: many people voting — totals equal the number of final yes / no votes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), vote), { maxLength: 200 }), (events) => {
        const state = new Map<number, VoteValue>();
        const total = { yes: 0, no: 0 };
        for (const [person, next] of events) {
          const d = voteDelta(state.get(person) ?? null, next);
          total.yes += d.yes;
          total.no += d.no;
          state.set(person, next);
        }
        const finals = [...state.values()];
        return total.yes === finals.filter((v) => v === true).length && total.no === finals.filter((v) => v === false).length;
      }),
    );
  });

  it('property: a transition followed by its reverse cancels out', () => {
    fc.assert(
      fc.property(vote, vote, (a, b) => {
        const there = voteDelta(a, b);
        const back = voteDelta(b, a);
        return there.yes + back.yes === 0 && there.no + back.no === 0;
      }),
    );
  });
});
