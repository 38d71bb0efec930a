import { foldText, paragraphsOf } from './fold.js';

export interface RepeatedParagraph {
  /** Index of the paragraph that repeats… */
  paragraph: number;
  /** …the earlier paragraph with this index (its first occurrence). */
  sameAs: number;
}

/** Every paragraph that repeats an earlier one after folding, pointing at the first occurrence. */
export function findRepeatedParagraphs(body: string): RepeatedParagraph[] {
  const firstSeen = new Map<string, number>();
  const repeats: RepeatedParagraph[] = [];
  paragraphsOf(body).forEach((text, i) => {
    const key = foldText(text);
    const first = firstSeen.get(key);
    if (first === undefined) firstSeen.set(key, i);
    else repeats.push({ paragraph: i, sameAs: first });
  });
  return repeats;
}

/**
 * The body with repeated paragraphs removed, or null when nothing repeats. Everything else stays as
 * the author wrote it; a removed paragraph takes the blank lines before it along, so no gap remains.
 */
export function withoutRepeatedParagraphs(body: string): string | null {
  const seen = new Set<string>();
  const kept: string[] = [];
  let removed = false;
  for (const line of body.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      kept.push(line);
      continue;
    }
    const key = foldText(line);
    if (seen.has(key)) {
      removed = true;
      while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop();
      continue;
    }
    seen.add(key);
    kept.push(line);
  }
  return removed ? kept.join(body.includes('\r\n') ? '\r\n' : '\n') : null;
}
