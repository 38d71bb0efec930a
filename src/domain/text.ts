// Small facts about strings that several pure modules use for their fast paths.

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Whether every character is ASCII: Unicode folding (NFKC, NFKD, case) then changes nothing but case. */
export function isAscii(text: string): boolean {
  return ASCII_ONLY.test(text);
}
