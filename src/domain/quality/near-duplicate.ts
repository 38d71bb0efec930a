// near_duplicate: the body is at least 80 % similar (exact Jaccard over word 5-shingles, candidates
// from MinHash LSH) to another review. This check needs context — an index of the other reviews and
// their stored shingle sets — so it is not in index.ts's CHECKS; the service calls it beside
// checkQuality and appends its warnings:
//   {"code": "near_duplicate", "review_id": id, "similarity": 0.0–1.0, "message"}
import { DEFAULT_NEAR_DUPLICATE_THRESHOLD, findNearDuplicate, type LshIndex } from './minhash.js';
import type { SignalWarning } from './checks.js';

export interface NearDuplicateContext<Id extends string | number> {
  index: LshIndex<Id>;
  /** The stored shingle set of an indexed review (see `shingles`), or undefined if it is gone. */
  lookupShingles: (id: Id) => Uint32Array | undefined;
  /** The review being checked, when it is already indexed (an edit): never reported as its own duplicate. */
  selfId?: Id;
  /** Default 0.8. */
  threshold?: number;
  /** The body's shingle set when the caller already computed it (to store it, say). */
  shingleSet?: Uint32Array;
}

export function nearDuplicateWarnings<Id extends string | number>(body: string, context: NearDuplicateContext<Id>): SignalWarning[] {
  const found = findNearDuplicate(body, context.index, context.lookupShingles, {
    threshold: context.threshold ?? DEFAULT_NEAR_DUPLICATE_THRESHOLD,
    ...(context.selfId !== undefined ? { exclude: context.selfId } : {}),
    ...(context.shingleSet !== undefined ? { shingleSet: context.shingleSet } : {}),
  });
  if (found === null) return [];
  const similarity = Math.round(found.similarity * 1000) / 1000;
  return [
    {
      code: 'near_duplicate',
      review_id: found.reviewId,
      similarity,
      message: `This review is ${Math.floor(found.similarity * 100)} % similar to review ${String(found.reviewId)}.`,
    },
  ];
}
