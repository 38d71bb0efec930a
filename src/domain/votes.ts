// How a helpfulness vote moves the counts. One vote per person per review; a later vote replaces the
// earlier one. Like Lobsters' vote.rb, the whole table of transitions is written out:
//
//   before → after    yes  no
//   none   → yes       +1   0
//   none   → no         0  +1
//   yes    → yes        0   0   (repeating the same PUT changes nothing)
//   yes    → no        -1  +1
//   no     → yes       +1  -1
//   no     → no         0   0
//   yes    → none      -1   0   (DELETE)
//   no     → none       0  -1
//   none   → none       0   0

export type VoteValue = boolean | null;

export interface VoteDelta {
  yes: number;
  no: number;
}

export function voteDelta(before: VoteValue, after: VoteValue): VoteDelta {
  const count = (v: VoteValue): VoteDelta => ({ yes: v === true ? 1 : 0, no: v === false ? 1 : 0 });
  const a = count(after);
  const b = count(before);
  return { yes: a.yes - b.yes, no: a.no - b.no };
}
