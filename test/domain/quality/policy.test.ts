// The review-integrity policy (src/domain/quality/policy.ts) and the shared passages of the
// side-by-side view (shared-passages.ts): plain functions, no server.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_POLICY, decide, formatPolicy, parsePolicy, statusAfterPolicy, type Outcome } from '../../../src/domain/quality/policy.js';
import { sharedPassages } from '../../../src/domain/quality/shared-passages.js';
import { checkQuality } from '../../../src/domain/quality/index.js';
import { segmentWords } from '../../../src/domain/quality/minhash.js';

const near = { code: 'near_duplicate', review_id: 7, similarity: 0.91, message: 'This review is 91 % similar to review 7.' };
const short = { code: 'too_short', length: 40, min_length: 200, message: 'short' };
const repeat = { code: 'repeated_paragraph', paragraph: 1, same_as: 0, message: 'repeat' };

describe('policy defaults (the issue)', () => {
  it('repeats and short text warn: published, the author is told', () => {
    const d = decide([repeat, short], DEFAULT_POLICY);
    expect(d.outcome).toBe('warn');
    expect(d.shown).toEqual([repeat, short]);
    expect(d.held).toEqual([]);
    expect(d.reason).toBeNull();
    expect(statusAfterPolicy(null, d.outcome).status).toBe('published');
  });

  it('a near-duplicate of the author’s own review (another title) warns', () => {
    const d = decide([near], DEFAULT_POLICY, { nearDuplicateIsOwn: true });
    expect(d.outcome).toBe('warn');
    expect(statusAfterPolicy(null, d.outcome)).toEqual({ status: 'published', cause: null, changed: true });
  });

  it('a near-duplicate of another account’s review holds, with a reason naming it', () => {
    const d = decide([short, near], DEFAULT_POLICY, { nearDuplicateIsOwn: false });
    expect(d.outcome).toBe('hold');
    expect(d.held).toEqual([near]);
    expect(d.shown).toEqual([short, near]);
    expect(d.reason).toMatch(/91 % similar to review 7 by another account/);
    expect(statusAfterPolicy(null, d.outcome)).toEqual({ status: 'pending', cause: 'quality', changed: true });
  });

  it('no warnings: allow', () => {
    expect(decide([], DEFAULT_POLICY)).toEqual({ outcome: 'allow', shown: [], held: [], reason: null });
  });

  it('a code the policy does not know warns (never holds, never disappears)', () => {
    const w = { code: 'future_check', message: 'x' };
    expect(decide([w], DEFAULT_POLICY)).toMatchObject({ outcome: 'warn', shown: [w] });
  });
});

describe('parsePolicy', () => {
  it('reads key=outcome pairs over the defaults; near_duplicate sets both of its keys', () => {
    const { policy, problems } = parsePolicy(' too_short=allow , near_duplicate=warn,shouting=hold');
    expect(problems).toEqual([]);
    expect(policy).toMatchObject({ too_short: 'allow', near_duplicate_own: 'warn', near_duplicate_other: 'warn', shouting: 'hold', repeated_paragraph: 'warn' });
  });

  it('lists every bad entry', () => {
    const { problems } = parsePolicy('too_short=maybe,nonsense=warn,broken');
    expect(problems).toHaveLength(3);
  });

  it('round-trips through formatPolicy', () => {
    const outcome = fc.constantFrom<Outcome>('allow', 'warn', 'hold');
    fc.assert(
      fc.property(fc.record({ repeated_paragraph: outcome, repeated_sentence: outcome, too_short: outcome, shouting: outcome, link_spam: outcome, near_duplicate_own: outcome, near_duplicate_other: outcome }), (p) => {
        expect(parsePolicy(formatPolicy(p)).policy).toEqual(p);
      }),
    );
  });

  it('an allowed warning is dropped; the strongest outcome wins (property)', () => {
    const codes = ['repeated_paragraph', 'repeated_sentence', 'too_short', 'shouting', 'link_spam', 'near_duplicate'];
    fc.assert(
      fc.property(fc.subarray(codes), fc.boolean(), (present, own) => {
        const warnings = present.map((code) => ({ code, message: code, review_id: 1, similarity: 0.9 }));
        const d = decide(warnings, DEFAULT_POLICY, { nearDuplicateIsOwn: own });
        const holds = present.includes('link_spam') || (present.includes('near_duplicate') && !own);
        expect(d.outcome).toBe(holds ? 'hold' : present.length ? 'warn' : 'allow');
        expect(d.shown).toHaveLength(present.length);
      }),
    );
  });
});

describe('statusAfterPolicy: the policy moves reviews only between published and its own hold', () => {
  it('holds a published review, releases one it held, leaves everything else alone', () => {
    expect(statusAfterPolicy({ status: 'published', cause: null }, 'hold')).toEqual({ status: 'pending', cause: 'quality', changed: true });
    expect(statusAfterPolicy({ status: 'pending', cause: 'quality' }, 'warn')).toEqual({ status: 'published', cause: null, changed: true });
    expect(statusAfterPolicy({ status: 'pending', cause: 'quality' }, 'hold').changed).toBe(false);
    for (const outcome of ['allow', 'warn', 'hold'] as const) {
      expect(statusAfterPolicy({ status: 'pending', cause: 'reports' }, outcome).changed).toBe(false);
      expect(statusAfterPolicy({ status: 'pending', cause: 'moderator' }, outcome).changed).toBe(false);
      expect(statusAfterPolicy({ status: 'hidden', cause: 'moderator' }, outcome).changed).toBe(false);
      expect(statusAfterPolicy({ status: 'removed', cause: 'moderator' }, outcome).changed).toBe(false);
    }
    expect(statusAfterPolicy({ status: 'published', cause: null }, 'warn').changed).toBe(false);
  });
});

describe('signal checks with the configured thresholds', () => {
  it('too_short at 200 by default; link_spam above 2 links', () => {
    const q = checkQuality({ headline: 'h', body: 'See http://a.example http://b.example http://c.example', options: {} });
    expect(q.warnings.map((w) => w.code).sort()).toEqual(['link_spam', 'too_short']);
  });
});

describe('sharedPassages', () => {
  const slice = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

  it('marks the runs of shared 5-word shingles in both texts, as written', () => {
    const a = 'Opening words differ here. The quiet harbour town keeps every secret it ever heard. Then a different ending.';
    const b = 'Something else entirely: THE QUIET HARBOUR TOWN KEEPS EVERY SECRET it ever heard, they said.';
    const shared = sharedPassages(a, b);
    expect(slice(a, shared.a)).toEqual(['The quiet harbour town keeps every secret it ever heard']);
    expect(slice(b, shared.b)).toEqual(['THE QUIET HARBOUR TOWN KEEPS EVERY SECRET it ever heard']);
  });

  it('finds nothing in unrelated texts and everything in identical ones', () => {
    expect(sharedPassages('one two three four five six', 'seven eight nine ten eleven twelve')).toEqual({ a: [], b: [] });
    const t = '한국어 문장도 단어로 나뉘어 비교됩니다 정말로';
    expect(sharedPassages(t, t)).toEqual({ a: [{ start: 0, end: t.length }], b: [{ start: 0, end: t.length }] });
  });

  it('spans are ordered, disjoint, inside the text and start and end on words (property)', () => {
    const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta');
    const text = fc.array(word, { minLength: 0, maxLength: 40 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const shared = sharedPassages(a, b);
        for (const [t, spans] of [[a, shared.a], [b, shared.b]] as const) {
          let last = -1;
          for (const s of spans) {
            expect(s.start).toBeGreaterThan(last);
            expect(s.end).toBeGreaterThan(s.start);
            expect(s.end).toBeLessThanOrEqual(t.length);
            expect(t.slice(s.start, s.end)).toMatch(/^\p{L}.*\p{L}$|^\p{L}$/u);
            last = s.end;
          }
        }
        // Shared is symmetric: one text has passages exactly when the other does.
        expect(shared.a.length === 0).toBe(shared.b.length === 0);
      }),
    );
  });
});

describe('wordsOf: the ASCII fast path equals Intl.Segmenter', () => {
  const seg = new Intl.Segmenter('und', { granularity: 'word' });
  const viaSegmenter = (t: string) => [...seg.segment(t)].filter((s) => s.isWordLike).map((s) => s.segment);
  it('on random ASCII text (property)', () => {
    const ch = fc.constantFrom(...'abest12 _.,;:\'-!"()?/&#@$%*+=<>[]{}|~`^\\\t\nZ09'.split(''));
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 80 }).map((a) => a.join('')), (t) => {
        expect(segmentWords(t)).toEqual(viaSegmenter(t));
      }),
      { numRuns: 3000 },
    );
  });
});
