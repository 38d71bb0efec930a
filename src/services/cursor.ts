// Opaque list cursors: base64url of the JSON sort-key values of the last item served.
import { invalid } from '../domain/errors.js';

/** A whole number that fits an integer column (ids, counts, half-points). */
export const isRowId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 2_147_483_647;

export const encodeCursor = (values: unknown): string => Buffer.from(JSON.stringify(values)).toString('base64url');

export function decodeCursor<T>(cursor: string, isValid: (v: unknown) => v is T): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor', 'That cursor is not valid; start from the first page.');
  }
  if (!isValid(value)) throw invalid('cursor', 'That cursor is not valid; start from the first page.');
  return value;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** Fetch `limit + 1` rows; this cuts the extra one off and makes the cursor from the last kept row. */
export function pageOf<R, T>(rows: R[], limit: number, toItem: (r: R) => T, keyOf: (r: R) => unknown): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { items: kept.map(toItem), next_cursor: more ? encodeCursor(keyOf(kept[kept.length - 1]!)) : null };
}
