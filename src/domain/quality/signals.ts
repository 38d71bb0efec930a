// Spam and effort signals: too_short, shouting, link_spam. Each is a pure function of the body and
// the options; every threshold is configurable (QualityOptions) with the defaults below.
import { stripMarkup } from './minhash.js';
import { collapseWhiteSpace } from './fold.js';
import { charCount } from '../text.js';

export interface QualityOptions {
  /** too_short: warn when the body has fewer characters than this (code points, markup removed, white space collapsed). */
  minLength: number;
  /** link_spam: warn when the body has more links than this. */
  maxLinks: number;
  /** shouting: warn when at least this share of the body's cased letters are capitals… */
  shoutingRatio: number;
  /** …and the body has at least this many cased letters. */
  shoutingMinLetters: number;
  /** near_duplicate: similarity at or above which another review counts as a near-duplicate. */
  nearDuplicateThreshold: number;
}

export const DEFAULT_QUALITY_OPTIONS: Readonly<QualityOptions> = Object.freeze({
  minLength: 200,
  maxLinks: 2,
  shoutingRatio: 0.7,
  shoutingMinLetters: 20,
  nearDuplicateThreshold: 0.8,
});

/** The defaults with the given options on top (undefined values keep the default). */
export function resolveOptions(options: Partial<QualityOptions> = {}): QualityOptions {
  const out: QualityOptions = { ...DEFAULT_QUALITY_OPTIONS };
  for (const key of Object.keys(out) as Array<keyof QualityOptions>) {
    const value = options[key];
    if (typeof value === 'number' && !Number.isNaN(value)) out[key] = value;
  }
  return out;
}

/** Length the too_short rule measures: code points of the text without markup, white space collapsed. */
export function visibleLength(body: string): number {
  return charCount(collapseWhiteSpace(stripMarkup(body).normalize('NFKC')).trim());
}

export interface CaseCounts {
  upper: number;
  lower: number;
}

/** Letters that have case (A/a, Ä/ä, Ж/ж…); Hangul, kana and Han have none and are not counted. */
export function caseCounts(text: string): CaseCounts {
  let upper = 0;
  let lower = 0;
  const plain = stripMarkup(text);
  // ASCII letters by their code (most text is mostly ASCII); any other character by its Unicode
  // category. Surrogate pairs are taken whole so astral letters are judged as one character.
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) upper++;
      else if (c >= 0x61 && c <= 0x7a) lower++;
      continue;
    }
    const ch = c >= 0xd800 && c <= 0xdbff && i + 1 < plain.length ? plain.slice(i, ++i + 1) : plain[i]!;
    if (UPPER_OR_TITLE.test(ch)) upper++;
    else if (LOWER.test(ch) && ch.toUpperCase() !== ch) lower++;
  }
  return { upper, lower };
}
const UPPER_OR_TITLE = /\p{Lu}|\p{Lt}/u;
const LOWER = /\p{Ll}/u;

/** Whether the text is mostly capitals under the options. */
export function isShouting(text: string, options: QualityOptions = DEFAULT_QUALITY_OPTIONS): { shouting: boolean; ratio: number; letters: number } {
  const { upper, lower } = caseCounts(text);
  const letters = upper + lower;
  const ratio = letters === 0 ? 0 : upper / letters;
  return { shouting: letters >= options.shoutingMinLetters && ratio >= options.shoutingRatio, ratio, letters };
}

const ANCHOR = /<a\b[^<>]*\bhref\s*=[^<>]*>[\s\S]*?(?:<\/a\s*>|$)/gi;
const BARE_LINK = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/giu;

/** Number of links: each HTML anchor with an href counts once (its text is not counted again), then each bare http(s):// or www. address. */
export function countLinks(body: string): number {
  let anchors = 0;
  const rest = body.replace(ANCHOR, () => {
    anchors++;
    return ' ';
  });
  const bare = rest.normalize('NFKC').match(BARE_LINK);
  return anchors + (bare ? bare.length : 0);
}
