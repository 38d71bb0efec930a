// `marquee import imdb DIR`: IMDb's non-commercial datasets into the catalog.
//
// Streams every file (memory grows with the titles *accepted*, never with the size of the files):
//  1. title.ratings (only with --min-votes): the set of tconsts with enough votes.
//  2. title.basics: filter each row (types, --since, votes, adult), then per batch, in one
//     transaction: look the tconsts up in external_ids, insert the new titles (free slugs) and their
//     external ids, update the ones whose imported fields changed. Keeps tconst → title id in a
//     compact Int32 hash (8–16 bytes a title).
//  3. title.akas: aliases of accepted titles, with region and language (upserted).
//  4. title.crew + title.principals, first pass: which people the accepted titles need.
//  5. name.basics: only those people (upserted by nconst the same way as titles).
//  6. title.crew + title.principals, second pass: the credits. A title's credits are replaced the
//     first time the run meets it, so a second run never duplicates them.
//  7. Search keys (src/store/search.store.ts): renamed titles and people, and titles from before the
//     run whose aliases changed, are re-keyed in their batch's transaction; everything added is
//     indexed in bulk at the end (indexMissingNames).
// People are found with two passes over crew/principals rather than a staging table: the first pass
// only parses (no writes), and nothing has to be cleaned up after a failed run (docs/DECISIONS.md).
//
// A malformed line is reported as FILE:LINE: reason through `onMalformed` and skipped; a missing or
// unreadable required file, or a header that is not IMDb's, stops the import before it writes.
// Every batch is one transaction through the WriteQueue, so `serve` can run on the same database.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../store/db.js';
import type { WriteQueue } from '../../store/write-queue.js';
import type { Clock } from '../clock.js';
import { ExternalIdsStore, type AliasRow, type CreditInsert, type ExistingTitle, type NewPerson, type NewTitle } from '../../store/external-ids.store.js';
import { PersonalDataStore, type MatchTitle } from '../../store/personal-data.store.js';
import { TitleIndex } from '../../domain/title-match.js';
import { compactKey } from '../../domain/names.js';
import { bumpCatalogVersion } from '../../store/mentions.store.js';
import { slugify } from '../../domain/slug.js';
import { indexMissingNames, writePersonKeys, writeTitleKeys } from '../../store/search.store.js';
import {
  IMDB_DEFAULT_TYPES,
  IMDB_TYPE_KINDS,
  checkImdbHeader,
  checkImdbTypes,
  imdbId,
  isParseError,
  parseAka,
  parseBasics,
  parseCrew,
  parseName,
  parsePrincipal,
  parseRating,
  isWellFormedBasicsToSkip,
  type BasicsRecord,
  type ImdbDataset,
  type Parsed,
} from '../../domain/imdb-tsv.js';
import { readFirstLine, readLineBatches } from './imdb/lines.js';
import { IntMap, IntSet } from './imdb/int-map.js';

export const IMDB_SOURCE = 'imdb';

export interface MalformedLine {
  file: string;
  line: number;
  reason: string;
}

export interface ImdbImportOptions {
  dir: string;
  /** IMDb titleTypes to import (default movie, tvMovie, tvSeries, tvMiniSeries). */
  types?: readonly string[];
  /** Only titles whose startYear is this or later (titles without a year are left out). */
  since?: number;
  /** Only titles with at least this many votes in title.ratings (which must then exist). */
  minVotes?: number;
  /** Adult titles (isAdult = 1) are left out unless this is set. */
  includeAdult?: boolean;
  /** Accepted rows per transaction. */
  batchRows?: number;
  onMalformed?(line: MalformedLine): void;
  /** Progress of each pass in bytes of its file: phase label, bytes read, file size. */
  onProgress?(phase: string, done: number, total: number): void;
}

export interface ImdbImportSummary {
  files: Partial<Record<ImdbDataset, string>>;
  /** `linked`: titles of ours without an IMDb id found by name, year and kind, and given theirs. */
  titles: { read: number; accepted: number; inserted: number; linked: number; updated: number; unchanged: number };
  aliases: { read: number; kept: number };
  people: { needed: number; inserted: number; updated: number; unchanged: number; missing: number };
  credits: { inserted: number; titles: number; without_person: number };
  /** Search keys written at the end for the titles and people this run added. */
  search: { titles: number; people: number };
  malformed: number;
  /** Wall time of each pass, by file (and "search" for the indexing at the end). */
  phase_seconds: Record<string, number>;
  seconds: number;
  /** CPU time of this process during the import (user + system), for benchmarks on a busy machine. */
  cpu_seconds: number;
}

export interface ImdbImportDeps {
  db: Db;
  writes: WriteQueue;
  clock: Clock;
}

const DATASETS: readonly ImdbDataset[] = ['title.basics', 'title.akas', 'title.crew', 'title.principals', 'name.basics', 'title.ratings'];
/** Position offset of principals' credits, so directors and writers from title.crew come first. */
const PRINCIPALS_POSITION = 10_000;

/** The file IMDb publishes for a dataset, plain or gzipped (the plain one wins when both exist). */
function findDataset(dir: string, dataset: ImdbDataset): string | null {
  for (const name of [`${dataset}.tsv`, `${dataset}.tsv.gz`]) {
    const file = path.join(dir, name);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

export async function importImdbDatasets(deps: ImdbImportDeps, options: ImdbImportOptions): Promise<ImdbImportSummary> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let catalogChanged = false;
  const { dir } = options;
  const types = options.types ?? IMDB_DEFAULT_TYPES;
  const typeProblem = checkImdbTypes(types);
  if (typeProblem) throw new Error(`--types: ${typeProblem}`);
  const acceptedTypes = new Set(types);
  const batchRows = options.batchRows ?? 20_000;
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`${dir}: not a directory`);

  // ---- Which files, and are they IMDb's? Checked before anything is written. ----
  const files: Partial<Record<ImdbDataset, string>> = {};
  for (const d of DATASETS) {
    const f = findDataset(dir, d);
    if (f) files[d] = f;
  }
  const need = (d: ImdbDataset, why: string) => {
    if (!files[d]) throw new Error(`${path.join(dir, `${d}.tsv`)} (or .tsv.gz) not found: ${why}`);
  };
  need('title.basics', 'it is the list of titles to import');
  if (options.minVotes !== undefined) need('title.ratings', '--min-votes reads the vote counts from it');
  else delete files['title.ratings'];
  if (files['title.crew'] || files['title.principals']) need('name.basics', 'title.crew and title.principals name people only by id');
  else delete files['name.basics'];
  for (const [d, f] of Object.entries(files) as [ImdbDataset, string][]) {
    let header: string | null;
    try {
      header = await readFirstLine(f);
    } catch (err) {
      throw new Error(`${f}: cannot be read (${(err as Error).message})`);
    }
    if (header === null) throw new Error(`${f}: the file is empty (IMDb's files start with a header line)`);
    const problem = checkImdbHeader(d, header);
    if (problem) throw new Error(`${f}:1: ${problem}`);
  }

  const store = new ExternalIdsStore(deps.db.kysely);
  const summary: ImdbImportSummary = {
    files,
    titles: { read: 0, accepted: 0, inserted: 0, linked: 0, updated: 0, unchanged: 0 },
    aliases: { read: 0, kept: 0 },
    people: { needed: 0, inserted: 0, updated: 0, unchanged: 0, missing: 0 },
    credits: { inserted: 0, titles: 0, without_person: 0 },
    search: { titles: 0, people: 0 },
    malformed: 0,
    phase_seconds: {},
    seconds: 0,
    cpu_seconds: 0,
  };

  /** Streams a dataset's records (header skipped); malformed lines are reported once, on the first pass. */
  async function scan<T>(
    dataset: ImdbDataset,
    phase: string,
    parse: (fields: string[]) => Parsed<T>,
    /** May return a reason to report the line as malformed. */
    onRecord: (record: T, line: number) => string | void,
    afterBatch: () => Promise<void>,
    report = true,
    /** Lines known to be well-formed and unwanted, without parsing them (title.basics types). */
    skipLine: ((line: string) => boolean) | null = null,
    onSkipped: () => void = () => {},
  ): Promise<void> {
    const file = files[dataset]!;
    const total = fs.statSync(file).size;
    const phaseStarted = performance.now();
    for await (const batch of readLineBatches(file)) {
      const { lines, first } = batch;
      for (let i = 0; i < lines.length; i++) {
        const line = first + i;
        if (line === 1) continue;
        const text = lines[i]!;
        if (skipLine !== null && skipLine(text)) {
          onSkipped();
          continue;
        }
        const parsed = parse(text.split('\t'));
        if (isParseError(parsed)) {
          if (report) {
            summary.malformed++;
            options.onMalformed?.({ file, line, reason: parsed.error });
          }
          continue;
        }
        const problem = onRecord(parsed, line);
        if (typeof problem === 'string' && report) {
          summary.malformed++;
          options.onMalformed?.({ file, line, reason: problem });
        }
      }
      await afterBatch();
      options.onProgress?.(phase, batch.bytesRead, total);
    }
    options.onProgress?.(phase, total, total);
    summary.phase_seconds[phase] = Math.round(performance.now() - phaseStarted) / 1000;
  }

  // ---- 1. Ratings: the titles with enough votes. ----
  let enoughVotes: IntSet | null = null;
  if (options.minVotes !== undefined) {
    const min = options.minVotes;
    const set = new IntSet();
    enoughVotes = set;
    await scan('title.ratings', 'title.ratings', parseRating, (r) => {
      if (r.numVotes >= min) set.add(r.tconst);
    }, async () => {});
  }

  // ---- 2. Titles. ----
  const titleIds = new IntMap(64 * 1024);
  const titleSlugHints = new Map<string, number>();
  let pendingTitles: BasicsRecord[] = [];
  let inBatch = new IntSet();
  let chunksSinceFlush = 0;
  /** Titles that existed before this run: their search keys are rewritten when their aliases change. */
  const preexisting = new IntSet();
  const accept = (r: BasicsRecord): boolean =>
    acceptedTypes.has(r.titleType) &&
    (options.includeAdult || !r.isAdult) &&
    (options.since === undefined || (r.startYear !== null && r.startYear >= options.since)) &&
    (enoughVotes === null || enoughVotes.has(r.tconst));

  // Titles of ours that no IMDb id names yet (made by hand, by the demo seed, by another import): a
  // row with the same name (folded, domain/title-match.ts), year and kind is that title, linked to
  // its IMDb id instead of added a second time. Only a single candidate of the row's kind counts.
  const unlinkedTitles = await new PersonalDataStore(deps.db.kysely).titlesByIds(await store.titleIdsWithout(IMDB_SOURCE));
  const unlinked = new TitleIndex<MatchTitle>(unlinkedTitles);
  const unlinkedYears = new Set(unlinkedTitles.map((t) => t.year)); // most rows are ruled out by year, unfolded
  const sameTitle = (r: BasicsRecord, kind: 'film' | 'series'): MatchTitle | null => {
    if (unlinked.empty || r.startYear === null || !unlinkedYears.has(r.startYear)) return null;
    const found = unlinked.find({ names: [r.primaryTitle, r.originalTitle ?? ''], year: r.startYear, kind });
    return found.kind === 'match' && found.title.kind === kind ? found.title : null;
  };

  const flushTitles = async () => {
    const batch = pendingTitles;
    pendingTitles = [];
    inBatch = new IntSet();
    chunksSinceFlush = 0;
    if (!batch.length) return;
    const now = deps.clock.now().toISOString();
    const externalIds = batch.map((r) => imdbId('tt', r.tconst));
    const fields = batch.map((r) => ({
      kind: IMDB_TYPE_KINDS[r.titleType]!,
      name: r.primaryTitle,
      originalName: r.originalTitle !== null && r.originalTitle !== r.primaryTitle ? r.originalTitle : null,
      year: r.startYear,
    }));
    // Found before the transaction (it may run twice); used only for rows whose IMDb id is new.
    const found = batch.map((r, i) => sameTitle(r, fields[i]!.kind));
    const result = await deps.writes.run(async (trx) => {
      const existing = await store.titlesByExternalId(trx, IMDB_SOURCE, externalIds);
      const ids = new Array<number>(batch.length);
      const fresh: number[] = [];
      const changed: number[] = [];
      const linked: { externalId: string; title: MatchTitle }[] = [];
      const linkedIds = new Set<number>(); // two rows of a batch may find the same title: the first links
      let updated = 0;
      for (let i = 0; i < batch.length; i++) {
        const f = fields[i]!;
        let title: Pick<ExistingTitle, 'id' | 'kind' | 'name' | 'original_name' | 'year'> | undefined = existing.get(externalIds[i]!);
        const match = found[i];
        let linking = false;
        if (!title && match && !linkedIds.has(match.id)) {
          linked.push({ externalId: externalIds[i]!, title: match });
          linkedIds.add(match.id);
          title = match;
          linking = true;
        }
        if (!title) {
          fresh.push(i);
          continue;
        }
        ids[i] = title.id;
        // A linked title takes IMDb's fields, as the titles the import made do (and would next run).
        // Names it replaces stay as aliases, unless they fold to a name it keeps ("헤어질 결심" stays
        // findable when IMDb's original title is "Heojil kyolsim"; "the dark knight" is not kept).
        if (title.kind !== f.kind || title.name !== f.name || title.original_name !== f.originalName || title.year !== f.year) {
          const kept = new Set([f.name, f.originalName ?? ''].map(compactKey));
          const former = [title.name, title.original_name].filter((n): n is string => n !== null && !kept.has(compactKey(n)));
          await store.updateTitle(trx, title.id, f, now);
          await store.keepAsAliases(trx, title.id, [...new Set(former)]);
          changed.push(title.id);
          if (!linking) updated++;
        }
      }
      await store.linkTitles(trx, IMDB_SOURCE, linked, linked.map((l) => l.title.id));
      // New titles are indexed for search in bulk at the end; renamed ones now, with the rename.
      await writeTitleKeys(trx, changed);
      const rows: NewTitle[] = fresh.map((i) => ({ externalId: externalIds[i]!, slugBase: slugify(fields[i]!.name, fields[i]!.year), ...fields[i]! }));
      const newIds = await store.insertTitles(trx, IMDB_SOURCE, rows, now, titleSlugHints);
      fresh.forEach((i, k) => (ids[i] = newIds[k]!));
      if (fresh.length || changed.length || linked.length) catalogChanged = true;
      return { ids, inserted: fresh.length, updated, linked: linked.map((l) => l.title), existing: [...existing.values()].map((e) => e.id) };
    });
    for (let i = 0; i < batch.length; i++) titleIds.set(batch[i]!.tconst, result.ids[i]!);
    for (const id of result.existing) preexisting.add(id);
    for (const t of result.linked) {
      preexisting.add(t.id);
      unlinked.remove(t);
    }
    summary.titles.inserted += result.inserted;
    summary.titles.linked += result.linked.length;
    summary.titles.updated += result.updated;
    summary.titles.unchanged += batch.length - result.inserted - result.linked.length - result.updated;
  };

  await scan(
    'title.basics',
    'title.basics',
    parseBasics,
    (r) => {
      summary.titles.read++;
      if (!accept(r)) return;
      if (titleIds.has(r.tconst) || inBatch.has(r.tconst)) return `${imdbId('tt', r.tconst)} appears again (the first row was kept)`;
      summary.titles.accepted++;
      pendingTitles.push(r);
      inBatch.add(r.tconst);
    },
    async () => {
      // Also after 16 chunks of text (~16 MB): the rows kept point into their chunk's text, so a
      // sparse filter must not hold many chunks alive while it fills a batch.
      if (pendingTitles.length >= batchRows || ++chunksSinceFlush >= 16) await flushTitles();
    },
    true,
    (line) => isWellFormedBasicsToSkip(line, acceptedTypes),
    () => summary.titles.read++,
  );
  await flushTitles();

  // ---- 3. Aliases. ----
  if (files['title.akas']) {
    let pending: { tconst: number; row: AliasRow }[] = [];
    const flushAliases = async (all: boolean) => {
      // Keep the last title's rows for the next batch unless this is the end: a title's akas are
      // then always written together.
      let cut = pending.length;
      if (!all) {
        const last = pending[pending.length - 1]?.tconst;
        while (cut > 0 && pending[cut - 1]!.tconst === last) cut--;
      }
      const batch = pending.slice(0, cut);
      pending = pending.slice(cut);
      if (!batch.length) return;
      // One row per (title, alias): the first with a region, else the first.
      const unique = new Map<string, AliasRow>();
      for (const { row } of batch) {
        const key = `${row.titleId}\u0000${row.alias}`;
        const seen = unique.get(key);
        if (!seen || (seen.region === null && row.region !== null)) unique.set(key, row);
      }
      const rows = [...unique.values()];
      const rekey = [...new Set(rows.map((r) => r.titleId))].filter((id) => preexisting.has(id));
      await deps.writes.run(async (trx) => {
        await store.upsertAliases(trx, rows);
        await writeTitleKeys(trx, rekey);
        catalogChanged = true;
      });
    };
    await scan(
      'title.akas',
      'title.akas',
      parseAka,
      (a) => {
        summary.aliases.read++;
        const titleId = titleIds.get(a.tconst);
        if (titleId < 0 || a.isOriginalTitle) return;
        pending.push({ tconst: a.tconst, row: { titleId, alias: a.title.trim(), region: a.region, language: a.language } });
      },
      async () => {
        if (pending.length >= batchRows) await flushAliases(false);
      },
    );
    await flushAliases(true);
    summary.aliases.kept = await store.aliasesOfSource(IMDB_SOURCE);
  }

  // ---- 4–6. People and credits. ----
  const crew = files['title.crew'];
  const principals = files['title.principals'];
  if (crew || principals) {
    // Without title.crew, principals' director and writer rows are the only source of those roles.
    const principalKept = (role: string | null) => role === 'cast' || (!crew && role !== null);
    const needed = new IntSet();
    if (crew) {
      await scan('title.crew', 'title.crew (people)', parseCrew, (c) => {
        if (!titleIds.has(c.tconst)) return;
        for (const n of c.directors) needed.add(n);
        for (const n of c.writers) needed.add(n);
      }, async () => {});
    }
    if (principals) {
      await scan('title.principals', 'title.principals (people)', parsePrincipal, (p) => {
        if (titleIds.has(p.tconst) && principalKept(p.role)) needed.add(p.nconst);
      }, async () => {});
    }
    summary.people.needed = needed.size;

    const personIds = new IntMap(Math.max(1024, needed.size));
    const personSlugHints = new Map<string, number>();
    let pendingPeople: { nconst: number; name: string }[] = [];
    const flushPeople = async () => {
      const batch = pendingPeople;
      pendingPeople = [];
      peopleInBatch = new IntSet();
      if (!batch.length) return;
      const now = deps.clock.now().toISOString();
      const externalIds = batch.map((p) => imdbId('nm', p.nconst));
      const result = await deps.writes.run(async (trx) => {
        const existing = await store.peopleByExternalId(trx, IMDB_SOURCE, externalIds);
        const ids = new Array<number>(batch.length);
        const fresh: number[] = [];
        const updatedIds: number[] = [];
        for (let i = 0; i < batch.length; i++) {
          const e = existing.get(externalIds[i]!);
          if (!e) {
            fresh.push(i);
            continue;
          }
          ids[i] = e.id;
          if (e.name !== batch[i]!.name) {
            await store.updatePersonName(trx, e.id, batch[i]!.name);
            updatedIds.push(e.id);
          }
        }
        await writePersonKeys(trx, updatedIds);
        const rows: NewPerson[] = fresh.map((i) => ({ externalId: externalIds[i]!, slugBase: slugify(batch[i]!.name), name: batch[i]!.name }));
        const newIds = await store.insertPeople(trx, IMDB_SOURCE, rows, now, personSlugHints);
        fresh.forEach((i, k) => (ids[i] = newIds[k]!));
        if (fresh.length || updatedIds.length) catalogChanged = true;
        return { ids, inserted: fresh.length, updated: updatedIds.length };
      });
      for (let i = 0; i < batch.length; i++) personIds.set(batch[i]!.nconst, result.ids[i]!);
      summary.people.inserted += result.inserted;
      summary.people.updated += result.updated;
      summary.people.unchanged += batch.length - result.inserted - result.updated;
    };
    let peopleInBatch = new IntSet();
    await scan(
      'name.basics',
      'name.basics',
      parseName,
      (n) => {
        if (!needed.has(n.nconst)) return;
        if (personIds.has(n.nconst) || peopleInBatch.has(n.nconst)) return `${imdbId('nm', n.nconst)} appears again (the first row was kept)`;
        peopleInBatch.add(n.nconst);
        pendingPeople.push({ nconst: n.nconst, name: n.primaryName.trim() });
      },
      async () => {
        if (pendingPeople.length >= batchRows) await flushPeople();
      },
    );
    await flushPeople();
    summary.people.missing = needed.size - personIds.size;

    // Credits: each title's are replaced the first time this run meets it.
    const cleared = new IntSet(Math.max(1024, titleIds.size));
    let pending: CreditInsert[] = [];
    const flushCredits = async (all: boolean) => {
      let cut = pending.length;
      if (!all) {
        const last = pending[pending.length - 1]?.titleId;
        while (cut > 0 && pending[cut - 1]!.titleId === last) cut--;
      }
      const batch = pending.slice(0, cut);
      pending = pending.slice(cut);
      if (!batch.length) return;
      const clear: number[] = [];
      const clearing = new Set<number>();
      const seen = new Set<string>();
      const rows: CreditInsert[] = [];
      for (const c of batch) {
        if (!cleared.has(c.titleId) && !clearing.has(c.titleId)) {
          clearing.add(c.titleId);
          clear.push(c.titleId);
        }
        if (c.personId < 0) continue;
        const key = `${c.titleId}:${c.personId}:${c.role}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push(c);
      }
      await deps.writes.run(async (trx) => {
        await store.deleteCredits(trx, clear);
        await store.insertCredits(trx, rows);
      });
      for (const id of clear) cleared.add(id);
      summary.credits.inserted += rows.length;
    };
    // A credit whose person is missing from name.basics still marks its title (personId -1), so the
    // title's old credits are replaced all the same.
    const person = (nconst: number) => {
      const id = personIds.get(nconst);
      if (id < 0) summary.credits.without_person++;
      return id;
    };
    if (crew) {
      await scan(
        'title.crew',
        'title.crew',
        parseCrew,
        (c) => {
          const titleId = titleIds.get(c.tconst);
          if (titleId < 0) return;
          let position = 0;
          for (const n of c.directors) pending.push({ titleId, personId: person(n), role: 'director', character: null, position: position++ });
          for (const n of c.writers) pending.push({ titleId, personId: person(n), role: 'writer', character: null, position: position++ });
          if (position === 0) pending.push({ titleId, personId: -1, role: 'director', character: null, position: 0 });
        },
        async () => {
          if (pending.length >= batchRows) await flushCredits(false);
        },
        false,
      );
      await flushCredits(true);
    }
    if (principals) {
      await scan(
        'title.principals',
        'title.principals',
        parsePrincipal,
        (p) => {
          const titleId = titleIds.get(p.tconst);
          if (titleId < 0 || !principalKept(p.role)) return;
          pending.push({ titleId, personId: person(p.nconst), role: p.role!, character: p.character, position: PRINCIPALS_POSITION + p.ordering });
        },
        async () => {
          if (pending.length >= batchRows) await flushCredits(false);
        },
        false,
      );
      await flushCredits(true);
    }
    summary.credits.titles = cleared.size;
  }

  // ---- 7. Search keys for the titles and people added (src/store/search.store.ts). ----
  const searchStarted = performance.now();
  summary.search = await indexMissingNames(deps.db.kysely);
  // The catalog version once for the whole run, not per batch: each bump makes every running server
  // rebuild its mention matcher (seconds of CPU on a large catalog). A run stopped half-way leaves
  // the bump to the next catalog write or the next run.
  if (catalogChanged) await deps.writes.run((trx) => bumpCatalogVersion(trx));
  summary.phase_seconds.search = Math.round(performance.now() - searchStarted) / 1000;

  summary.seconds = Math.round((performance.now() - started) / 10) / 100;
  const cpu = process.cpuUsage(cpuStart);
  summary.cpu_seconds = Math.round((cpu.user + cpu.system) / 1e4) / 100;
  return summary;
}
