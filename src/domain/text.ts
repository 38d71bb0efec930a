// Small facts about strings that several pure modules use for their fast paths.

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Whether every character is ASCII: Unicode folding (NFKC, NFKD, case) then changes nothing but case. */
export function isAscii(text: string): boolean {
  return ASCII_ONLY.test(text);
}

/** Length in characters (code points), not UTF-16 units: what JSON Schema's maxLength counts. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
