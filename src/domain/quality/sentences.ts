// repeated_sentence: a sentence that occurs again later in the same review. Sentences come from
// Intl.Segmenter (granularity 'sentence'); two sentences are the same after Unicode NFKC, case and
// white-space folding, ignoring punctuation at either end ("Loved it!" = "loved it."). Sentences
// inside a paragraph that repeats a whole earlier paragraph are left to repeated_paragraph.
import { collapseWhiteSpace, foldText } from './fold.js';
import { findRepeatedParagraphs } from './repeats.js';
import { isAscii } from '../text.js';

export interface Span {
  /** Offset of the first UTF-16 code unit in the body. */
  start: number;
  /** Offset just past the last one (exclusive); trailing white space is not included. */
  end: number;
}

export interface Sentence extends Span {
  text: string;
  /** Paragraph (non-blank line, counted from 0) the sentence starts in. */
  paragraph: number;
}

export interface RepeatedSentence {
  /** Index of the repeating sentence among the body's sentences (from 0)… */
  sentence: number;
  /** …and of its first occurrence. */
  sameAs: number;
  span: Span;
  sameAsSpan: Span;
}

const sentenceSegmenter = new Intl.Segmenter('und', { granularity: 'sentence' });
const EDGE_PUNCTUATION = /^[\p{P}\s]+|[\p{P}\s]+$/gu;
const HAS_CONTENT = /[\p{L}\p{N}]/u;

/** The folded comparison key of a sentence: NFKC, case, white space, punctuation at the ends. */
export function sentenceKey(sentence: string): string {
  return foldText(sentence).replace(EDGE_PUNCTUATION, '');
}

/** The body's sentences with a letter or digit in them, with their spans and paragraphs. */
export function sentencesOf(body: string): Sentence[] {
  // Paragraph of each offset: count non-blank lines before it.
  const lineStarts: Array<{ start: number; paragraph: number }> = [];
  let paragraph = -1;
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = 0;
  for (;;) {
    const m = lineBreak.exec(body);
    const lineEnd = m ? m.index : body.length;
    const blank = body.slice(lineStart, lineEnd).trim() === '';
    if (!blank) paragraph++;
    lineStarts.push({ start: lineStart, paragraph: Math.max(paragraph, 0) });
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  const paragraphAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lineStarts[lo]!.paragraph;
  };

  const out: Sentence[] = [];
  for (const { segment, index } of sentenceSegmenter.segment(body)) {
    if (!HAS_CONTENT.test(segment)) continue;
    const lead = segment.length - segment.trimStart().length;
    const text = segment.trim();
    const start = index + lead;
    out.push({ text, start, end: start + text.length, paragraph: paragraphAt(start) });
  }
  return out;
}

/** Every sentence that repeats an earlier one after folding, pointing at the first occurrence. */
export function findRepeatedSentences(body: string): RepeatedSentence[] {
  return maySentencesRepeat(body) ? findRepeatedSentencesBySegmenter(body) : [];
}

// A quick test that lets most texts skip the sentence segmenter (about 1 µs a sentence, the costliest
// part of the checks). In ASCII text, UAX #29 breaks sentences only after a run of . ! ? (and the
// closing punctuation and spaces after it) and at line breaks, so cutting after every . ! ? and at
// every line break gives pieces of which each sentence is a whole number. Two sentences with the
// same key are the same text up to case, white space and punctuation at their ends, so their
// pieces with letters or digits pair up with equal keys: no piece key repeated means no sentence
// repeated. test/domain/quality/sentences.test.ts checks this against the segmenter on random text.
const ASCII_PIECE_BREAK = /(?<=[.!?])|[\r\n]+/;

/** False when no sentence of the body can repeat another; true when one may (or the text is not ASCII). */
export function maySentencesRepeat(body: string): boolean {
  if (!isAscii(body)) return true;
  const seen = new Set<string>();
  for (const piece of body.split(ASCII_PIECE_BREAK)) {
    if (!HAS_CONTENT.test(piece)) continue;
    const key = collapseWhiteSpace(piece.toLowerCase()).replace(EDGE_PUNCTUATION, '');
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** findRepeatedSentences without the quick test: every sentence through Intl.Segmenter. */
export function findRepeatedSentencesBySegmenter(body: string): RepeatedSentence[] {
  const repeatedParagraphs = new Set(findRepeatedParagraphs(body).map((r) => r.paragraph));
  const firstSeen = new Map<string, number>();
  const repeats: RepeatedSentence[] = [];
  const sentences = sentencesOf(body);
  sentences.forEach((s, i) => {
    const key = sentenceKey(s.text);
    if (key === '') return;
    const first = firstSeen.get(key);
    if (first === undefined) {
      firstSeen.set(key, i);
      return;
    }
    if (repeatedParagraphs.has(s.paragraph)) return;
    const f = sentences[first]!;
    repeats.push({ sentence: i, sameAs: first, span: { start: s.start, end: s.end }, sameAsSpan: { start: f.start, end: f.end } });
  });
  return repeats;
}
