// Mention linking: names of catalog titles and people in a review body become links, stored as
// spans of the body. The matcher is built once per catalog version and then links any text in time
// linear in its length (plus the number of candidate matches, which word boundaries keep small).
//
// Matching runs on the folded, separator-free text from names.ts (foldIndexed): case, accents,
// compatibility forms and romanisation spacing do not matter, and every folded character knows the
// original range it came from, so spans are UTF-16 offsets into the text as written.
//
// Rules (each one documented where it is applied):
// - leftmost-longest: among the candidates that pass the boundary checks, the earliest start wins,
//   then the longest; an overlapping shorter candidate is dropped even when the winner links nothing
//   ("Love in the Big City" never links "Love" inside it);
// - boundaries: a match never starts or ends inside a word, except that a match may start inside a
//   Han/kana run and end inside a Han/kana run (no spaces in Chinese/Japanese), and a match may end
//   right before a Korean particle ("기생충은", "Parasite를" — but not "기생충학", parasitology).
//   Hangul is not treated like Han/kana at the start: Korean puts spaces between words, so "반기생충"
//   does not link "기생충";
// - spacing: hyphens and apostrophes in a name or the text are optional ("Da-seul" = "Daseul"), a
//   space in the name must be some separator in the text ("Hwang Daseul", not "Hwangdaseul"; the
//   text "he at" never links "Heat"), except between two CJK characters ("살인의추억" = "살인의 추억");
//   no name runs across a line break;
// - ambiguity: a name folding to the key of two or more catalog entries (two titles, or a title and
//   a person) links only when "(YEAR)" follows it and exactly one title has that year; otherwise
//   nothing. A single title followed by a different "(YEAR)" is another work: nothing. The span
//   covers the name only, not the "(YEAR)" — the link is the name, the year just picked it;
// - noise: names whose key is shorter than 2 characters or contains no letter ("9", "1917", "2046")
//   are never linked — years and numbers in reviews would link otherwise; a one-word name in a cased
//   script ("Up", "Her", "Parasite") links only where the text writes it with a capital letter, so
//   "look up" or "her performance" stay plain text.
import { BRK_HARD, BRK_JOINER, BRK_NONE, BRK_SPACE, CJK, HANGUL, foldIndexed, type FoldedText } from './names.js';

export type MentionKind = 'title' | 'person';

export interface CatalogEntry {
  kind: MentionKind;
  id: number;
  /** Name, original name and aliases (titles), or the person's names. */
  names: string[];
  year?: number | null;
}

export interface MentionSpan {
  /** UTF-16 offsets into the original text: text.slice(start, end) is the name as written. */
  start: number;
  end: number;
  kind: MentionKind;
  id: number;
}

export interface Matcher {
  link(text: string): MentionSpan[];
  /** Trie nodes and distinct keys (for capacity reports). */
  readonly stats: { nodes: number; keys: number; names: number };
}

// Pattern break codes, per position of a key (position r: between key characters r−1 and r).
const PB_NONE = 0;
const PB_OPTIONAL = 1; // joiner in the name, or a space between two CJK characters: may be absent in the text
const PB_REQUIRED = 2; // a space in the name: the text must separate the words too ("he at" is not "Heat")

/** Korean particles (josa) and copula forms that attach to a noun; a Hangul match may end before one. */
const PARTICLES = [
  '은', '는', '이', '가', '을', '를', '의', '에', '께', '와', '과', '도', '만', '로', '랑', '나', '며', '였', '인', '라',
  '란', '야', '요', '엔', '뿐', '으로', '으론', '하고', '한테', '까지', '부터', '보다', '처럼', '같이', '마저', '조차',
  '밖에', '더러', '대로',
];

const MIN_KEY_LENGTH = 2;

/**
 * Builds the matcher: an Aho–Corasick automaton (A. V. Aho and M. J. Corasick, "Efficient string
 * matching: an aid to bibliographic search", CACM 18(6), 1975) over the compact keys of all names.
 *
 * Memory matters at catalog scale (600,000 names, millions of trie nodes), so the trie is not a
 * Map per node: keys are sorted, and nodes are laid out breadth-first with each node's children
 * contiguous and sorted by character — child lookup is a binary search, a node is ~18 bytes in
 * typed arrays, and breadth-first order is exactly the order failure links must be computed in.
 * The root's children, where scanning spends most of its time, get a direct 64K table.
 */
export function buildMatcher(entries: readonly CatalogEntry[]): Matcher {
  // 1. Records: one per (entry, name) whose key is usable; grouped by key.
  const byKey = new Map<string, number>(); // key → first record
  const recNext: number[] = [];
  const recEntry: number[] = [];
  const recBreakAt: number[] = []; // offset of the record's break codes in `breaks`
  const recFlags: number[] = []; // 1 = one-word name in a cased script: needs a capital in the text
  const breaks: number[] = [];
  let names = 0;
  for (let e = 0; e < entries.length; e++) {
    const seen = new Set<string>();
    for (const name of entries[e]!.names) {
      const f = foldIndexed(name);
      const key = f.compact;
      if (Array.from(key).length < MIN_KEY_LENGTH || !/\p{L}/u.test(key)) continue;
      // Break codes of this spelling; one title's name and alias with the same key and breaks count once.
      const codes: number[] = [PB_NONE];
      let words = 1;
      for (let r = 1; r < key.length; r++) {
        const b = f.brk[r]!;
        if (b === BRK_NONE) codes.push(PB_NONE);
        else {
          words++;
          const bothCjk = (f.cls[r - 1]! & CJK) !== 0 && (f.cls[r]! & CJK) !== 0;
          codes.push(b === BRK_JOINER || bothCjk ? PB_OPTIONAL : PB_REQUIRED);
        }
      }
      const cased = words === 1 && /\p{Lu}/u.test(name) && /\p{Ll}/u.test(key);
      const sig = `${key}\u0000${codes.join('')}${cased ? 'c' : ''}`;
      if (seen.has(sig)) continue;
      seen.add(sig);
      names++;
      const rec = recEntry.length;
      recEntry.push(e);
      recBreakAt.push(breaks.length);
      for (const c of codes) breaks.push(c);
      recFlags.push(cased ? 1 : 0);
      recNext.push(byKey.get(key) ?? -1);
      byKey.set(key, rec);
    }
  }
  const keys = [...byKey.keys()].sort();
  const keyRec = new Int32Array(keys.length);
  const keyLen = new Int32Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    keyRec[k] = byKey.get(keys[k]!)!;
    keyLen[k] = keys[k]!.length;
  }
  byKey.clear();
  const recNextA = Int32Array.from(recNext);
  const recEntryA = Int32Array.from(recEntry);
  const recBreakAtA = Int32Array.from(recBreakAt);
  const recFlagsA = Uint8Array.from(recFlags);
  const breaksA = Uint8Array.from(breaks);
  const entryKind = Uint8Array.from(entries, (e) => (e.kind === 'title' ? 0 : 1));
  const entryId = Float64Array.from(entries, (e) => e.id);
  const entryYear = Int32Array.from(entries, (e) => e.year ?? 0);

  // 2. Trie, breadth first. Node count = 1 + Σ (|key| − common prefix with the previous key).
  let nodeCount = 1;
  for (let k = 0; k < keys.length; k++) {
    const a = keys[k]!;
    const b = k > 0 ? keys[k - 1]! : '';
    let l = 0;
    while (l < a.length && l < b.length && a.charCodeAt(l) === b.charCodeAt(l)) l++;
    nodeCount += a.length - l;
  }
  const childStart = new Int32Array(nodeCount + 1);
  const edge = new Uint16Array(nodeCount);
  const out = new Int32Array(nodeCount).fill(-1); // key index ending at this node
  const fail = new Int32Array(nodeCount);
  const dict = new Int32Array(nodeCount); // nearest proper suffix node that ends a key (0: none)
  {
    const lo = new Int32Array(nodeCount);
    const hi = new Int32Array(nodeCount);
    const depth = new Int32Array(nodeCount);
    lo[0] = 0;
    hi[0] = keys.length;
    let next = 1;
    for (let v = 0; v < nodeCount; v++) {
      let a = lo[v]!;
      const z = hi[v]!;
      const d = depth[v]!;
      if (a < z && keys[a]!.length === d) out[v] = a++; // sorted: the key equal to the prefix comes first
      childStart[v] = next;
      while (a < z) {
        const c = keys[a]!.charCodeAt(d);
        let b = a + 1;
        while (b < z && keys[b]!.charCodeAt(d) === c) b++;
        edge[next] = c;
        lo[next] = a;
        hi[next] = b;
        depth[next] = d + 1;
        next++;
        a = b;
      }
    }
    childStart[nodeCount] = next;
  }
  const root = new Int32Array(0x10000);
  for (let u = childStart[0]!; u < childStart[1]!; u++) root[edge[u]!] = u;

  const child = (v: number, c: number): number => {
    if (v === 0) return root[c]!;
    let a = childStart[v]!;
    let b = childStart[v + 1]! - 1;
    while (a <= b) {
      const m = (a + b) >>> 1;
      const e = edge[m]!;
      if (e === c) return m;
      if (e < c) a = m + 1;
      else b = m - 1;
    }
    return 0;
  };

  // 3. Failure and dictionary-suffix links, in breadth-first order (parents before children).
  for (let v = 0; v < nodeCount; v++) {
    for (let u = childStart[v]!; u < childStart[v + 1]!; u++) {
      if (v === 0) fail[u] = 0;
      else {
        const c = edge[u]!;
        let f = fail[v]!;
        let g = child(f, c);
        while (g === 0 && f !== 0) {
          f = fail[f]!;
          g = child(f, c);
        }
        fail[u] = g;
      }
      const f = fail[u]!;
      dict[u] = out[f]! >= 0 ? f : dict[f]!;
    }
  }

  const stats = { nodes: nodeCount, keys: keys.length, names };
  return {
    stats,
    link: (text) =>
      linkText(text, { child, out, fail, dict, keyLen, keyRec, recNext: recNextA, recEntry: recEntryA, recBreakAt: recBreakAtA, recFlags: recFlagsA, breaks: breaksA, entryKind, entryId, entryYear }),
  };
}

interface Tables {
  child: (v: number, c: number) => number;
  out: Int32Array;
  fail: Int32Array;
  dict: Int32Array;
  keyLen: Int32Array;
  keyRec: Int32Array;
  recNext: Int32Array;
  recEntry: Int32Array;
  recBreakAt: Int32Array;
  recFlags: Uint8Array;
  breaks: Uint8Array;
  entryKind: Uint8Array;
  entryId: Float64Array;
  entryYear: Int32Array;
}

const YEAR_AFTER = /[ \t\u00a0]?[(\uff08]\s*(\d{4})\s*[)\uff09]/y;

function linkText(text: string, t: Tables): MentionSpan[] {
  const f = foldIndexed(text);
  const s = f.compact;
  const n = s.length;
  // Candidates: [start, end, entry or −1 when it resolves to nothing], in compact offsets.
  const cand: number[] = [];
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let g = t.child(v, c);
    while (g === 0 && v !== 0) {
      v = t.fail[v]!;
      g = t.child(v, c);
    }
    v = g;
    for (let u = t.out[v]! >= 0 ? v : t.dict[v]!; u !== 0; u = t.dict[u]!) {
      const key = t.out[u]!;
      const end = i + 1;
      const start = end - t.keyLen[key]!;
      if (!boundariesOk(f, start, end)) continue;
      const entry = resolve(text, f, t, key, start, end);
      if (entry !== -2) cand.push(start, end, entry);
    }
  }
  if (cand.length === 0) return [];
  // Leftmost-longest, non-overlapping.
  const order = Array.from({ length: cand.length / 3 }, (_, k) => k * 3);
  order.sort((a, b) => cand[a]! - cand[b]! || cand[b + 1]! - cand[a + 1]!);
  const spans: MentionSpan[] = [];
  let taken = 0;
  for (const k of order) {
    const start = cand[k]!;
    const end = cand[k + 1]!;
    const entry = cand[k + 2]!;
    if (start < taken) continue;
    taken = end;
    if (entry < 0) continue;
    spans.push({ start: f.from[start]!, end: f.to[end - 1]!, kind: t.entryKind[entry] === 0 ? 'title' : 'person', id: t.entryId[entry]! });
  }
  return spans;
}

/** Word-boundary rules for a match on compact [start, end). */
function boundariesOk(f: FoldedText, start: number, end: number): boolean {
  const n = f.compact.length;
  // Never split a fold unit ("ﬁ", "㈜"): the span must cover whole original characters.
  if (start > 0 && f.from[start - 1] === f.from[start]) return false;
  if (end < n && f.to[end] === f.to[end - 1]) return false;
  if (start > 0 && f.brk[start] === BRK_NONE) {
    // Inside a word: fine within Han/kana (no spaces between words); not within Latin etc., and not
    // within a Hangul word (Korean separates words with spaces; a name does not start mid-word).
    const first = f.cls[start]!;
    const prev = f.cls[start - 1]!;
    if (!(first & CJK) || first & HANGUL) return false;
    if (prev & HANGUL) return false;
  }
  if (end < n && f.brk[end] === BRK_NONE) {
    const last = f.cls[end - 1]!;
    const next = f.cls[end]!;
    if (next & HANGUL) return particleAt(f, end);
    if (!(last & CJK) || last & HANGUL || !(next & CJK)) return false;
  }
  return true;
}

function particleAt(f: FoldedText, end: number): boolean {
  const s = f.compact;
  for (const p of PARTICLES) {
    if (!s.startsWith(p, end)) continue;
    // The particle must end the word, or be followed by more Hangul (particles stack: "에서는").
    const after = end + p.length;
    if (after >= s.length || f.brk[after] !== BRK_NONE || f.cls[after]! & HANGUL) return true;
  }
  return false;
}

/**
 * The entry a boundary-valid match of `key` links to: an entry index, −1 (a mention, but ambiguous
 * or of another year: consumes the text, links nothing) or −2 (not a mention of this spelling).
 */
function resolve(text: string, f: FoldedText, t: Tables, key: number, start: number, end: number): number {
  YEAR_AFTER.lastIndex = f.to[end - 1]!;
  const m = YEAR_AFTER.exec(text);
  const year = m ? Number(m[1]) : 0;
  // One pass over the key's spellings, O(spellings) even for a name thousands of people share. An
  // entry's spellings of one key are adjacent in the list (they were added together), so comparing
  // with the previous fitting entry is enough to count entries, not spellings.
  let first = -1;
  let many = false;
  let ofYear = -1;
  let ofYearCount = 0;
  let prev = -1;
  for (let r = t.keyRec[key]!; r >= 0; r = t.recNext[r]!) {
    const e = t.recEntry[r]!;
    if (e === prev || !breaksOk(f, t, r, start, end)) continue;
    if (t.recFlags[r] === 1 && !/\p{Lu}/u.test(text.slice(f.from[start]!, f.to[end - 1]!))) continue;
    prev = e;
    if (first < 0) first = e;
    else if (e !== first) many = true;
    if (year && t.entryKind[e] === 0 && t.entryYear[e] === year) {
      ofYear = e;
      ofYearCount++;
    }
    if (many && !year) return -1; // ambiguous, and no year to settle it
  }
  if (first < 0) return -2;
  if (!many) {
    // One entry: a title of another year, written out, is another work.
    const y = t.entryYear[first]!;
    return year && t.entryKind[first] === 0 && y && y !== year ? -1 : first;
  }
  return ofYearCount === 1 ? ofYear : -1;
}

/** Separators inside the match must agree with the name's own (see PB_*). */
function breaksOk(f: FoldedText, t: Tables, rec: number, start: number, end: number): boolean {
  const at = t.recBreakAt[rec]!;
  for (let j = start + 1; j < end; j++) {
    const tb = f.brk[j]!;
    const pb = t.breaks[at + j - start]!;
    if (tb === BRK_HARD) return false;
    if (tb === BRK_SPACE && pb === PB_NONE) return false;
    if (tb === BRK_NONE && pb === PB_REQUIRED) return false;
  }
  return true;
}

// Rendering ------------------------------------------------------------------------------------

/** A piece of a paragraph: plain text, or the text of one mention. */
export type Segment<M> = { text: string; mention?: undefined } | { text: string; mention: M };

/**
 * Splits `text` — the part of a body that starts at UTF-16 offset `offset` — into plain and mention
 * segments. Mentions outside the text, crossing its edges, overlapping an earlier one or empty are
 * left as plain text, so a bad span can never lose or repeat a character: joining the segments'
 * texts always gives `text` back. Escaping is the renderer's (Preact escapes text children).
 */
export function splitMentions<M extends { start: number; end: number }>(text: string, mentions: readonly M[], offset = 0): Segment<M>[] {
  const end = offset + text.length;
  const inside = mentions
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= offset && m.end <= end && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment<M>[] = [];
  let at = offset;
  for (const m of inside) {
    if (m.start < at) continue; // overlaps the previous one
    if (m.start > at) out.push({ text: text.slice(at - offset, m.start - offset) });
    out.push({ text: text.slice(m.start - offset, m.end - offset), mention: m });
    at = m.end;
  }
  if (at < end || out.length === 0) out.push({ text: text.slice(at - offset) });
  return out;
}

/** One paragraph of a body: its text, where that text starts in the body, and its segments. */
export interface Paragraph<M> {
  start: number;
  text: string;
  segments: Segment<M>[];
}

/**
 * A body's paragraphs as the contract counts them — its non-blank lines, trimmed (split at \n or
 * \r\n, as `paragraphsOf` in src/http/web/components/review-body.tsx does) — each with its offset
 * in the body and its segments. A mention never spans a line break, so none is lost between lines.
 */
export function paragraphsWithMentions<M extends { start: number; end: number }>(body: string, mentions: readonly M[]): Paragraph<M>[] {
  const out: Paragraph<M>[] = [];
  let at = 0;
  for (const piece of body.split('\n')) {
    const line = piece.endsWith('\r') ? piece.slice(0, -1) : piece;
    const text = line.trim();
    if (text !== '') {
      const start = at + (line.length - line.trimStart().length);
      out.push({ start, text, segments: splitMentions(text, mentions, start) });
    }
    at += piece.length + 1;
  }
  return out;
}
