// IMDb's non-commercial datasets (https://developer.imdb.com/non-commercial-datasets/): one record a
// line, fields separated by a tab, `\N` for null, no quoting and no escapes. A field can hold neither a
// tab nor a newline, so splitting on tabs *is* the format (no CSV parser: quotes are ordinary
// characters in these files). Pure functions: a line's fields in, a typed record or a reason out.

export const IMDB_NULL = '\\N';

/** The datasets the importer reads, and each one's header exactly as IMDb publishes it. */
export const IMDB_HEADERS = {
  'title.basics': ['tconst', 'titleType', 'primaryTitle', 'originalTitle', 'isAdult', 'startYear', 'endYear', 'runtimeMinutes', 'genres'],
  'title.akas': ['titleId', 'ordering', 'title', 'region', 'language', 'types', 'attributes', 'isOriginalTitle'],
  'title.crew': ['tconst', 'directors', 'writers'],
  'title.principals': ['tconst', 'ordering', 'nconst', 'category', 'job', 'characters'],
  'name.basics': ['nconst', 'primaryName', 'birthYear', 'deathYear', 'primaryProfession', 'knownForTitles'],
  'title.ratings': ['tconst', 'averageRating', 'numVotes'],
} as const;

export type ImdbDataset = keyof typeof IMDB_HEADERS;

/** What an IMDb titleType becomes here; types missing from this map cannot be imported. */
export const IMDB_TYPE_KINDS: Readonly<Record<string, 'film' | 'series'>> = {
  movie: 'film',
  tvMovie: 'film',
  short: 'film',
  tvShort: 'film',
  tvSpecial: 'film',
  video: 'film',
  tvSeries: 'series',
  tvMiniSeries: 'series',
};

/** IMDb types that exist but are not titles here (an episode belongs to its series; games are not films). */
export const IMDB_TYPES_NOT_IMPORTED = ['tvEpisode', 'videoGame', 'tvPilot'] as const;

/** Imported when `--types` is not given. */
export const IMDB_DEFAULT_TYPES = ['movie', 'tvMovie', 'tvSeries', 'tvMiniSeries'] as const;

/** Largest id number kept (ids live in Int32 maps while importing). */
const MAX_ID_NUMBER = 0x7fffffff;

/**
 * The number of an IMDb id with the given prefix ("tt0000005" → 5), or -1 when `text` is not one.
 * IMDb pads to at least seven digits; the number is what identifies the record.
 */
export function imdbIdNumber(text: string, prefix: 'tt' | 'nm'): number {
  const n = text.length;
  if (n < 3 || n > 12 || text.charCodeAt(0) !== prefix.charCodeAt(0) || text.charCodeAt(1) !== prefix.charCodeAt(1)) return -1;
  let value = 0;
  for (let i = 2; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value > 0 && value <= MAX_ID_NUMBER ? value : -1;
}

/** The canonical text of an id number: the prefix and at least seven digits, as IMDb writes it. */
export function imdbId(prefix: 'tt' | 'nm', value: number): string {
  const digits = String(value);
  return digits.length >= 7 ? prefix + digits : prefix + '0000000'.slice(digits.length) + digits;
}

/** A whole number in `text` (digits only), or -1. */
function digitsValue(text: string, maxLength: number): number {
  const n = text.length;
  if (n === 0 || n > maxLength) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Checks a header line against the dataset's; returns a reason when it differs. */
export function checkImdbHeader(dataset: ImdbDataset, line: string): string | null {
  const expected = IMDB_HEADERS[dataset].join('\t');
  const got = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
  return got === expected ? null : `not the ${dataset} header IMDb publishes (expected "${expected.replace(/\t/g, '\\t')}")`;
}

/** A record, or the reason the line was refused. */
export type Parsed<T> = T | { error: string };

export function isParseError<T>(p: Parsed<T>): p is { error: string } {
  return typeof (p as { error?: unknown }).error === 'string';
}

const fieldCount = (dataset: ImdbDataset, got: number) => ({ error: `expected ${IMDB_HEADERS[dataset].length} tab-separated fields, found ${got}` });

const nullable = (field: string): string | null => (field === IMDB_NULL ? null : field);

export interface BasicsRecord {
  tconst: number;
  titleType: string;
  primaryTitle: string;
  originalTitle: string | null;
  isAdult: boolean;
  startYear: number | null;
}

/** Years IMDb can hold: the first films to a little after now (announced titles). */
export function plausibleYear(year: number): boolean {
  return year >= 1850 && year <= 2200;
}

export function parseBasics(f: string[]): Parsed<BasicsRecord> {
  if (f.length !== 9) return fieldCount('title.basics', f.length);
  const tconst = imdbIdNumber(f[0]!, 'tt');
  if (tconst < 0) return { error: `tconst "${f[0]}" is not an IMDb title id (tt and digits)` };
  const titleType = f[1]!;
  if (titleType === '' || titleType === IMDB_NULL) return { error: 'titleType is empty' };
  const primaryTitle = f[2]!;
  if (primaryTitle === '' || primaryTitle === IMDB_NULL) return { error: 'primaryTitle is empty' };
  const adult = f[4]!;
  if (adult !== '0' && adult !== '1') return { error: `isAdult "${adult}" is not 0 or 1` };
  let startYear: number | null = null;
  if (f[5] !== IMDB_NULL) {
    startYear = digitsValue(f[5]!, 4);
    if (startYear < 0 || !plausibleYear(startYear)) return { error: `startYear "${f[5]}" is not a year` };
  }
  const original = f[3]!;
  return {
    tconst,
    titleType,
    primaryTitle,
    originalTitle: original === IMDB_NULL || original === '' ? null : original,
    isAdult: adult === '1',
    startYear,
  };
}

export interface AkaRecord {
  tconst: number;
  ordering: number;
  title: string;
  region: string | null;
  language: string | null;
  isOriginalTitle: boolean;
}

export function parseAka(f: string[]): Parsed<AkaRecord> {
  if (f.length !== 8) return fieldCount('title.akas', f.length);
  const tconst = imdbIdNumber(f[0]!, 'tt');
  if (tconst < 0) return { error: `titleId "${f[0]}" is not an IMDb title id (tt and digits)` };
  const ordering = digitsValue(f[1]!, 9);
  if (ordering < 0) return { error: `ordering "${f[1]}" is not a whole number` };
  const title = f[2]!;
  if (title === '' || title === IMDB_NULL) return { error: 'title is empty' };
  const original = f[7]!;
  if (original !== '0' && original !== '1' && original !== IMDB_NULL) return { error: `isOriginalTitle "${original}" is not 0 or 1` };
  return { tconst, ordering, title, region: nullable(f[3]!), language: nullable(f[4]!), isOriginalTitle: original === '1' };
}

/** A comma-separated list of nm ids, or `\N`; null when an item is not an id. */
function nameList(field: string): number[] | null {
  if (field === IMDB_NULL || field === '') return [];
  const out: number[] = [];
  for (const item of field.split(',')) {
    const n = imdbIdNumber(item, 'nm');
    if (n < 0) return null;
    out.push(n);
  }
  return out;
}

export interface CrewRecord {
  tconst: number;
  directors: number[];
  writers: number[];
}

export function parseCrew(f: string[]): Parsed<CrewRecord> {
  if (f.length !== 3) return fieldCount('title.crew', f.length);
  const tconst = imdbIdNumber(f[0]!, 'tt');
  if (tconst < 0) return { error: `tconst "${f[0]}" is not an IMDb title id (tt and digits)` };
  const directors = nameList(f[1]!);
  if (!directors) return { error: `directors "${f[1]}" is not a list of IMDb name ids` };
  const writers = nameList(f[2]!);
  if (!writers) return { error: `writers "${f[2]}" is not a list of IMDb name ids` };
  return { tconst, directors, writers };
}

export type PrincipalRole = 'director' | 'writer' | 'cast';

export interface PrincipalRecord {
  tconst: number;
  ordering: number;
  nconst: number;
  /** Our role for the category, or null for categories not kept (producer, composer, self…). */
  role: PrincipalRole | null;
  /** The characters joined with " / ", or null. */
  character: string | null;
}

/** IMDb principal categories kept as credits. */
const PRINCIPAL_ROLES: Readonly<Record<string, PrincipalRole>> = { actor: 'cast', actress: 'cast', director: 'director', writer: 'writer' };

export function parsePrincipal(f: string[]): Parsed<PrincipalRecord> {
  if (f.length !== 6) return fieldCount('title.principals', f.length);
  const tconst = imdbIdNumber(f[0]!, 'tt');
  if (tconst < 0) return { error: `tconst "${f[0]}" is not an IMDb title id (tt and digits)` };
  const ordering = digitsValue(f[1]!, 9);
  if (ordering < 0) return { error: `ordering "${f[1]}" is not a whole number` };
  const nconst = imdbIdNumber(f[2]!, 'nm');
  if (nconst < 0) return { error: `nconst "${f[2]}" is not an IMDb name id (nm and digits)` };
  const role = PRINCIPAL_ROLES[f[3]!] ?? null;
  let character: string | null = null;
  if (role === 'cast' && f[5] !== IMDB_NULL) {
    const chars = parseCharacters(f[5]!);
    if (chars === null) return { error: 'characters is not a JSON array of strings' };
    character = chars.length ? chars.join(' / ') : null;
  }
  return { tconst, ordering, nconst, role, character };
}

/** `["Batman","Bruce Wayne"]` → the strings; null when the field is not a JSON array of strings. */
export function parseCharacters(field: string): string[] | null {
  if (field.charCodeAt(0) !== 0x5b /* [ */) return null;
  let value: unknown;
  try {
    value = JSON.parse(field);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return null;
  return (value as string[]).map((v) => v.trim()).filter((v) => v !== '');
}

export interface NameRecord {
  nconst: number;
  primaryName: string;
}

export function parseName(f: string[]): Parsed<NameRecord> {
  if (f.length !== 6) return fieldCount('name.basics', f.length);
  const nconst = imdbIdNumber(f[0]!, 'nm');
  if (nconst < 0) return { error: `nconst "${f[0]}" is not an IMDb name id (nm and digits)` };
  const primaryName = f[1]!;
  if (primaryName === '' || primaryName === IMDB_NULL) return { error: 'primaryName is empty' };
  return { nconst, primaryName };
}

export interface RatingRecord {
  tconst: number;
  numVotes: number;
}

export function parseRating(f: string[]): Parsed<RatingRecord> {
  if (f.length !== 3) return fieldCount('title.ratings', f.length);
  const tconst = imdbIdNumber(f[0]!, 'tt');
  if (tconst < 0) return { error: `tconst "${f[0]}" is not an IMDb title id (tt and digits)` };
  const numVotes = digitsValue(f[2]!, 12);
  if (numVotes < 0) return { error: `numVotes "${f[2]}" is not a whole number` };
  return { tconst, numVotes };
}

/**
 * Checks `--types`: every name must be an IMDb title type that maps to a kind. Returns the reason
 * for the first bad one, or null.
 */
export function checkImdbTypes(types: readonly string[]): string | null {
  if (types.length === 0) return 'give at least one title type';
  for (const t of types) {
    if (IMDB_TYPE_KINDS[t]) continue;
    if ((IMDB_TYPES_NOT_IMPORTED as readonly string[]).includes(t)) return `IMDb's ${t} titles cannot be imported (Marquee has films and series only)`;
    return `unknown IMDb title type "${t}" (one of ${Object.keys(IMDB_TYPE_KINDS).join(', ')})`;
  }
  return null;
}

/** Whether `line` from start to end (exclusive) is an id with the prefix (as imdbIdNumber checks). */
function idAt(line: string, start: number, end: number, p0: number, p1: number): boolean {
  const n = end - start;
  if (n < 3 || n > 12 || line.charCodeAt(start) !== p0 || line.charCodeAt(start + 1) !== p1) return false;
  let value = 0;
  for (let i = start + 2; i < end; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    value = value * 10 + d;
  }
  return value > 0 && value <= MAX_ID_NUMBER;
}

/** Whether line[start, end) is `\N`. */
const isNullAt = (line: string, start: number, end: number) => end - start === 2 && line.charCodeAt(start) === 92 && line.charCodeAt(start + 1) === 78;

/**
 * The fast path for title.basics rows of types not imported (three in four of IMDb's rows are
 * episodes): true when the line is well-formed — exactly what parseBasics accepts — and its type is
 * not in `accepted`, found without splitting the line. Anything else (a wanted type, or a line
 * parseBasics would refuse) returns false and goes through parseBasics, which says why.
 */
export function isWellFormedBasicsToSkip(line: string, accepted: ReadonlySet<string>): boolean {
  const t0 = line.indexOf('\t');
  const t1 = line.indexOf('\t', t0 + 1);
  const t2 = line.indexOf('\t', t1 + 1);
  const t3 = line.indexOf('\t', t2 + 1);
  const t4 = line.indexOf('\t', t3 + 1);
  const t5 = line.indexOf('\t', t4 + 1);
  const t6 = line.indexOf('\t', t5 + 1);
  const t7 = line.indexOf('\t', t6 + 1);
  if (t0 < 0 || t1 < 0 || t2 < 0 || t3 < 0 || t4 < 0 || t5 < 0 || t6 < 0 || t7 < 0 || line.indexOf('\t', t7 + 1) >= 0) return false;
  if (t1 - t0 === 1 || isNullAt(line, t0 + 1, t1)) return false; // titleType empty
  if (accepted.has(line.slice(t0 + 1, t1))) return false;
  if (!idAt(line, 0, t0, 116, 116)) return false; // "tt"
  if (t2 - t1 === 1 || isNullAt(line, t1 + 1, t2)) return false; // primaryTitle empty
  const adult = line.charCodeAt(t3 + 1);
  if (t4 - t3 !== 2 || (adult !== 48 && adult !== 49)) return false;
  if (isNullAt(line, t4 + 1, t5)) return true;
  if (t5 - t4 - 1 < 1 || t5 - t4 - 1 > 4) return false;
  let year = 0;
  for (let i = t4 + 1; i < t5; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    year = year * 10 + d;
  }
  return plausibleYear(year);
}
