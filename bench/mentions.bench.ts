// Mention linking at catalog scale: 100,000 titles and 200,000 people (names, original names,
// aliases; English, Korean, Japanese and Chinese; 5 % of titles share a name with an earlier title of
// another year), the matcher built once, then 3,000-character reviews with ~10 mentions each (some as
// "Name (YEAR)") linked 500 times. The budget: under 2 ms per review.
// `npx tsx bench/mentions.bench.ts` (or `node --expose-gc --import tsx bench/mentions.bench.ts` to
// also measure the matcher's live memory; `npm run bench -- --only mentions` does that); prints JSON.
import { performance } from 'node:perf_hooks';
import { buildMatcher, type CatalogEntry } from '../src/domain/mentions.js';
import { mulberry32 } from '../src/domain/random.js';

const rand = mulberry32(20241001);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'br', 'ch', 'cl', 'dr', 'gr', 'sh', 'st', 'th', 'tr', ''];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'ie', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'th', 'nd', 'rt', 'ck', 'm'];
const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
const englishWord = (): string => Array.from({ length: int(1, 3) }, () => pick(ONSETS) + pick(VOWELS) + pick(CODAS)).join('');
const COMMON = ['the', 'of', 'in', 'a', 'and', 'my', 'last', 'night', 'love', 'city', 'house', 'war', 'blue', 'dark', 'home'];
const englishTitle = (): string =>
  Array.from({ length: int(1, 4) }, (_, k) => (k > 0 && rand() < 0.3 ? pick(COMMON) : cap(englishWord()))).join(' ');

const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '홍'];
const SURNAME_ROMAN: Record<string, string> = { 김: 'Kim', 이: 'Lee', 박: 'Park', 최: 'Choi', 정: 'Jung', 강: 'Kang', 조: 'Cho', 윤: 'Yoon', 장: 'Jang', 임: 'Lim', 한: 'Han', 오: 'Oh', 서: 'Seo', 신: 'Shin', 권: 'Kwon', 황: 'Hwang', 안: 'Ahn', 송: 'Song', 류: 'Ryu', 홍: 'Hong' };
const INITIALS = ['ㄱ', 'ㄴ', 'ㄷ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅅ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅎ'];
const ROMAN_I = ['g', 'n', 'd', 'r', 'm', 'b', 's', '', 'j', 'ch', 'h'];
const ROMAN_V = ['a', 'ae', 'ya', 'eo', 'e', 'yeo', 'o', 'wa', 'u', 'wo', 'eu', 'i'];
const MEDIAL = [0, 1, 2, 4, 5, 6, 8, 9, 13, 14, 18, 20]; // jamo indices matching ROMAN_V
const FINALS = [0, 0, 0, 4, 8, 16, 21]; // none, ㄴ, ㄹ, ㅁ, ㅇ
const ROMAN_F = ['', '', '', 'n', 'l', 'm', 'ng'];
const INITIAL_INDEX = [0, 2, 3, 5, 6, 7, 9, 11, 12, 14, 18];
function syllable(): { hangul: string; roman: string } {
  const i = int(0, INITIALS.length - 1);
  const v = int(0, MEDIAL.length - 1);
  const f = int(0, FINALS.length - 1);
  const cp = 0xac00 + (INITIAL_INDEX[i]! * 21 + MEDIAL[v]!) * 28 + FINALS[f]!;
  return { hangul: String.fromCharCode(cp), roman: ROMAN_I[i]! + ROMAN_V[v]! + ROMAN_F[f]! };
}
function koreanPerson(): string[] {
  const sur = pick(SURNAMES);
  const a = syllable();
  const b = syllable();
  const roman = `${SURNAME_ROMAN[sur]} ${cap(a.roman)}-${b.roman}`;
  return rand() < 0.3 ? [roman, sur + a.hangul + b.hangul, `${SURNAME_ROMAN[sur]} ${cap(a.roman)}${b.roman}`] : [roman, sur + a.hangul + b.hangul];
}
const koreanTitle = (): string => Array.from({ length: int(1, 3) }, () => Array.from({ length: int(2, 4) }, () => syllable().hangul).join('')).join(' ');

// Japanese: katakana words (no spaces, as Japanese is written); Chinese: Han characters.
const KATAKANA = Array.from('アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン');
const katakana = (): string => Array.from({ length: int(2, 5) }, () => pick(KATAKANA)).join('') + (rand() < 0.3 ? 'ー' : '');
const japaneseTitle = (): string => Array.from({ length: int(1, 2) }, katakana).join(rand() < 0.5 ? 'の' : '');
const japanesePerson = (): string => `${katakana()}・${katakana()}`;
const HAN = Array.from('天地人山川海風花雪月光夜春夏秋冬東西南北愛心生死王國家門城市路雨雲龍虎鳥魚金木水火土大小長明白黑紅青');
const chineseWord = (n: number): string => Array.from({ length: n }, () => pick(HAN)).join('');
const chineseTitle = (): string => chineseWord(int(2, 6));
const chinesePerson = (): string => chineseWord(int(2, 3));

function catalog(): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (let i = 0; i < 100_000; i++) {
    // 5 %: a remake, or another work of the same name, in another year — ambiguous without "(YEAR)".
    if (i > 0 && rand() < 0.05) {
      const earlier = entries[int(0, i - 1)]!;
      entries.push({ kind: 'title', id: i + 1, names: [earlier.names[0]!], year: (earlier.year ?? 2000) + int(1, 20) });
      continue;
    }
    const r = rand();
    const names = r < 0.1 ? [japaneseTitle()] : r < 0.15 ? [chineseTitle()] : [englishTitle()];
    if (rand() < 0.4) names.push(koreanTitle());
    if (rand() < 0.2) names.push(englishTitle());
    entries.push({ kind: 'title', id: i + 1, names, year: int(1950, 2025) });
  }
  for (let i = 0; i < 200_000; i++) {
    const r = rand();
    const names = r < 0.45 ? koreanPerson() : r < 0.55 ? [japanesePerson()] : r < 0.6 ? [chinesePerson()] : [`${cap(englishWord())} ${cap(englishWord())}`];
    entries.push({ kind: 'person', id: i + 1, names });
  }
  return entries;
}

const FILLER = 'the film is quietly devastating and its second half drags a little but the performances hold it together while the score does too much in places 배우들의 연기가 정말 좋았고 마지막 장면은 오래 기억에 남을 것 같다 映画の後半は少し長いが 演技が素晴らしい 这部电影的音乐很好'.split(' ');
function review(entries: CatalogEntry[]): string {
  let text = '';
  let mentions = 0;
  while (text.length < 3000) {
    if (mentions < 10 && rand() < 0.04) {
      const e = pick(entries);
      text += pick(e.names) + (e.kind === 'title' && rand() < 0.3 ? ` (${e.year})` : '') + (rand() < 0.2 ? '는 ' : ' ');
      mentions++;
    } else text += pick(FILLER) + (rand() < 0.08 ? '. ' : ' ');
  }
  return text.slice(0, 3000);
}

// With `node --expose-gc --import tsx bench/mentions.bench.ts` the heap figures exclude garbage.
const gc = (globalThis as { gc?: () => void }).gc;
const rss = (): number => Math.round(process.memoryUsage().rss / 1e6);
const heap = (): number => {
  gc?.();
  const m = process.memoryUsage();
  return Math.round((m.heapUsed + m.arrayBuffers) / 1e6); // the trie lives in typed arrays
};
const entries = catalog();
const nameCount = new Map<string, number>();
for (const e of entries) if (e.kind === 'title') nameCount.set(e.names[0]!, (nameCount.get(e.names[0]!) ?? 0) + 1);
const sharedNames = new Set([...nameCount].filter(([, n]) => n > 1).map(([k]) => k));
const heapBefore = heap();
const rssBefore = rss();
// CPU time next to wall time: on a shared, loaded machine wall time includes waiting for a core.
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
const c0 = process.cpuUsage();
const t0 = performance.now();
const matcher = buildMatcher(entries);
const buildMs = performance.now() - t0;
const buildCpuMs = cpuMs(process.cpuUsage(c0));
const rssAfter = rss();
const heapAfter = heap();
const reviews = Array.from({ length: 500 }, () => review(entries));
for (let i = 0; i < 50; i++) matcher.link(reviews[i]!); // warm-up (JIT)
const times: number[] = [];
let linked = 0;
const c1 = process.cpuUsage();
for (const r of reviews) {
  const s = performance.now();
  linked += matcher.link(r).length;
  times.push(performance.now() - s);
}
const linkCpuMs = cpuMs(process.cpuUsage(c1));
times.sort((a, b) => a - b);
const q = (p: number): number => Number(times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3));
console.log(
  JSON.stringify(
    {
      titles: 100_000,
      titles_sharing_a_name: entries.filter((e) => e.kind === 'title' && e.names.length === 1 && sharedNames.has(e.names[0]!)).length,
      people: 200_000,
      names: matcher.stats.names,
      keys: matcher.stats.keys,
      trie_nodes: matcher.stats.nodes,
      build_ms: Math.round(buildMs),
      build_cpu_ms: Math.round(buildCpuMs),
      rss_mb_before_build: rssBefore,
      rss_mb_after_build: rssAfter,
      // Live memory the matcher keeps (JS heap + typed arrays), when run with --expose-gc.
      matcher_mb: gc ? heapAfter - heapBefore : null,
      review_chars: 3000,
      trials: times.length,
      spans_per_review: Number((linked / times.length).toFixed(1)),
      link_ms_median: q(0.5),
      link_ms_p95: q(0.95),
      link_ms_max: q(1),
      link_cpu_ms_mean: Number((linkCpuMs / times.length).toFixed(3)),
      node: process.version,
    },
    null,
    2,
  ),
);
