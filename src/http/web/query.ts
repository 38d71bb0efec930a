// Reading page query strings leniently: a page never answers 400 to a hand-edited address; a value
// it cannot use is ignored (and, where it matters, named on the page).

import { isRowId } from '../../services/cursor.js';

export type Query = Record<string, string | string[] | undefined>;

/** The last value of a query parameter, or undefined. */
export function str(q: unknown, name: string): string | undefined {
  const v = (q as Query | undefined)?.[name];
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof last === 'string' ? last : undefined;
}

/** A rating 1–10 in steps of 0.5, or undefined. */
export function ratingParam(q: unknown, name: string): number | undefined {
  const raw = str(q, name);
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 1 && n <= 10 && Number.isInteger(n * 2) ? n : undefined;
}

/** The `:id` of a page address as a row id (1 to 2³¹ − 1, what the id columns hold), or undefined. */
export function idParam(params: unknown): number | undefined {
  const raw = (params as { id?: unknown } | undefined)?.id;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,9}$/.test(raw)) return undefined;
  const n = Number(raw);
  return isRowId(n) ? n : undefined;
}
