// Review integrity's text side: the quality checks with the instance's thresholds, the
// near-duplicate lookup through the stored LSH index (src/store/lsh.store.ts), and the policy's
// decision (src/domain/quality/policy.ts). Reads only; callers write the outcome in their transaction.
import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import { LshStore } from '../store/lsh.store.js';
import { checkQuality, type Quality, type Warning } from '../domain/quality/index.js';
import { DEFAULT_QUALITY_OPTIONS, type QualityOptions } from '../domain/quality/signals.js';
import { bestMatch, nearDuplicateWarning, type Match } from '../domain/quality/lsh-keys.js';
import { textFacts } from '../domain/quality/text-facts.js';
import { decide, type Decision } from '../domain/quality/policy.js';

export type QualitySettings = Config['quality'];

export interface Assessment {
  /** What the author is told: the warnings the policy does not allow silently, and the suggested body. */
  quality: Quality;
  decision: Decision;
  /** The body's LSH buckets (what to index it under). */
  buckets: number[];
  match: (Match & { own: boolean }) | null;
}

export interface AssessInput {
  headline: string;
  body: string;
  authorId: number;
  /** The review itself when it exists (an edit, a scan): never its own duplicate. */
  selfId?: number;
  /** Compare only with older reviews (ids below this): the scan judges reviews in the order they were written. */
  belowId?: number;
}

export class QualityService {
  readonly #lsh: LshStore;

  constructor(
    db: Db,
    readonly settings: QualitySettings,
  ) {
    this.#lsh = new LshStore(db.kysely);
  }

  /** The signal checks' options from the configuration (too_short on unless its length is 0). */
  options(): Partial<QualityOptions> {
    return { minLength: this.settings.minLength, maxLinks: this.settings.maxLinks };
  }

  /** The text checks alone (no near-duplicate lookup, no policy): live hints while writing. */
  signals(input: { headline: string; body: string }): Quality {
    return checkQuality({ headline: input.headline, body: input.body, options: this.options() });
  }

  /** Every check, the near-duplicate lookup through the stored index, and the policy's decision. */
  async assess(input: AssessInput): Promise<Assessment> {
    const { quality: signals, fingerprint: fp } = textFacts({ headline: input.headline, body: input.body, options: this.options() });
    const candidates = await this.#lsh.candidates(fp.buckets, {
      ...(input.selfId !== undefined ? { excludeId: input.selfId } : {}),
      ...(input.belowId !== undefined ? { belowId: input.belowId } : {}),
    });
    const found = bestMatch(
      fp.shingles,
      candidates.map((c) => ({ id: c.id, authorId: c.author_id, body: c.body })),
      DEFAULT_QUALITY_OPTIONS.nearDuplicateThreshold,
    );
    const match = found ? { ...found, own: found.authorId === input.authorId } : null;
    return this.judge(signals, fp.buckets, match);
  }

  /** The policy over the signal warnings plus a near-duplicate match (the scan calls this directly). */
  judge(signals: Quality, buckets: number[], match: (Match & { own: boolean }) | null): Assessment {
    const warnings: Warning[] = [...signals.warnings];
    if (match) warnings.push(nearDuplicateWarning(match));
    const decision = decide(warnings, this.settings.policy, { nearDuplicateIsOwn: match?.own ?? false });
    return { quality: { warnings: decision.shown, suggested_body: signals.suggested_body }, decision, buckets, match };
  }
}
