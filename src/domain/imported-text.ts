// A review written elsewhere, made into a Marquee review: Letterboxd exports hold light HTML
// (<b>, <i>, <a href>, <br>, <blockquote>) and line breaks inside the text; Marquee stores plain text
// whose paragraphs are its non-blank lines, and needs a headline (1–120 characters) that Letterboxd
// has not got. Pure functions.
import { HEADLINE_MAX } from './review-text.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

/** HTML of a Letterboxd review → plain text: tags off (a link keeps its text), entities decoded. */
export function plainTextOf(html: string): string {
  let text = html.replace(/\r\n?/g, '\n');
  text = text.replace(/<br\s*\/?>/gi, '\n');
  text = text.replace(/<\/(p|blockquote|div|li)>/gi, '\n\n');
  text = text.replace(/<[a-z/!][^<>]*>/gi, '');
  text = text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? whole;
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? whole;
    return ENTITIES[lower] ?? whole;
  });
  // Trailing blanks on each line and runs of blank lines carry no meaning in plain text.
  text = text
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  return text.trim();
}

function safeCodePoint(cp: number): string | null {
  if (!Number.isInteger(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return String.fromCodePoint(cp);
}


/**
 * A headline for a review that came without one: its first sentence (or first line), cut at a word
 * boundary to fit 120 characters with an ellipsis; the title's name when the text is empty.
 */
export function headlineFor(body: string, titleName: string): string {
  const firstLine = body.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  if (firstLine === '') return clip(titleName);
  const sentence = /^(.+?[.!?…])(\s|$)/u.exec(firstLine)?.[1] ?? firstLine;
  return clip(sentence);
}

function clip(text: string): string {
  const chars = [...text];
  if (chars.length <= HEADLINE_MAX) return text;
  const cut = chars.slice(0, HEADLINE_MAX - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > HEADLINE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
