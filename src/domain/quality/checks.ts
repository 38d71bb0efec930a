// The checks added to CHECKS in index.ts: repeated_sentence, too_short, shouting, link_spam. Each maps
// the text to Warning objects ({code, message, …details}); the near-duplicate warning, which needs an
// index of other reviews, is built by nearDuplicateWarnings in near-duplicate.ts.
import { findRepeatedSentences } from './sentences.js';
import { countLinks, isShouting, resolveOptions, visibleLength, type QualityOptions } from './signals.js';

/** Same shape as index.ts's Warning (kept here so this module does not import index.ts). */
export interface SignalWarning {
  code: string;
  message: string;
  [detail: string]: unknown;
}

/** Input these checks read; structurally a subset of QualityInput. */
export interface SignalInput {
  headline: string;
  body: string;
  options?: Partial<QualityOptions>;
}

function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/gu, ' ');
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

export function repeatedSentenceWarnings({ body }: SignalInput): SignalWarning[] {
  return findRepeatedSentences(body).map((r) => ({
    code: 'repeated_sentence',
    sentence: r.sentence,
    same_as: r.sameAs,
    start: r.span.start,
    end: r.span.end,
    same_as_start: r.sameAsSpan.start,
    same_as_end: r.sameAsSpan.end,
    message: `Sentence ${r.sentence + 1} (“${quote(body.slice(r.span.start, r.span.end))}”) repeats sentence ${r.sameAs + 1}.`,
  }));
}

/**
 * too_short runs only when the caller passes `options` (even `{}` for the defaults): the review
 * endpoints' existing behaviour — short bodies without warnings — stays until they opt in.
 */
export function tooShortWarnings({ body, options }: SignalInput): SignalWarning[] {
  if (options === undefined) return [];
  const { minLength } = resolveOptions(options);
  const length = visibleLength(body);
  if (length >= minLength) return [];
  return [
    {
      code: 'too_short',
      length,
      min_length: minLength,
      message: `The review is ${length} characters long; reviews of at least ${minLength} characters help other readers more.`,
    },
  ];
}

export function shoutingWarnings({ body, options }: SignalInput): SignalWarning[] {
  const resolved = resolveOptions(options);
  const { shouting, ratio } = isShouting(body, resolved);
  if (!shouting) return [];
  const percent = Math.round(ratio * 100);
  return [
    {
      code: 'shouting',
      ratio: Math.round(ratio * 1000) / 1000,
      message: `${percent} % of the letters are capitals, which reads as shouting; consider normal capitalisation.`,
    },
  ];
}

export function linkSpamWarnings({ body, options }: SignalInput): SignalWarning[] {
  const { maxLinks } = resolveOptions(options);
  const links = countLinks(body);
  if (links <= maxLinks) return [];
  return [
    {
      code: 'link_spam',
      links,
      max_links: maxLinks,
      message: `The review has ${links} links; at most ${maxLinks} are allowed before it is treated as possible spam.`,
    },
  ];
}
