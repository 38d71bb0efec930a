// What a person's export from another site becomes before it is matched to our catalog: one row per
// line that says something about one title (a rating, a watch date, a review), with where it came
// from so every problem is reported as FILE:LINE: reason.
import type { LineProblem } from './csv.js';

export type RowSource = 'letterboxd-ratings' | 'letterboxd-diary' | 'letterboxd-reviews' | 'imdb-ratings';

export interface PersonalRow {
  file: string;
  line: number;
  source: RowSource;
  name: string;
  originalName: string | null;
  year: number | null;
  /** IMDb's tt… id where the file has one. */
  imdbId: string | null;
  /** What the file says the title is, where it says (IMDb's "Title Type"). */
  kind: 'film' | 'series' | 'episode' | null;
  /** 1 … 10, already converted. */
  rating: number | null;
  /** The day the row was logged or rated (Letterboxd "Date", IMDb "Date Rated"). */
  loggedOn: string | null;
  watchedOn: string | null;
  /** Plain text of a review. */
  review: string | null;
}

export interface ReadFile {
  file: string;
  kind: RowSource;
  rows: number;
}

export interface ParsedExport {
  files: ReadFile[];
  /** Files seen but not read (a Letterboxd ZIP's watchlist, likes, lists…). */
  ignored: string[];
  rows: PersonalRow[];
  problems: LineProblem[];
}

/** Which of several rows about one title wins: rating sources in this order on the same day. */
export const SOURCE_RANK: Record<RowSource, number> = {
  'letterboxd-ratings': 3,
  'imdb-ratings': 3,
  'letterboxd-reviews': 2,
  'letterboxd-diary': 1,
};
