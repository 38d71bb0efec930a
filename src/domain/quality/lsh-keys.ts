// What the stored LSH index keeps of a text: one bucket number per band. bucket = band × 2³² + the
// band's 32-bit key (minhash.ts bandKey), a whole number below 2³⁷, so the 32 bands share one
// column and one index without colliding. Two texts share a bucket exactly when they share a band.
import { DEFAULT_BANDS, DEFAULT_ROWS, bandKey, exactJaccard, shingles, signature } from './minhash.js';

const TWO_32 = 2 ** 32;

export interface Fingerprint {
  /** The text's shingle set (exact Jaccard against candidates). */
  shingles: Uint32Array;
  /** One bucket per band, sorted ascending; empty for a text without words (never indexed). */
  buckets: number[];
}

export function bucketsOfSignature(sig: Uint32Array, bands = DEFAULT_BANDS, rows = DEFAULT_ROWS): number[] {
  const out: number[] = [];
  for (let b = 0; b < bands; b++) out.push(b * TWO_32 + bandKey(sig, b, rows));
  return out.sort((x, y) => x - y);
}

/** The stored bucket of a band's key. */
export function bucketOf(band: number, key: number): number {
  return band * TWO_32 + key;
}

/** The band keys of a text's buckets (one per band, band order): what an in-memory LshIndex holds. */
export function bandKeysOfBuckets(buckets: readonly number[]): Uint32Array {
  const keys = new Uint32Array(buckets.length);
  for (const bucket of buckets) {
    const band = Math.floor(bucket / TWO_32);
    if (band >= keys.length) throw new RangeError(`bucket ${bucket} is of band ${band}, beyond the ${keys.length} given`);
    keys[band] = bucket - band * TWO_32;
  }
  return keys;
}

export function fingerprint(text: string): Fingerprint {
  const set = shingles(text);
  if (set.length === 0) return { shingles: set, buckets: [] };
  return { shingles: set, buckets: bucketsOfSignature(signature(set, DEFAULT_BANDS * DEFAULT_ROWS)) };
}

export interface StoredCandidate {
  id: number;
  authorId: number;
  body: string;
}

export interface Match {
  reviewId: number;
  authorId: number;
  /** Exact Jaccard similarity of the two shingle sets, 0–1. */
  similarity: number;
}

/**
 * The candidate most similar to the text (exact Jaccard over shingle sets, each candidate's set made
 * from its stored body), if at or above the threshold; ties go to the older review (lower id).
 */
export function bestMatch(textShingles: Uint32Array, candidates: readonly StoredCandidate[], threshold: number): Match | null {
  if (textShingles.length === 0) return null;
  let best: Match | null = null;
  for (const c of candidates) {
    const similarity = exactJaccard(textShingles, shingles(c.body));
    if (similarity < threshold) continue;
    if (best === null || similarity > best.similarity || (similarity === best.similarity && c.id < best.reviewId)) {
      best = { reviewId: c.id, authorId: c.authorId, similarity };
    }
  }
  return best;
}

/** The contract's near_duplicate warning for a match. */
export function nearDuplicateWarning(match: Match): { code: 'near_duplicate'; review_id: number; similarity: number; message: string } {
  return {
    code: 'near_duplicate',
    review_id: match.reviewId,
    similarity: Math.round(match.similarity * 1000) / 1000,
    message: `This review is ${Math.floor(match.similarity * 100)} % similar to review ${match.reviewId}.`,
  };
}
