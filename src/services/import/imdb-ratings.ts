// An IMDb "Your ratings" export (imdb.com → Your ratings → Export). The current layout has 14 columns
// (Const, Your Rating, Date Rated, Title, Original Title, URL, Title Type, IMDb Rating, Runtime (mins),
// Year, Genres, Num Votes, Release Date, Directors); older ones have 13 (no Original Title) and may be
// Latin-1 rather than UTF-8 (csv.ts detects it). Ratings are whole numbers 1–10, dates M/D/YYYY.
// Columns are found by name, so both layouts read the same.
import { AppError } from '../../domain/errors.js';
import { fromImdbRating, parseDay, parseYear } from '../../domain/rating-scales.js';
import { readCsv, type CsvFile } from './csv.js';
import type { ParsedExport, PersonalRow } from './personal-rows.js';
import type { InputFile } from './letterboxd.js';

const KIND: Record<string, PersonalRow['kind']> = {
  movie: 'film',
  'tv movie': 'film',
  short: 'film',
  'tv short': 'film',
  video: 'film',
  'tv special': 'film',
  'tv series': 'series',
  'tv mini series': 'series',
  'tv mini-series': 'series',
  'tv episode': 'episode',
};

export function parseImdbRatings(input: InputFile): ParsedExport {
  let csv: CsvFile;
  try {
    csv = readCsv(input.bytes, input.name, ['Const', 'Your Rating', 'Title']);
  } catch (err) {
    throw new AppError('validation_failed', `${(err as Error).message}: is it an IMDb "Your ratings" export?`, 'file');
  }
  const rows: PersonalRow[] = [];
  const problems = [...csv.problems];
  for (const { line, fields } of csv.records) {
    const bad = (reason: string) => problems.push({ file: input.name, line, reason });
    const imdbId = (fields.Const ?? '').trim();
    if (!/^tt\d{5,10}$/.test(imdbId)) {
      bad(`"${fields.Const}" is not an IMDb title id (tt…)`);
      continue;
    }
    const name = (fields.Title ?? '').trim();
    if (name === '') {
      bad('no title');
      continue;
    }
    const r = fromImdbRating(fields['Your Rating'] ?? '');
    if (!r.ok) {
      bad(r.reason);
      continue;
    }
    const year = parseYear(fields.Year);
    if (year === undefined) {
      bad(`year "${fields.Year}" is not a year`);
      continue;
    }
    const dateRaw = (fields['Date Rated'] ?? '').trim();
    const loggedOn = dateRaw === '' ? null : parseDay(dateRaw);
    if (loggedOn === null && dateRaw !== '') {
      bad(`date rated "${dateRaw}" is not a date`);
      continue;
    }
    const original = (fields['Original Title'] ?? '').trim();
    const type = (fields['Title Type'] ?? '').trim().toLowerCase();
    rows.push({
      file: input.name,
      line,
      source: 'imdb-ratings',
      name,
      originalName: original && original !== name ? original : null,
      year,
      imdbId,
      kind: type === '' ? null : (KIND[type] ?? 'film'),
      rating: r.rating,
      loggedOn,
      watchedOn: null,
      review: null,
    });
  }
  return { files: [{ file: input.name, kind: 'imdb-ratings', rows: rows.length }], ignored: [], rows, problems };
}
