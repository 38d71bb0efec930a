// The passages two texts share, for the moderators' side-by-side view of a near-duplicate: every
// word that belongs to a 5-word shingle found in both texts is marked, and runs of marked words
// become character spans of each text (UTF-16 offsets into the text as stored, `end` exclusive).
// Words are Intl.Segmenter word segments compared after NFKC and case folding, as the similarity
// measure does (minhash.ts); markup is not stripped here, since the view shows the stored text.
import { SHINGLE_SIZE } from './minhash.js';

export interface Span {
  start: number;
  end: number;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

function wordsWithOffsets(text: string): Word[] {
  const out: Word[] = [];
  for (const s of segmenter.segment(text)) {
    if (s.isWordLike) out.push({ text: s.segment.normalize('NFKC').toLowerCase(), start: s.index, end: s.index + s.segment.length });
  }
  return out;
}

/** Shingle keys of a word list: runs of SHINGLE_SIZE words (one run of all words when fewer). */
function shingleKeys(words: Word[]): string[] {
  const size = Math.min(SHINGLE_SIZE, words.length);
  if (size === 0) return [];
  const keys: string[] = [];
  for (let i = 0; i + size <= words.length; i++) keys.push(words.slice(i, i + size).map((w) => w.text).join('\u0001'));
  return keys;
}

function markedSpans(words: Word[], keys: string[], other: Set<string>): Span[] {
  const size = Math.min(SHINGLE_SIZE, words.length);
  const marked = new Uint8Array(words.length);
  keys.forEach((key, i) => {
    if (other.has(key)) marked.fill(1, i, i + size);
  });
  const spans: Span[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!marked[i]) continue;
    let j = i;
    while (j + 1 < words.length && marked[j + 1]) j++;
    spans.push({ start: words[i]!.start, end: words[j]!.end });
    i = j;
  }
  return spans;
}

/** Spans of `a` and of `b` covered by shingles the two texts share, in order, never overlapping. */
export function sharedPassages(a: string, b: string): { a: Span[]; b: Span[] } {
  const wa = wordsWithOffsets(a);
  const wb = wordsWithOffsets(b);
  const ka = shingleKeys(wa);
  const kb = shingleKeys(wb);
  return { a: markedSpans(wa, ka, new Set(kb)), b: markedSpans(wb, kb, new Set(ka)) };
}
