// Everything the checks learn from one text alone — the signal warnings and the near-duplicate
// fingerprint — in one call. It is the CPU-heavy part of judging a review, and being a pure function
// of plain data it can run on another thread (src/services/quality-scan.worker.ts).
import { checkQuality, type Quality, type QualityInput } from './index.js';
import { fingerprint, type Fingerprint } from './lsh-keys.js';

export interface TextFacts {
  quality: Quality;
  fingerprint: Fingerprint;
}

export function textFacts(input: QualityInput): TextFacts {
  return { quality: checkQuality(input), fingerprint: fingerprint(input.body) };
}
