// Other sites' rating scales and dates, converted to Marquee's (a rating is 1 to 10 in steps of 0.5;
// see rating.ts). Pure: callers hand in the raw text of one CSV field.
//
// - Letterboxd: 0.5 to 5 stars in half-star steps ("3.5"). ×2 gives 1 to 10 in whole steps, so every
//   Letterboxd rating has exactly one Marquee rating and back (½★ → 1, ★★★★★ → 10).
// - IMDb "Your ratings": whole numbers 1 to 10, the same scale as ours.

import { isValidRating } from './rating.js';

export type Converted = { ok: true; rating: number } | { ok: false; reason: string };

/** Letterboxd stars ("0.5" … "5") → 1 … 10. */
export function fromLetterboxdStars(raw: string): Converted {
  const text = raw.trim();
  if (!/^\d(\.\d+)?$/.test(text)) return { ok: false, reason: `rating "${raw}" is not a number of stars from 0.5 to 5` };
  const stars = Number(text);
  const rating = stars * 2;
  if (!Number.isInteger(rating) || !isValidRating(rating)) return { ok: false, reason: `rating "${raw}" is not 0.5 to 5 stars in half-star steps` };
  return { ok: true, rating };
}

/** IMDb's 1 … 10 (whole numbers) → the same number. */
export function fromImdbRating(raw: string): Converted {
  const text = raw.trim();
  if (!/^\d{1,2}$/.test(text)) return { ok: false, reason: `rating "${raw}" is not a whole number from 1 to 10` };
  const rating = Number(text);
  if (!isValidRating(rating)) return { ok: false, reason: `rating "${raw}" is not a whole number from 1 to 10` };
  return { ok: true, rating };
}

/** Marquee 1 … 10 → Letterboxd stars, for the export (7.5 → 3.75 is not a star count: null). */
export function toLetterboxdStars(rating: number): number | null {
  const stars = rating / 2;
  return Number.isInteger(stars * 2) ? stars : null;
}

/** A calendar day as YYYY-MM-DD, or null: Letterboxd writes `2019-01-02`, IMDb `4/18/2026` (M/D/YYYY). */
export function parseDay(raw: string): string | null {
  const text = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1870 || y > 2200) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A year field ("2019"; blank when unknown): the number, null for blank, or undefined when malformed. */
export function parseYear(raw: string | undefined): number | null | undefined {
  const text = (raw ?? '').trim();
  if (text === '') return null;
  if (!/^\d{4}$/.test(text)) return undefined;
  const y = Number(text);
  return y >= 1870 && y <= 2200 ? y : undefined;
}
