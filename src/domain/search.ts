// What a search query means, as plain functions: both engines' indexes implement exactly these rules
// (src/store/dialect/search.ts), and the shared test suite checks them against this reference.
//
// Names (titles, people). Every name, original name and alias is folded by src/domain/names.ts into
// a spaced key ("hwang da seul") and a compact key ("hwangdaseul"). A query is folded the same way
// and split into words. A name matches when every query word is found in it:
//   - a word of 3 or more characters anywhere in the compact key (a substring: "사랑법" in
//     "대도시의사랑법", "daseul" in "hwangdaseul"), which also makes romanisation spacing irrelevant;
//   - a shorter word at the start of a word of the spaced key ("da" in "hwang da seul"): one or two
//     characters are too short for a trigram index and would match almost everything as substrings.
//     In scripts written without spaces (Han, kana, Hangul) it may also start anywhere inside a word
//     at one of those characters ("千尋" in "千と千尋の神隠し"): the `starts` key lists every word and
//     every such inner suffix of a word, and a short query word must begin one of them.
// An entity (a title with its aliases, a person) matches when one of its names does. Results are
// ordered by how well the best matching name matches (whole name, then beginning of the name, then
// anywhere), then by popularity (a title's review count), then by id.
//
// Reviews. The query is split into words (letters, digits and marks); a review matches when each
// word is a word of its headline or body, after case folding and accent removal (the engines' own
// tokenizers fold the text and the query alike). Reviews whose headline holds every word come
// first; within that, the most helpful first (helpful_score, then votes, then newest).
import { nameKeys, type NameKeys } from './names.js';
import { charCount } from './text.js';

/** The most words of a query that are used; the rest is ignored (keeps every query cheap). */
export const MAX_QUERY_WORDS = 8;
/** Query words with at least this many characters match anywhere in a name (trigram indexes). */
export const SUBSTRING_MIN = 3;

export interface NameQuery {
  /** The folded query without separators: the whole-name and name-start comparisons use it. */
  compact: string;
  /** Words matched anywhere in the compact key (≥ SUBSTRING_MIN characters), unique. */
  anywhere: string[];
  /** Words matched at the start of a word of the spaced key (shorter ones), unique. */
  wordStart: string[];
}


/** The name query for `q`, or null when nothing in it can match (punctuation only). */
export function parseNameQuery(q: string): NameQuery | null {
  const { spaced, compact } = nameKeys(q);
  if (spaced === '') return null;
  const words = [...new Set(spaced.split(' '))].slice(0, MAX_QUERY_WORDS);
  const anywhere = words.filter((w) => charCount(w) >= SUBSTRING_MIN);
  const wordStart = words.filter((w) => charCount(w) < SUBSTRING_MIN);
  return { compact, anywhere, wordStart };
}

const NO_SPACES_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A name's search keys: nameKeys plus `starts`, where short query words must begin a token. */
export interface SearchKeys extends NameKeys {
  /** The words of `spaced`, then each suffix of a word that begins at a Han, kana or Hangul character. */
  starts: string;
}

export function searchKeys(name: string): SearchKeys {
  const keys = nameKeys(name);
  const tokens: string[] = [];
  const inner: string[] = [];
  for (const word of keys.spaced === '' ? [] : keys.spaced.split(' ')) {
    tokens.push(word);
    const chars = Array.from(word);
    for (let i = 1; i < chars.length; i++) if (NO_SPACES_SCRIPT.test(chars[i]!)) inner.push(chars.slice(i).join(''));
  }
  return { ...keys, starts: [...tokens, ...inner].join(' ') };
}

/** Whether a name matches the query (the reference the SQL of both engines implements). */
export function nameMatchesQuery(query: NameQuery, name: string): boolean {
  const { compact, starts } = searchKeys(name);
  if (compact === '') return false;
  const padded = ` ${starts}`;
  return query.anywhere.every((w) => compact.includes(w)) && query.wordStart.every((w) => padded.includes(` ${w}`));
}

/** 0: the whole name is the query; 1: the name starts with it; 2: it matches elsewhere. */
export function nameMatchClass(query: NameQuery, name: string): 0 | 1 | 2 {
  const { compact } = nameKeys(name);
  return compact === query.compact ? 0 : compact.startsWith(query.compact) ? 1 : 2;
}

/** The words of a review query (NFKC, split at anything but letters, digits and marks), or []. */
export function reviewQueryWords(q: string): string[] {
  // A word of marks alone has nothing to match (engines drop it), so words need a letter or digit.
  const words = q.normalize('NFKC').split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of words) {
    const key = w.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(w);
    if (out.length === MAX_QUERY_WORDS) break;
  }
  return out;
}

/** The longest query accepted, in characters (the contract: longer is a validation error). */
export const MAX_QUERY_LENGTH = 200;

/** Why a query is refused, or null when it is acceptable. */
export function queryProblem(q: string): string | null {
  if (q.trim() === '') return 'Type something to search for.';
  if (charCount(q) > MAX_QUERY_LENGTH) return `A search is at most ${MAX_QUERY_LENGTH} characters.`;
  return null;
}
