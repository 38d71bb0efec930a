// Text quality checks. Each check is a pure function from the text (and context) to warnings; the
// list grows here (near-duplicates, spam signals…) without callers changing.
import { findRepeatedParagraphs, withoutRepeatedParagraphs } from './repeats.js';
import { linkSpamWarnings, repeatedSentenceWarnings, shoutingWarnings, tooShortWarnings } from './checks.js';
import type { QualityOptions } from './signals.js';

export interface Warning {
  code: string;
  message: string;
  [detail: string]: unknown;
}

export interface Quality {
  warnings: Warning[];
  suggested_body: string | null;
}

export interface QualityInput {
  headline: string;
  body: string;
  /** Thresholds of the signal checks; missing ones take their defaults (signals.ts). too_short runs only when this is given. */
  options?: Partial<QualityOptions>;
}

type Check = (input: QualityInput) => Warning[];

const repeatedParagraphs: Check = ({ body }) =>
  findRepeatedParagraphs(body).map(({ paragraph, sameAs }) => ({
    code: 'repeated_paragraph',
    paragraph,
    same_as: sameAs,
    message: `Paragraph ${paragraph + 1} repeats paragraph ${sameAs + 1}.`,
  }));

const CHECKS: Check[] = [repeatedParagraphs, repeatedSentenceWarnings, tooShortWarnings, shoutingWarnings, linkSpamWarnings];

export function checkQuality(input: QualityInput): Quality {
  const warnings = CHECKS.flatMap((check) => check(input));
  return { warnings, suggested_body: withoutRepeatedParagraphs(input.body) };
}
