// A Letterboxd export (letterboxd.com → Settings → Data → Export): the ZIP, or its reviews.csv,
// ratings.csv and diary.csv on their own. Columns (shared/data/README.md): ratings `Date, Name, Year,
// Letterboxd URI, Rating`; diary adds `Rewatch, Tags, Watched Date`; reviews adds `Review` (light
// HTML, line breaks inside quoted fields). Ratings are 0.5–5 stars; Letterboxd rows carry no IMDb id,
// so titles are matched by name and year. Other files of the ZIP (watched, watchlist, likes, lists,
// comments, deleted/, orphaned/) are listed back as not read.
import { unzipSync } from 'fflate';
import { AppError } from '../../domain/errors.js';
import { fromLetterboxdStars, parseDay, parseYear } from '../../domain/rating-scales.js';
import { plainTextOf } from '../../domain/imported-text.js';
import { readCsv, type CsvFile } from './csv.js';
import type { ParsedExport, PersonalRow, RowSource } from './personal-rows.js';

/** Most bytes a ZIP may unpack to (the largest real export we know is a few MB). */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

const READ = ['reviews.csv', 'ratings.csv', 'diary.csv'];

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export const isZip = (bytes: Uint8Array): boolean => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The CSV files inside a Letterboxd ZIP that this import reads, and the names of the others. */
export function unpackLetterboxdZip(zip: InputFile): { files: InputFile[]; ignored: string[] } {
  let total = 0;
  const names: string[] = [];
  try {
    // First pass: the names (and the unpacked size, against ZIP bombs); nothing is inflated yet.
    unzipSync(zip.bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_UNPACKED_BYTES) throw new AppError('payload_too_large', `${zip.name} unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB.`);
        if (!f.name.endsWith('/')) names.push(f.name);
        return false;
      },
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('validation_failed', `${zip.name} is not a readable ZIP file.`, 'file');
  }
  // Letterboxd puts the files at the top of the ZIP; a re-packed one may put everything in one folder.
  const first = names[0]?.split('/')[0];
  const root = first !== undefined && names.every((n) => n.startsWith(`${first}/`)) ? `${first}/` : '';
  const wanted = (n: string) => READ.includes(n.slice(root.length));
  const entries = unzipSync(zip.bytes, { filter: (f) => wanted(f.name) });
  const files = Object.entries(entries).map(([name, bytes]) => ({ name: `${zip.name}/${name}`, bytes }));
  if (files.length === 0) throw new AppError('validation_failed', `${zip.name} holds none of reviews.csv, ratings.csv or diary.csv: is it a Letterboxd export?`, 'file');
  return { files, ignored: names.filter((n) => !wanted(n)).map((n) => `${zip.name}/${n}`) };
}

/** Reads the files of a Letterboxd export (a ZIP, or any of its three CSVs). */
export function parseLetterboxd(inputs: InputFile[]): ParsedExport {
  const out: ParsedExport = { files: [], ignored: [], rows: [], problems: [] };
  const csvs: InputFile[] = [];
  for (const input of inputs) {
    if (isZip(input.bytes)) {
      const { files, ignored } = unpackLetterboxdZip(input);
      csvs.push(...files);
      out.ignored.push(...ignored);
    } else csvs.push(input);
  }
  // Ratings first, then the diary, then reviews: the order the import applies them in.
  const parsed = csvs.map((f) => ({ f, csv: readLetterboxdCsv(f) }));
  parsed.sort((a, b) => order(a.csv.kind) - order(b.csv.kind));
  for (const { csv } of parsed) {
    out.files.push({ file: csv.file, kind: csv.kind, rows: csv.rows.length });
    out.rows.push(...csv.rows);
    out.problems.push(...csv.problems);
  }
  return out;
}

const order = (k: RowSource) => (k === 'letterboxd-ratings' ? 0 : k === 'letterboxd-diary' ? 1 : 2);

function readLetterboxdCsv(input: InputFile): { file: string; kind: RowSource; rows: PersonalRow[]; problems: ParsedExport['problems'] } {
  let csv: CsvFile;
  try {
    csv = readCsv(input.bytes, input.name, ['Name', 'Year']);
  } catch (err) {
    throw new AppError('validation_failed', `${(err as Error).message}: is it a Letterboxd reviews.csv, ratings.csv or diary.csv?`, 'file');
  }
  const h = new Set(csv.header);
  const kind: RowSource | null = h.has('Review') ? 'letterboxd-reviews' : h.has('Watched Date') ? 'letterboxd-diary' : h.has('Rating') ? 'letterboxd-ratings' : null;
  if (kind === null) {
    throw new AppError('validation_failed', `${input.name} is not a Letterboxd reviews.csv, ratings.csv or diary.csv (its columns: ${csv.header.join(', ')}).`, 'file');
  }
  const rows: PersonalRow[] = [];
  const problems = [...csv.problems];
  for (const { line, fields } of csv.records) {
    const bad = (reason: string) => problems.push({ file: input.name, line, reason });
    const name = (fields.Name ?? '').trim();
    if (name === '') {
      bad('no film name');
      continue;
    }
    const year = parseYear(fields.Year);
    if (year === undefined) {
      bad(`year "${fields.Year}" is not a year`);
      continue;
    }
    let rating: number | null = null;
    if ((fields.Rating ?? '').trim() !== '') {
      const r = fromLetterboxdStars(fields.Rating!);
      if (!r.ok) {
        bad(r.reason);
        continue;
      }
      rating = r.rating;
    }
    const loggedOn = (fields.Date ?? '').trim() === '' ? null : parseDay(fields.Date!);
    if (loggedOn === null && (fields.Date ?? '').trim() !== '') {
      bad(`date "${fields.Date}" is not a date`);
      continue;
    }
    const watchedRaw = (fields['Watched Date'] ?? '').trim();
    const watchedOn = watchedRaw === '' ? null : parseDay(watchedRaw);
    if (watchedOn === null && watchedRaw !== '') {
      bad(`watched date "${watchedRaw}" is not a date`);
      continue;
    }
    const review = kind === 'letterboxd-reviews' ? plainTextOf(fields.Review ?? '') || null : null;
    rows.push({ file: input.name, line, source: kind, name, originalName: null, year, imdbId: null, kind: null, rating, loggedOn, watchedOn, review });
  }
  return { file: input.name, kind, rows, problems };
}
