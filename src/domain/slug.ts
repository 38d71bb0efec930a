// Slugs: stable, readable, unique URL names ("love-in-the-big-city-2024").

const MAX_SLUG_LENGTH = 80;

/**
 * The base slug of a name (plus the year where known). Latin letters lose their accents; letters of
 * other scripts (Hangul, kana, Cyrillic…) are kept, so a Korean-only name still gets a readable slug.
 */
export function slugify(name: string, year?: number | null): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
  const stem = base || 'untitled';
  return year ? `${stem}-${year}` : stem;
}

/** Candidates in order: the base, then base-2, base-3, … The store picks the first that is free. */
export function* slugCandidates(base: string): Generator<string> {
  yield base;
  for (let i = 2; ; i++) yield `${base}-${i}`;
}
