// Text folding shared by every text check: two passages that differ only by Unicode form, case or
// white space compare equal.

/** NFKC, case folded, runs of white space collapsed, trimmed. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Paragraphs are the non-blank lines of the body, in order, counted from 0 (the contract's rule). */
export function paragraphsOf(body: string): string[] {
  return body.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}
