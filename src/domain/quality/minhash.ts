// Near-duplicate detection: Jaccard similarity over word 5-shingles, estimated with MinHash and found
// through locality-sensitive hashing (LSH). Pure and allocation-light: shingle sets and signatures
// are typed arrays, band keys are 32-bit numbers, and the index keeps its buckets in typed-array hash
// tables, so a million reviews fit in well under a gigabyte.
//
// Similarity is measured on the text with markup removed (HTML tags stripped, a few entities
// decoded), after Unicode NFKC and case folding. Words come from Intl.Segmenter (granularity 'word',
// isWordLike only), so Korean, Japanese and Chinese are shingled as well as English; punctuation and
// white space never count.
import { isAscii } from '../text.js';

/** Words per shingle. */
export const SHINGLE_SIZE = 5;
/** Hash functions per signature by default (= bands × rows of the default index). */
export const DEFAULT_SIGNATURE_SIZE = 128;
/** Default LSH banding: 32 bands of 4 rows (see LshIndex for the S-curve). */
export const DEFAULT_BANDS = 32;
export const DEFAULT_ROWS = 4;
/** Default similarity at or above which a review counts as a near-duplicate. */
export const DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.8;

// ---------------------------------------------------------------------------------------------
// Folding and words

// Inline elements join what is on either side ("<i>un</i>believable" is one word); any other tag
// separates ("end<br>start" is two words).
const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'u', 'var']);
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
const COMMENT = /<!--[\s\S]*?-->/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g;

function decodeEntity(match: string, dec?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED_ENTITIES[name] ?? match;
  const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : match;
}

/** The text with HTML markup removed: tags and comments stripped, common entities decoded. */
export function stripMarkup(text: string): string {
  return text
    .replace(COMMENT, ' ')
    .replace(TAG, (_tag, name: string) => (INLINE_TAGS.has(name.toLowerCase()) ? '' : ' '))
    .replace(ENTITY, decodeEntity);
}

/** What similarity is measured on: markup removed, then NFKC and case folded. */
export function foldForSimilarity(text: string): string {
  return stripMarkup(text).normalize('NFKC').toLowerCase();
}

// One segmenter for the module: constructing one per call costs more than segmenting a review.
const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });

// Fast path for ASCII text: Intl.Segmenter costs several microseconds a segment, most of the time of
// a check. For ASCII, UAX #29's word rules reduce to this expression — runs of letters, digits and
// "_", joined by . ' : between letters and by . , ; ' between digits — and a lone "_" is not
// word-like. test/domain/quality/policy.test.ts checks it against the segmenter on random ASCII.
const ASCII_WORD = /(?:[A-Za-z0-9_]|(?<=[A-Za-z])[.':](?=[A-Za-z])|(?<=[0-9])[.,;'](?=[0-9]))+/g;

/** The word-like segments of already folded text, by Intl.Segmenter (or its ASCII equivalent). */
export function segmentWords(folded: string): string[] {
  if (isAscii(folded)) return (folded.match(ASCII_WORD) ?? []).filter((w) => w !== '_');
  const words: string[] = [];
  for (const s of wordSegmenter.segment(folded)) if (s.isWordLike) words.push(s.segment);
  return words;
}

/** The word-like segments of the folded text, in order. */
export function wordsOf(text: string): string[] {
  return segmentWords(foldForSimilarity(text));
}

// ---------------------------------------------------------------------------------------------
// 32-bit hashing (Math.imul; no crypto)

/** MurmurHash3's finaliser: a bijective avalanche mix of 32 bits. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, finalised with fmix32. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/**
 * The set of word-shingle hashes of a text, sorted ascending without duplicates (a set, so exact
 * Jaccard is a merge). Shingles are runs of SHINGLE_SIZE consecutive words; a text with fewer words
 * (but at least one) has a single shingle of all its words, so tiny texts still compare.
 */
export function shingles(text: string): Uint32Array {
  const words = wordsOf(text);
  const n = words.length;
  if (n === 0) return new Uint32Array(0);
  const wordHashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) wordHashes[i] = hashString(words[i]!);
  const size = Math.min(SHINGLE_SIZE, n);
  const count = n - size + 1;
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = Math.imul(size, 0x9e3779b1);
    for (let j = 0; j < size; j++) {
      h = Math.imul(h ^ wordHashes[i + j]!, 0x01000193);
      h = (h << 13) | (h >>> 19);
    }
    out[i] = fmix32(h);
  }
  out.sort();
  return dedupeSorted(out);
}

function dedupeSorted(a: Uint32Array): Uint32Array {
  if (a.length < 2) return a;
  let w = 1;
  for (let i = 1; i < a.length; i++) if (a[i] !== a[w - 1]) a[w++] = a[i]!;
  return w === a.length ? a : a.slice(0, w);
}

function isSortedUnique(a: Uint32Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i - 1]! >= a[i]!) return false;
  return true;
}

function asSet(a: Uint32Array): Uint32Array {
  return isSortedUnique(a) ? a : dedupeSorted(Uint32Array.from(a).sort());
}

// ---------------------------------------------------------------------------------------------
// MinHash signatures

interface HashFamily {
  xors: Uint32Array;
  mults: Uint32Array;
}
const families = new Map<number, HashFamily>();

/** k hash functions from a fixed seed (splitmix32), so signatures are stable across processes. */
function hashFamily(k: number): HashFamily {
  let family = families.get(k);
  if (family === undefined) {
    const xors = new Uint32Array(k);
    const mults = new Uint32Array(k);
    let state = 0x2545f491;
    const next = () => {
      state = (state + 0x9e3779b9) | 0;
      return fmix32(state);
    };
    for (let i = 0; i < k; i++) {
      xors[i] = next();
      mults[i] = (next() | 1) >>> 0; // odd: multiplication is then a bijection of 32 bits
    }
    family = { xors, mults };
    families.set(k, family);
  }
  return family;
}

/**
 * The MinHash signature of a shingle set: for each of k seeded hash functions, the least hash over
 * the set. Function i is h_i(x) = xorshift-multiply(x XOR a_i, m_i), x being an already well-mixed
 * shingle hash. The empty set has the all-ones signature.
 */
export function signature(shingleHashes: Uint32Array, k: number = DEFAULT_SIGNATURE_SIZE): Uint32Array {
  const { xors, mults } = hashFamily(k);
  const sig = new Uint32Array(k).fill(0xffffffff);
  const n = shingleHashes.length;
  for (let i = 0; i < k; i++) {
    const a = xors[i]!;
    const m = mults[i]!;
    let min = 0xffffffff;
    for (let j = 0; j < n; j++) {
      let v = Math.imul(shingleHashes[j]! ^ a, m);
      v ^= v >>> 15;
      v = Math.imul(v, 0x2c1b3c6d) >>> 0;
      if (v < min) min = v;
    }
    sig[i] = min;
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of positions where two signatures agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`signatures differ in length: ${a.length} and ${b.length}`);
  if (a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two shingle sets (as returned by `shingles`; other
 * arrays are sorted and de-duplicated first). Two empty sets have similarity 0: nothing to compare.
 */
export function exactJaccard(setA: Uint32Array, setB: Uint32Array): number {
  const a = asSet(setA);
  const b = asSet(setB);
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

// ---------------------------------------------------------------------------------------------
// Locality-sensitive hashing

/** The 32-bit key of band `band` (rows consecutive signature values); the band index is mixed in. */
export function bandKey(sig: Uint32Array, band: number, rows: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  const start = band * rows;
  for (let r = 0; r < rows; r++) {
    h = Math.imul(h ^ sig[start + r]!, 0x01000193);
    h = (h << 15) | (h >>> 17);
  }
  return fmix32(h);
}

/** Probability that a pair of Jaccard similarity s shares at least one band: 1 − (1 − s^r)^b. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}

const EMPTY = -1; // table position never used
const NO_SLOT = -2; // table position holds a key whose chain is now empty (kept so probing stays correct)
const END = -1; // end of a chain

/** One band's open-addressing hash table: band key → first slot of a chain of reviews. */
interface BandTable {
  keys: Uint32Array;
  heads: Int32Array;
  mask: number;
  used: number;
}

function newTable(capacity: number): BandTable {
  return { keys: new Uint32Array(capacity), heads: new Int32Array(capacity).fill(EMPTY), mask: capacity - 1, used: 0 };
}

export interface LshOptions {
  bands?: number;
  rows?: number;
}

/**
 * An LSH index over MinHash signatures with b bands of r rows: two reviews become candidates when
 * all r values of at least one band agree. A pair of Jaccard similarity s is a candidate with
 * probability P(s) = 1 − (1 − s^r)^b. With the default b = 32, r = 4 (k = 128):
 *
 *   s:    0.2     0.3    0.5    0.6    0.7        0.8          0.9
 *   P:    0.050   0.23   0.87   0.98   0.9998     1 − 5·10⁻⁸   1 − 10⁻¹⁶
 *
 * The S-curve's midpoint (1/b)^(1/r) ≈ 0.42 sits well below the 0.8 threshold, so a true
 * near-duplicate is practically never missed (misses at s = 0.8: 5 in 100 million), while unrelated
 * reviews, whose 5-shingle Jaccard is near 0, almost never collide (P(0.1) = 0.003). Candidates are
 * then verified by exact Jaccard, so the false candidates between 0.4 and 0.8 cost only time. 16 × 8
 * would miss 5 % of pairs at s = 0.8, and 64 × 2 would make most pairs above 0.2 candidates.
 *
 * Memory per indexed review: b band keys (for removal) and b chain links (4 bytes each), plus its
 * share of b hash tables (8 bytes a position, ≤ 75 % full) — about 0.6–0.9 kB at b = 32. Signatures
 * are not kept.
 */
export class LshIndex<Id extends string | number = string> {
  readonly bands: number;
  readonly rows: number;
  private readonly idOfSlot: (Id | undefined)[] = [];
  private readonly slotOfId = new Map<Id, number>();
  private readonly freeSlots: number[] = [];
  private slotCapacity = 0;
  private bandKeys = new Uint32Array(0); // [slot * bands + band]
  private links = new Int32Array(0); // [slot * bands + band] → next slot in the chain, or END
  private readonly tables: BandTable[];
  private counts = new Uint16Array(0); // [slot] → bands shared, during sharingAtLeast (zero between calls)

  constructor(options: LshOptions = {}) {
    this.bands = options.bands ?? DEFAULT_BANDS;
    this.rows = options.rows ?? DEFAULT_ROWS;
    if (!Number.isInteger(this.bands) || this.bands < 1 || !Number.isInteger(this.rows) || this.rows < 1) {
      throw new RangeError('bands and rows must be positive integers');
    }
    this.tables = Array.from({ length: this.bands }, () => newTable(16));
  }

  /** Signature length this index expects (bands × rows). */
  get signatureSize(): number {
    return this.bands * this.rows;
  }

  /** Number of indexed reviews. */
  get size(): number {
    return this.slotOfId.size;
  }

  has(id: Id): boolean {
    return this.slotOfId.has(id);
  }

  /** Bytes held in typed arrays (tables, keys, links); the id map and id array come on top. */
  get byteLength(): number {
    let bytes = this.bandKeys.byteLength + this.links.byteLength;
    for (const t of this.tables) bytes += t.keys.byteLength + t.heads.byteLength;
    return bytes;
  }

  /** Index (or re-index) a review under its signature. */
  add(id: Id, sig: Uint32Array): void {
    this.checkSignature(sig);
    this.addBandKeys(id, this.bandKeysOf(sig));
  }

  /** The signature's key in each band (what add and candidates look up). */
  bandKeysOf(sig: Uint32Array): Uint32Array {
    const keys = new Uint32Array(this.bands);
    for (let b = 0; b < this.bands; b++) keys[b] = bandKey(sig, b, this.rows);
    return keys;
  }

  /** Index (or re-index) a review under its band keys (one per band, as bandKeysOf gives them). */
  addBandKeys(id: Id, keys: ArrayLike<number>): void {
    this.checkBandKeys(keys);
    if (this.slotOfId.has(id)) this.remove(id);
    const slot = this.freeSlots.pop() ?? this.idOfSlot.length;
    if (slot === this.idOfSlot.length) this.idOfSlot.push(id);
    else this.idOfSlot[slot] = id;
    this.slotOfId.set(id, slot);
    this.ensureSlotCapacity(slot + 1);
    const base = slot * this.bands;
    for (let b = 0; b < this.bands; b++) {
      const key = keys[b]!;
      this.bandKeys[base + b] = key;
      const table = this.tableWithRoom(b);
      const pos = insertPosition(table, key);
      const head = table.heads[pos]!;
      this.links[base + b] = head >= 0 ? head : END;
      table.heads[pos] = slot;
    }
  }

  /** Forget a review; returns whether it was indexed. */
  remove(id: Id): boolean {
    const slot = this.slotOfId.get(id);
    if (slot === undefined) return false;
    const base = slot * this.bands;
    for (let b = 0; b < this.bands; b++) {
      const table = this.tables[b]!;
      const pos = findPosition(table, this.bandKeys[base + b]!);
      if (pos < 0) continue; // cannot happen: every slot's keys are in its tables
      let prev = END;
      let cur = table.heads[pos]!;
      while (cur >= 0 && cur !== slot) {
        prev = cur;
        cur = this.links[cur * this.bands + b]!;
      }
      if (cur !== slot) continue;
      const after = this.links[base + b]!;
      if (prev === END) table.heads[pos] = after >= 0 ? after : NO_SLOT;
      else this.links[prev * this.bands + b] = after;
    }
    this.slotOfId.delete(id);
    this.idOfSlot[slot] = undefined;
    this.freeSlots.push(slot);
    return true;
  }

  /** Every indexed review sharing at least one band with the signature, each once. */
  candidates(sig: Uint32Array): Id[] {
    this.checkSignature(sig);
    const seen = new Set<number>();
    for (let b = 0; b < this.bands; b++) {
      const table = this.tables[b]!;
      const pos = findPosition(table, bandKey(sig, b, this.rows));
      if (pos < 0) continue;
      for (let cur = table.heads[pos]!; cur >= 0; cur = this.links[cur * this.bands + b]!) seen.add(cur);
    }
    const out: Id[] = [];
    for (const slot of seen) out.push(this.idOfSlot[slot]!);
    return out;
  }

  /** The band keys a review is indexed under, or undefined when it is not indexed. */
  bandKeysOfId(id: Id): Uint32Array | undefined {
    const slot = this.slotOfId.get(id);
    return slot === undefined ? undefined : this.bandKeys.slice(slot * this.bands, (slot + 1) * this.bands);
  }

  /**
   * The indexed reviews sharing at least `minShared` bands with these band keys, with how many each
   * shares (in no particular order). Counts in a reused typed array: no map per lookup.
   */
  sharingAtLeast(keys: ArrayLike<number>, minShared: number): { id: Id; shared: number }[] {
    this.checkBandKeys(keys);
    if (this.counts.length < this.slotCapacity) this.counts = new Uint16Array(this.slotCapacity);
    const counts = this.counts;
    const touched: number[] = [];
    for (let b = 0; b < this.bands; b++) {
      const table = this.tables[b]!;
      const pos = findPosition(table, keys[b]!);
      if (pos < 0) continue;
      for (let cur = table.heads[pos]!; cur >= 0; cur = this.links[cur * this.bands + b]!) {
        if (counts[cur] === 0) touched.push(cur);
        counts[cur]!++;
      }
    }
    const out: { id: Id; shared: number }[] = [];
    for (const slot of touched) {
      if (counts[slot]! >= minShared) out.push({ id: this.idOfSlot[slot]!, shared: counts[slot]! });
      counts[slot] = 0;
    }
    return out;
  }

  /**
   * Every (band, key, id) entry, band by band, keys ascending, and for each key its ids in the
   * order given by `compare` — the order of a stored index keyed by (band, key, id).
   */
  *entries(compare: (a: Id, b: Id) => number): Generator<[band: number, key: number, id: Id]> {
    for (let b = 0; b < this.bands; b++) {
      const table = this.tables[b]!;
      const positions: number[] = [];
      for (let pos = 0; pos < table.heads.length; pos++) if (table.heads[pos]! >= 0) positions.push(pos);
      positions.sort((x, y) => table.keys[x]! - table.keys[y]!);
      for (const pos of positions) {
        const ids: Id[] = [];
        for (let cur = table.heads[pos]!; cur >= 0; cur = this.links[cur * this.bands + b]!) ids.push(this.idOfSlot[cur]!);
        ids.sort(compare);
        for (const id of ids) yield [b, table.keys[pos]!, id];
      }
    }
  }

  private checkBandKeys(keys: ArrayLike<number>): void {
    if (keys.length !== this.bands) throw new RangeError(`${keys.length} band keys given; this index has ${this.bands} bands`);
  }

  private checkSignature(sig: Uint32Array): void {
    if (sig.length !== this.bands * this.rows) {
      throw new RangeError(`signature has ${sig.length} values; this index needs ${this.bands} × ${this.rows} = ${this.bands * this.rows}`);
    }
  }

  private ensureSlotCapacity(needed: number): void {
    if (needed <= this.slotCapacity) return;
    let capacity = Math.max(64, this.slotCapacity);
    while (capacity < needed) capacity = capacity < 1 << 20 ? capacity * 2 : Math.ceil(capacity * 1.5);
    const keys = new Uint32Array(capacity * this.bands);
    keys.set(this.bandKeys);
    const links = new Int32Array(capacity * this.bands);
    links.set(this.links);
    this.bandKeys = keys;
    this.links = links;
    this.slotCapacity = capacity;
  }

  /** The band's table, grown (and cleared of empty chains) when it is three quarters full. */
  private tableWithRoom(band: number): BandTable {
    let table = this.tables[band]!;
    if ((table.used + 1) * 4 <= table.keys.length * 3) return table;
    let live = 0;
    for (let i = 0; i < table.heads.length; i++) if (table.heads[i]! >= 0) live++;
    let capacity = table.keys.length;
    while ((live + 1) * 2 > capacity) capacity *= 2; // after a rebuild the table is at most half full
    const grown = newTable(capacity);
    for (let i = 0; i < table.heads.length; i++) {
      const head = table.heads[i]!;
      if (head < 0) continue;
      const pos = insertPosition(grown, table.keys[i]!);
      grown.heads[pos] = head;
    }
    this.tables[band] = table = grown;
    return table;
  }
}

/** Position of key in the table (linear probing), or −1. */
function findPosition(table: BandTable, key: number): number {
  let pos = key & table.mask;
  for (;;) {
    const head = table.heads[pos]!;
    if (head === EMPTY) return -1;
    if (table.keys[pos] === key) return pos;
    pos = (pos + 1) & table.mask;
  }
}

/** Position of key in the table, claiming an empty position for it when absent. */
function insertPosition(table: BandTable, key: number): number {
  let pos = key & table.mask;
  for (;;) {
    const head = table.heads[pos]!;
    if (head === EMPTY) {
      table.keys[pos] = key;
      table.heads[pos] = NO_SLOT;
      table.used++;
      return pos;
    }
    if (table.keys[pos] === key) return pos;
    pos = (pos + 1) & table.mask;
  }
}

// ---------------------------------------------------------------------------------------------
// Lookup

export interface NearDuplicate<Id> {
  reviewId: Id;
  /** Exact Jaccard similarity of the two shingle sets, 0–1. */
  similarity: number;
}

export interface FindOptions<Id> {
  /** Similarity at or above which a review counts (default 0.8). */
  threshold?: number;
  /** A review never to report, e.g. the one being edited. */
  exclude?: Id;
  /** The text's shingle set when the caller already has it. */
  shingleSet?: Uint32Array;
}

/**
 * The indexed review most similar to `text`, if its exact Jaccard similarity over shingles is at or
 * above the threshold; null otherwise. LSH candidates are verified against their stored shingle sets
 * (`lookupShingles`; a candidate it does not know is skipped). Ties go to the candidate found first.
 */
export function findNearDuplicate<Id extends string | number>(
  text: string,
  index: LshIndex<Id>,
  lookupShingles: (id: Id) => Uint32Array | undefined,
  threshold: number | FindOptions<Id> = DEFAULT_NEAR_DUPLICATE_THRESHOLD,
): NearDuplicate<Id> | null {
  const options: FindOptions<Id> = typeof threshold === 'number' ? { threshold } : threshold;
  const limit = options.threshold ?? DEFAULT_NEAR_DUPLICATE_THRESHOLD;
  const set = options.shingleSet ?? shingles(text);
  if (set.length === 0) return null;
  let best: NearDuplicate<Id> | null = null;
  for (const id of index.candidates(signature(set, index.signatureSize))) {
    if (options.exclude !== undefined && id === options.exclude) continue;
    const other = lookupShingles(id);
    if (other === undefined) continue;
    const similarity = exactJaccard(set, other);
    if (similarity >= limit && (best === null || similarity > best.similarity)) best = { reviewId: id, similarity };
  }
  return best;
}
