// A person's own data out: their reviews, ratings (with watch dates) and helpfulness votes, as one
// JSON document, as one CSV per kind, or as a ZIP of the four CSVs. (The whole instance goes out
// through `marquee export`, src/services/import/marquee-dump.ts.)
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { Db } from '../store/db.js';
import { PersonalDataStore } from '../store/personal-data.store.js';
import { UsersStore } from '../store/users.store.js';
import { requireActor, type Actor } from '../domain/permissions.js';
import { fromHalfPoints } from '../domain/rating.js';
import { notFound } from '../domain/errors.js';
import { reviewContentJson, titleRefJson, userJson, type UserJson } from './present.js';
import type { Clock } from './clock.js';

export const EXPORT_KINDS = ['reviews', 'ratings', 'votes', 'watch_dates'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

interface TitleRef {
  slug: string;
  name: string;
  year: number | null;
}

export interface PersonalExport {
  exported_at: string;
  user: UserJson & { email: string };
  reviews: {
    id: number;
    title: TitleRef;
    headline: string;
    body: string;
    rating: number;
    scores: { story: number | null; acting: number | null; music: number | null; rewatch: number | null };
    watch_status: string | null;
    episodes_seen: number | null;
    contains_spoilers: boolean;
    status: string;
    helpful: { yes: number; no: number };
    created_at: string;
    updated_at: string;
  }[];
  ratings: { title: TitleRef; rating: number; watch_status: string | null; episodes_seen: number | null; watched_on: string[]; created_at: string; updated_at: string }[];
  votes: { review_id: number; title: TitleRef; review_author: string; helpful: boolean; created_at: string; updated_at: string }[];
  watch_dates: { title: TitleRef; watched_on: string }[];
}


export class ExportService {
  readonly #store: PersonalDataStore;
  readonly #users: UsersStore;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.#store = new PersonalDataStore(db.kysely);
    this.#users = new UsersStore(db.kysely);
  }

  async personal(actorOrNull: Actor | null): Promise<PersonalExport> {
    const actor = requireActor(actorOrNull);
    const user = await this.#users.byId(actor.id);
    if (!user) throw notFound('No such account.');
    const [reviews, ratings, votes, watches] = await Promise.all([
      this.#store.reviewsByAuthor(actor.id),
      this.#store.ratingsByUser(actor.id),
      this.#store.votesByUser(actor.id),
      this.#store.watchDatesByUser(actor.id),
    ]);
    const watchedBySlug = new Map<string, string[]>();
    for (const w of watches) (watchedBySlug.get(w.title_slug) ?? watchedBySlug.set(w.title_slug, []).get(w.title_slug)!).push(w.watched_on);
    return {
      exported_at: this.clock.now().toISOString(),
      user: { ...userJson(user), email: user.email },
      reviews: reviews.map((r) => ({
        id: r.id,
        title: titleRefJson(r),
        ...reviewContentJson(r),
        created_at: r.created_at,
        updated_at: r.updated_at,
      })),
      ratings: ratings.map((r) => ({
        title: titleRefJson(r),
        rating: fromHalfPoints(r.rating_x2),
        watch_status: r.watch_status,
        episodes_seen: r.episodes_seen,
        watched_on: watchedBySlug.get(r.title_slug) ?? [],
        created_at: r.created_at,
        updated_at: r.updated_at,
      })),
      votes: votes.map((v) => ({ review_id: v.review_id, title: titleRefJson(v), review_author: v.author_handle, helpful: v.helpful === 1, created_at: v.created_at, updated_at: v.updated_at })),
      watch_dates: watches.map((w) => ({ title: titleRefJson(w), watched_on: w.watched_on })),
    };
  }
}

/** One kind of the export as CSV (RFC 4180, a header row, UTF-8; line breaks stay inside quotes). */
export function exportCsv(data: PersonalExport, kind: ExportKind): string {
  const t = (x: TitleRef) => [x.slug, x.name, x.year ?? ''];
  const titleCols = ['title_slug', 'title_name', 'title_year'];
  switch (kind) {
    case 'reviews':
      return stringify(
        data.reviews.map((r) => [
          r.id, ...t(r.title), r.rating, r.headline, r.body, r.contains_spoilers, r.status, r.watch_status ?? '', r.episodes_seen ?? '',
          r.scores.story ?? '', r.scores.acting ?? '', r.scores.music ?? '', r.scores.rewatch ?? '', r.helpful.yes, r.helpful.no, r.created_at, r.updated_at,
        ]),
        { header: true, columns: ['id', ...titleCols, 'rating', 'headline', 'body', 'contains_spoilers', 'status', 'watch_status', 'episodes_seen', 'story', 'acting', 'music', 'rewatch', 'helpful_yes', 'helpful_no', 'created_at', 'updated_at'], cast: { boolean: (b) => String(b) } },
      );
    case 'ratings':
      return stringify(
        data.ratings.map((r) => [...t(r.title), r.rating, r.watch_status ?? '', r.episodes_seen ?? '', r.watched_on.join(' '), r.created_at, r.updated_at]),
        { header: true, columns: [...titleCols, 'rating', 'watch_status', 'episodes_seen', 'watched_on', 'created_at', 'updated_at'] },
      );
    case 'votes':
      return stringify(
        data.votes.map((v) => [v.review_id, ...t(v.title), v.review_author, v.helpful, v.created_at, v.updated_at]),
        { header: true, columns: ['review_id', ...titleCols, 'review_author', 'helpful', 'created_at', 'updated_at'], cast: { boolean: (b) => String(b) } },
      );
    case 'watch_dates':
      return stringify(
        data.watch_dates.map((w) => [...t(w.title), w.watched_on]),
        { header: true, columns: [...titleCols, 'watched_on'] },
      );
  }
}

/** All four CSVs in one ZIP (reviews.csv, ratings.csv, votes.csv, watch_dates.csv). */
export function exportZip(data: PersonalExport): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const kind of EXPORT_KINDS) files[`${kind}.csv`] = strToU8(exportCsv(data, kind));
  return zipSync(files, { level: 6, mtime: new Date(data.exported_at) });
}
