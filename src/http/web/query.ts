// Reading page query strings leniently: a page never answers 400 to a hand-edited address; a value
// it cannot use is ignored (and, where it matters, named on the page).

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
