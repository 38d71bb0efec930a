// A person's ratings, reviews and watch dates from another site, into their own account.
//
// 1. Match: a line with an IMDb id finds its title through the external ids (migration 0003); any
//    other line by folded name and year (domain/title-match.ts). A line that finds no title, or more
//    than one, is listed back as unmatched — never guessed.
// 2. Ratings (one per person per title, through RatingsStore.put so the title's Score stays exact):
//    of the file's lines about one title the newest (by the day it was logged) wins. It is written
//    with that day as its time, so a later import can tell which is newer: a stored rating newer than
//    the line's day is kept and the line is listed back. Letterboxd stars ×2 give 1–10.
// 3. Watch dates (the diary's "Watched Date"): added where missing.
// 4. Reviews go through ReviewsService.create (quality checks, mentions…), one per person per title:
//    the newest of the file's reviews of a title; a stored review with the same text is left alone; a
//    stored review with other text is kept and the line is listed back (we never overwrite what the
//    person may have edited here). The review's rating is the person's rating of the title after
//    step 2, since a review and the rating it carries are one on Marquee.
// Running the same import twice writes nothing the second time.
import type { Db } from '../../store/db.js';
import type { WriteQueue } from '../../store/write-queue.js';
import { PersonalDataStore, type MatchTitle } from '../../store/personal-data.store.js';
import { RatingsStore } from '../../store/ratings.store.js';
import { ExternalIdsStore } from '../../store/external-ids.store.js';
import { AppError } from '../../domain/errors.js';
import { requireActor, type Actor } from '../../domain/permissions.js';
import { fromHalfPoints, toHalfPoints, type WatchStatus } from '../../domain/rating.js';
import { TitleIndex, matchKey } from '../../domain/title-match.js';
import { headlineFor } from '../../domain/imported-text.js';
import type { ReviewsService } from '../reviews.service.js';
import type { ChangeFeed } from '../changes.js';
import type { Clock } from '../clock.js';
import { SOURCE_RANK, type ParsedExport, type PersonalRow, type ReadFile } from './personal-rows.js';
import { BODY_MAX } from '../../domain/review-text.js';
import { charCount } from '../../domain/text.js';

export interface RowNote {
  file: string;
  line: number;
  reason: string;
}

export interface UnmatchedRow extends RowNote {
  name: string;
  year: number | null;
}

export interface ImportReport {
  files: ReadFile[];
  ignored_files: string[];
  /** Lines read (valid ones; malformed ones are in `skipped`). */
  rows: number;
  matched: number;
  ratings: { added: number; updated: number; unchanged: number; kept: number };
  reviews: { added: number; unchanged: number; kept: number };
  watch_dates: { added: number; unchanged: number };
  /** Lines that found no title, or more than one. */
  unmatched: UnmatchedRow[];
  /** Malformed lines, and lines whose data was not applied, each with the reason. */
  skipped: RowNote[];
}

/** Titles per write transaction (each its own group-commit operation). */
const RATINGS_PER_WRITE = 200;

/** A calendar day as the stored time of a rating set that day. */
const dayTime = (day: string) => `${day}T00:00:00.000Z`;

interface Matched {
  row: PersonalRow;
  title: MatchTitle;
}

export class PersonalImportService {
  readonly #store: PersonalDataStore;
  readonly #externalIds: ExternalIdsStore;
  readonly #db: Db;

  constructor(
    db: Db,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly reviews: ReviewsService,
    private readonly changes: ChangeFeed,
  ) {
    this.#store = new PersonalDataStore(db.kysely);
    this.#externalIds = new ExternalIdsStore(db.kysely);
    this.#db = db;
  }

  async import(actorOrNull: Actor | null, parsed: ParsedExport): Promise<ImportReport> {
    const actor = requireActor(actorOrNull);
    if (actor.suspended) throw new AppError('account_suspended');
    const report: ImportReport = {
      files: parsed.files,
      ignored_files: parsed.ignored,
      rows: parsed.rows.length,
      matched: 0,
      ratings: { added: 0, updated: 0, unchanged: 0, kept: 0 },
      reviews: { added: 0, unchanged: 0, kept: 0 },
      watch_dates: { added: 0, unchanged: 0 },
      unmatched: [],
      skipped: parsed.problems.map((p) => ({ ...p })),
    };
    const matched = await this.#match(parsed.rows, report);
    report.matched = matched.length;
    const touched = new Set<number>();
    await this.#ratings(actor, matched, report, touched);
    await this.#watchDates(actor, matched, report);
    await this.#reviews(actor, matched, report);
    for (const titleId of touched) this.changes.publish({ kind: 'title', titleId });
    report.unmatched.sort(byPlace);
    report.skipped.sort(byPlace);
    return report;
  }

  async #match(rows: PersonalRow[], report: ImportReport): Promise<Matched[]> {
    const imdbIds = [...new Set(rows.flatMap((r) => (r.imdbId ? [r.imdbId] : [])))];
    const byImdb = new Map([...(await this.#externalIds.titlesByExternalId(this.#db.kysely, 'imdb', imdbIds))].map(([imdbId, t]) => [imdbId, t.id]));
    const byId = new Map((await this.#store.titlesByIds([...new Set(byImdb.values())])).map((t) => [t.id, t]));
    // Candidates by folded name through the search keys' index; TitleIndex then applies year and kind.
    const index = new TitleIndex<MatchTitle>(await this.#store.titlesWithKeys(rows.flatMap((r) => [r.name, r.originalName ?? ''].map(matchKey))));

    const out: Matched[] = [];
    for (const row of rows) {
      const unmatched = (reason: string) => report.unmatched.push({ file: row.file, line: row.line, name: row.name, year: row.year, reason });
      const viaId = row.imdbId ? byId.get(byImdb.get(row.imdbId) ?? -1) : undefined;
      if (viaId) {
        out.push({ row, title: viaId });
        continue;
      }
      if (row.kind === 'episode') {
        unmatched(`"${row.name}" is a TV episode; Marquee rates whole series`);
        continue;
      }
      const found = index.find({ names: [row.name, ...(row.originalName ? [row.originalName] : [])], year: row.year, kind: row.kind });
      const what = `"${row.name}"${row.year === null ? '' : ` (${row.year})`}`;
      if (found.kind === 'match') out.push({ row, title: found.title });
      else if (found.kind === 'none') unmatched(`no title ${what} in the catalog`);
      else unmatched(`${found.titles.length} titles match ${what}: ${found.titles.map((t) => t.slug).join(', ')}; rate it on its page`);
    }
    return out;
  }

  async #ratings(actor: Actor, matched: Matched[], report: ImportReport, touched: Set<number>): Promise<void> {
    // The winning line per title: newest day, then the source that states a current rating, then the later line.
    const best = new Map<number, Matched>();
    for (const m of matched) {
      if (m.row.rating === null) continue;
      const cur = best.get(m.title.id);
      if (!cur || newer(m.row, cur.row)) {
        if (cur) report.skipped.push(note(cur.row, `an older rating of ${titleName(m.title)} than line ${m.row.line} of ${m.row.file}`));
        best.set(m.title.id, m);
      } else report.skipped.push(note(m.row, `an older rating of ${titleName(m.title)} than line ${cur.row.line} of ${cur.row.file}`));
    }
    const wins = [...best.values()];
    const now = this.clock.now().toISOString();
    for (let i = 0; i < wins.length; i += RATINGS_PER_WRITE) {
      const part = wins.slice(i, i + RATINGS_PER_WRITE);
      const outcomes = await this.writes.run(async (trx) => {
        const ratings = new RatingsStore(trx);
        const results: ('added' | 'updated' | 'unchanged' | { kept: string })[] = [];
        for (const { row, title } of part) {
          const x2 = toHalfPoints(row.rating!);
          const at = row.loggedOn ? dayTime(row.loggedOn) : now;
          const before = await ratings.get(actor.id, title.id);
          if (before && before.rating_x2 === x2) results.push('unchanged');
          else if (before && before.updated_at >= at) {
            results.push({ kept: `your rating of ${titleName(title)} here (${fromHalfPoints(before.rating_x2)}, set ${before.updated_at.slice(0, 10)}) is newer than this line's ${row.rating}; kept yours` });
          } else {
            await ratings.put({ userId: actor.id, titleId: title.id, ratingX2: x2, watchStatus: before?.watch_status ?? null, episodesSeen: before?.episodes_seen ?? null, now: at });
            results.push(before ? 'updated' : 'added');
          }
        }
        return results;
      });
      outcomes.forEach((o, j) => {
        if (typeof o === 'string') {
          report.ratings[o]++;
          if (o !== 'unchanged') touched.add(part[j]!.title.id);
        } else {
          report.ratings.kept++;
          report.skipped.push(note(part[j]!.row, o.kept));
        }
      });
    }
  }

  async #watchDates(actor: Actor, matched: Matched[], report: ImportReport): Promise<void> {
    const seen = new Map<string, { userId: number; titleId: number; day: string }>();
    for (const { row, title } of matched) {
      if (row.watchedOn) seen.set(`${title.id}|${row.watchedOn}`, { userId: actor.id, titleId: title.id, day: row.watchedOn });
    }
    if (seen.size === 0) return;
    const rows = [...seen.values()];
    const now = this.clock.now().toISOString();
    const added = await this.writes.run((trx) => new PersonalDataStore(trx).addWatchDates(rows, now));
    report.watch_dates.added += added;
    report.watch_dates.unchanged += rows.length - added;
  }

  async #reviews(actor: Actor, matched: Matched[], report: ImportReport): Promise<void> {
    const best = new Map<number, Matched>();
    for (const m of matched) {
      if (m.row.review === null) continue;
      const cur = best.get(m.title.id);
      const other = (loser: PersonalRow, winner: PersonalRow) =>
        report.skipped.push(note(loser, `another review of ${titleName(m.title)} (line ${winner.line}) is newer; Marquee keeps one review per person and title`));
      if (!cur || newer(m.row, cur.row)) {
        if (cur) other(cur.row, m.row);
        best.set(m.title.id, m);
      } else other(m.row, cur.row);
    }
    if (best.size === 0) return;
    const titleIds = [...best.keys()];
    const existing = await this.#store.reviewsOf(actor.id, titleIds);
    const ratings = await this.#store.ratingsOf(actor.id, titleIds);
    for (const { row, title } of best.values()) {
      const body = row.review!;
      const mine = existing.get(title.id);
      if (mine) {
        if (mine.body === body) report.reviews.unchanged++;
        else {
          report.reviews.kept++;
          report.skipped.push(note(row, `you already have a different review of ${titleName(title)} here; kept yours (edit it on its page)`));
        }
        continue;
      }
      const rating = ratings.get(title.id);
      const value = rating ? fromHalfPoints(rating.rating_x2) : row.rating;
      if (value === null) {
        report.skipped.push(note(row, `a review on Marquee needs a rating, and ${titleName(title)} has none in the file or here`));
        continue;
      }
      if (charCount(body) > BODY_MAX) {
        report.skipped.push(note(row, `the review is ${charCount(body)} characters; Marquee takes at most ${BODY_MAX}`));
        continue;
      }
      try {
        // The person's watch status and episodes stay as they are: a review carries them onto the rating.
        await this.reviews.create(actor, title.slug, {
          headline: headlineFor(body, title.name),
          body,
          rating: value,
          contains_spoilers: false,
          ...(rating ? { watch_status: rating.watch_status as WatchStatus | null, episodes_seen: rating.episodes_seen } : {}),
        });
        report.reviews.added++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.code === 'review_exists') report.reviews.unchanged++;
        else report.skipped.push(note(row, `the review was refused: ${err.message}`));
      }
    }
  }
}

/** Whether line `a` states a newer fact than line `b` about the same title. */
function newer(a: PersonalRow, b: PersonalRow): boolean {
  const da = a.loggedOn ?? '';
  const db = b.loggedOn ?? '';
  if (da !== db) return da > db;
  if (SOURCE_RANK[a.source] !== SOURCE_RANK[b.source]) return SOURCE_RANK[a.source] > SOURCE_RANK[b.source];
  return a.line > b.line;
}

const note = (row: PersonalRow, reason: string): RowNote => ({ file: row.file, line: row.line, reason });
const titleName = (t: MatchTitle) => `"${t.name}"${t.year === null ? '' : ` (${t.year})`}`;
const byPlace = (a: RowNote, b: RowNote) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1);

/** `FILE:LINE: reason` lines of everything listed back (the contract's format for skipped lines). */
export function reportLines(report: ImportReport): string[] {
  return [...report.unmatched.map((u) => ({ ...u, reason: `unmatched: ${u.reason}` })), ...report.skipped].sort(byPlace).map((n) => `${n.file}:${n.line}: ${n.reason}`);
}
