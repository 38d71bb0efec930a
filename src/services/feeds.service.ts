// RSS and Atom feeds (issue 6) of a title's newest reviews, of the reviews of the titles a catalog
// person is credited on, and of a user's reviews: newest FEED_SIZE published reviews, built by the
// pure functions of src/domain/feeds.ts.
import type { Db } from '../store/db.js';
import { CatalogStore } from '../store/catalog.store.js';
import { ReviewsStore, type ReviewRecord } from '../store/reviews.store.js';
import { UsersStore } from '../store/users.store.js';
import { FeedsStore } from '../store/feeds.store.js';
import { notFound } from '../domain/errors.js';
import { newest, reviewEntry, type Feed, type FeedReview, type FeedText } from '../domain/feeds.js';
import { fromHalfPoints } from '../domain/rating.js';
import { titleRefJson } from './present.js';

export const FEED_SIZE = 20;

export type FeedSubject = 'titles' | 'people' | 'users';

export class FeedsService {
  readonly #catalog: CatalogStore;
  readonly #reviews: ReviewsStore;
  readonly #users: UsersStore;
  readonly #feeds: FeedsStore;

  constructor(
    db: Db,
    private readonly baseUrl: string,
    /** The feeds' words (src/http/web/strings.ts `feeds`). */
    private readonly text: FeedText,
  ) {
    this.#catalog = new CatalogStore(db.kysely);
    this.#reviews = new ReviewsStore(db.kysely);
    this.#users = new UsersStore(db.kysely);
    this.#feeds = new FeedsStore(db.kysely);
  }

  feed(subject: FeedSubject, key: string): Promise<Feed> {
    if (subject === 'titles') return this.titleFeed(key);
    if (subject === 'people') return this.personFeed(key);
    return this.userFeed(key);
  }

  async titleFeed(slug: string): Promise<Feed> {
    const title = await this.#catalog.titleBySlug(slug);
    if (!title) throw notFound('No title has that slug.');
    const rows = await this.#reviews.listForTitle({ titleId: title.id, sort: 'recent', publishedOnly: true, excludeSpoilers: false, limit: FEED_SIZE });
    const label = title.year ? `${title.name} (${title.year})` : title.name;
    return this.#feed(`titles/${encodeURIComponent(title.slug)}`, this.text.titleFeed(label), this.text.titleFeedDescription(label), rows, false, title.updated_at);
  }

  async personFeed(slug: string): Promise<Feed> {
    const person = await this.#catalog.personBySlug(slug);
    if (!person) throw notFound('No person has that slug.');
    const rows = await this.#feeds.newestForPerson(person.id, FEED_SIZE);
    return this.#feed(
      `people/${encodeURIComponent(person.slug)}`,
      this.text.personFeed(person.name),
      this.text.personFeedDescription(person.name),
      rows,
      true,
      person.created_at,
    );
  }

  async userFeed(handle: string): Promise<Feed> {
    const user = await this.#users.byHandle(handle);
    if (!user) throw notFound('No such user.');
    const rows = await this.#reviews.listForAuthor({ authorId: user.id, publishedOnly: true, limit: FEED_SIZE });
    return this.#feed(`users/${encodeURIComponent(user.handle)}`, this.text.userFeed(user.display_name || user.handle), this.text.userFeedDescription(user.display_name || user.handle), rows, true, user.created_at);
  }

  #feed(path: string, title: string, description: string, rows: ReviewRecord[], showTitle: boolean, since: string): Feed {
    const base = this.baseUrl.replace(/\/+$/, '');
    const entries = rows.map((r) => reviewEntry(feedReview(r), base, showTitle, this.text));
    return {
      title,
      description,
      pageUrl: `${base}/${path}`,
      selfUrl: { rss: `${base}/${path}/feed.rss`, atom: `${base}/${path}/feed.atom` },
      updated: newest(entries, since),
      entries,
    };
  }
}

const feedReview = (r: ReviewRecord): FeedReview => ({
  id: r.id,
  headline: r.headline,
  body: r.body,
  rating: fromHalfPoints(r.rating_x2),
  contains_spoilers: r.contains_spoilers === 1,
  created_at: r.created_at,
  updated_at: r.updated_at,
  author: { handle: r.author_handle, display_name: r.author_display_name },
  title: titleRefJson(r),
});
