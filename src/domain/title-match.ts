// Matching a line of someone's export to one title of our catalog by name and year, never by guess:
// names compare after folding (names.ts: case, accents, width, punctuation and spacing folded, so
// "Amélie" is "Amelie" and "Spider-Man" is "Spider Man"); a title answers to its name, its original
// name and each alias. The year must be equal where the line has one. Two titles left → ambiguous,
// narrowed by kind (film or series) where the line says which; none → no match.
import { compactKey } from './names.js';

export interface Candidate {
  id: number;
  slug: string;
  kind: 'film' | 'series';
  name: string;
  original_name: string | null;
  year: number | null;
  aliases: string[];
}

export interface Wanted {
  names: string[];
  year: number | null;
  kind: 'film' | 'series' | null;
}

export type MatchResult<C extends Candidate> = { kind: 'match'; title: C } | { kind: 'ambiguous'; titles: C[] } | { kind: 'none' };

export const matchKey = (name: string): string => compactKey(name);

/** The folded keys a title answers to: its name, original name and aliases. */
const keysOf = (t: Candidate): Set<string> => new Set([t.name, t.original_name ?? '', ...t.aliases].map(matchKey).filter((k) => k !== ''));

/** An index from folded names to titles. */
export class TitleIndex<C extends Candidate> {
  readonly #byKey = new Map<string, C[]>();

  constructor(titles: Iterable<C>) {
    for (const t of titles) this.add(t);
  }

  add(t: C): void {
    for (const k of keysOf(t)) {
      const list = this.#byKey.get(k);
      if (!list) this.#byKey.set(k, [t]);
      else if (!list.includes(t)) list.push(t);
    }
  }

  /** Forgets a title (it found its match and must not be given to another). */
  remove(t: C): void {
    for (const k of keysOf(t)) {
      const rest = (this.#byKey.get(k) ?? []).filter((x) => x.id !== t.id);
      if (rest.length === 0) this.#byKey.delete(k);
      else this.#byKey.set(k, rest);
    }
  }

  get empty(): boolean {
    return this.#byKey.size === 0;
  }

  find(wanted: Wanted): MatchResult<C> {
    const found = new Map<number, C>();
    for (const name of wanted.names) {
      const key = matchKey(name);
      if (key === '') continue;
      for (const t of this.#byKey.get(key) ?? []) if (wanted.year === null || t.year === wanted.year) found.set(t.id, t);
    }
    let titles = [...found.values()];
    if (titles.length > 1 && wanted.kind !== null) {
      const sameKind = titles.filter((t) => t.kind === wanted.kind);
      if (sameKind.length > 0) titles = sameKind;
    }
    if (titles.length === 1) return { kind: 'match', title: titles[0]! };
    if (titles.length === 0) return { kind: 'none' };
    return { kind: 'ambiguous', titles: titles.sort((a, b) => a.id - b.id) };
  }
}
