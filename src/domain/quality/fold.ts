// Text folding shared by every text check: two passages that differ only by Unicode form, case or
// white space compare equal.

/** NFKC, case folded, runs of white space collapsed, trimmed. */
export function foldText(text: string): string {
  return collapseWhiteSpace(text.normalize('NFKC').toLowerCase()).trim();
}

// Only the runs that are not already one plain space: replacing every single space by itself made
// this the costliest step of the checks.
const WHITE_SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/gu;

/** Every run of white space as one plain space. */
export function collapseWhiteSpace(text: string): string {
  return text.replace(WHITE_SPACE_TO_COLLAPSE, ' ');
}

/** Paragraphs are the non-blank lines of the body, in order, counted from 0 (the contract's rule). */
export function paragraphsOf(body: string): string[] {
  return body.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}
