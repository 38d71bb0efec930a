// /titles/{slug}: the title's facts and credits, its score and histogram, and its reviews with sort,
// filter and paging controls (a GET form: it works without JavaScript and every view has an address).
import type { ReviewJson, TitleJson } from '../../../services/present.js';
import { Layout } from '../layout.js';
import { strings as t } from '../strings.js';
import type { Viewer } from '../view.js';
import { ReviewCard } from '../components/review-card.js';
import { Histogram, ScoreSummary } from '../components/score.js';
import { titleLd } from '../jsonld.js';
import { FeedLinks } from '../feed-links.js';

export const SORTS = ['helpful', 'recent', 'rating_high', 'rating_low'] as const;
export type Sort = (typeof SORTS)[number];

export interface ReviewFilter {
  sort: Sort;
  ratingMin?: number | undefined;
  ratingMax?: number | undefined;
  hideSpoilers: boolean;
  cursor?: string | undefined;
  /** A message about a filter that could not be used. */
  problem?: string | undefined;
}

/** The query string for a view of the reviews ('' for the default view). */
export function filterQuery(f: ReviewFilter, cursor?: string): string {
  const q = new URLSearchParams();
  if (f.sort !== 'helpful') q.set('sort', f.sort);
  if (f.ratingMin !== undefined) q.set('rating_min', String(f.ratingMin));
  if (f.ratingMax !== undefined) q.set('rating_max', String(f.ratingMax));
  if (f.hideSpoilers) q.set('spoilers', 'exclude');
  if (cursor) q.set('cursor', cursor);
  const s = q.toString();
  return s ? `?${s}` : '';
}

const ROLE_ORDER = ['director', 'writer', 'cast'] as const;

function Credits({ title }: { title: TitleJson }) {
  if (!title.credits.length) return null;
  return (
    <section class="credits" aria-labelledby="credits-h">
      <h2 id="credits-h">{t.title.credits}</h2>
      {ROLE_ORDER.map((role) => {
        const cs = title.credits.filter((c) => c.role === role);
        if (!cs.length) return null;
        return (
          <>
            <h3>{t.title.role[role]}</h3>
            <ul class={role === 'cast' ? 'cast' : 'people'}>
              {cs.map((c) => (
                <li>
                  <a href={`/people/${encodeURIComponent(c.person.slug)}`}>{c.person.name}</a>
                  {c.character && <span class="character"> {t.title.asCharacter(c.character)}</span>}
                </li>
              ))}
            </ul>
          </>
        );
      })}
    </section>
  );
}

function Facts({ title }: { title: TitleJson }) {
  const rows: [string, string][] = [];
  if (title.original_name && title.original_name !== title.name) rows.push([t.title.originalName, title.original_name]);
  if (title.year) rows.push([t.title.year, String(title.year)]);
  rows.push([t.title.kind, t.kind[title.kind] ?? title.kind]);
  if (title.episodes) rows.push([t.title.episodes, String(title.episodes)]);
  if (title.country) rows.push([t.title.country, title.country]);
  if (title.aliases.length) rows.push([t.title.aliases, title.aliases.join(', ')]);
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <div>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const RATING_OPTIONS = Array.from({ length: 10 }, (_, i) => i + 1);

function ReviewControls({ slug, filter }: { slug: string; filter: ReviewFilter }) {
  const ratingSelect = (name: string, label: string, value: number | undefined) => (
    <div class="field">
      <label for={`rc-${name}`}>{label}</label>
      <select id={`rc-${name}`} name={name}>
        <option value="">{t.title.any}</option>
        {RATING_OPTIONS.map((n) => (
          <option value={String(n)} selected={value === n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form class="review-controls" method="get" action={`/titles/${encodeURIComponent(slug)}`} aria-label={t.title.controls}>
      <div class="field">
        <label for="rc-sort">{t.title.sortBy}</label>
        <select id="rc-sort" name="sort">
          {SORTS.map((s) => (
            <option value={s} selected={filter.sort === s}>
              {t.title.sort[s]}
            </option>
          ))}
        </select>
      </div>
      {ratingSelect('rating_min', t.title.minRating, filter.ratingMin)}
      {ratingSelect('rating_max', t.title.maxRating, filter.ratingMax)}
      <div class="field check">
        <input id="rc-spoilers" type="checkbox" name="spoilers" value="exclude" checked={filter.hideSpoilers} />
        <label for="rc-spoilers">{t.title.hideSpoilers}</label>
      </div>
      <button type="submit">{t.title.apply}</button>
    </form>
  );
}

export interface TitlePageProps {
  viewer: Viewer;
  title: TitleJson;
  reviews: ReviewJson[];
  nextCursor: string | null;
  filter: ReviewFilter;
}

export function TitlePage({ viewer, title, reviews, nextCursor, filter }: TitlePageProps) {
  const slug = encodeURIComponent(title.slug);
  const filtered = filter.sort !== 'helpful' || filter.ratingMin !== undefined || filter.ratingMax !== undefined || filter.hideSpoilers || !!filter.cursor;
  const heading = `${title.name}${title.year ? ` (${title.year})` : ''}`;
  return (
    <Layout
      viewer={viewer}
      meta={{
        title: `${heading} — ${t.siteName}`,
        description: title.synopsis ? truncate(title.synopsis, 200) : t.title.metaDescription(title.name, title.year, title.kind),
        canonical: `/titles/${slug}`,
        ogType: title.kind === 'film' ? 'video.movie' : 'video.tv_show',
        jsonLd: [titleLd(title, filtered ? [] : reviews, viewer.baseUrl)],
        noindex: filtered,
        head: <FeedLinks baseUrl={viewer.baseUrl} path={`/titles/${slug}`} name={heading} />,
      }}
    >
      <div class="title-page">
        <header class="title-head">
          <p class="kicker">
            {t.kind[title.kind] ?? title.kind}
            {title.year ? ` · ${title.year}` : ''}
            {title.episodes && title.kind === 'series' ? ` · ${t.title.episodeCount(title.episodes)}` : ''}
          </p>
          <h1>{title.name}</h1>
          {title.original_name && title.original_name !== title.name && (
            <p class="original-name">
              {title.original_name}
            </p>
          )}
        </header>
        <div class="title-grid">
          <section class="score-box" aria-labelledby="score-h">
            <h2 id="score-h">{t.title.score}</h2>
            <ScoreSummary score={title.score} />
            {title.score.count > 0 && (
              <>
                <h3 id="hist-h" class="small-h">
                  {t.title.histogram}
                </h3>
                <Histogram score={title.score} headingId="hist-h" />
              </>
            )}
          </section>
          <div class="title-about">
            <section aria-labelledby="details-h">
              <h2 id="details-h">{t.title.details}</h2>
              <Facts title={title} />
              {title.synopsis && (
                <>
                  <h3>{t.title.synopsis}</h3>
                  <p class="synopsis">{title.synopsis}</p>
                </>
              )}
            </section>
            <Credits title={title} />
          </div>
        </div>
        <section class="reviews" aria-labelledby="reviews-h" id="reviews">
          <div class="section-head">
            <h2 id="reviews-h">
              {t.title.reviews} <span class="count">({title.review_count.toLocaleString('en')})</span>
            </h2>
            <a class="button primary" href={`/titles/${slug}/review`}>
              {t.title.writeReview}
            </a>
          </div>
          <ReviewControls slug={title.slug} filter={filter} />
          {filter.problem && (
            <p class="notice" role="status">
              {filter.problem}
            </p>
          )}
          {reviews.length === 0 ? (
            <p class="empty">{title.review_count === 0 ? t.title.beFirst : t.title.noReviews}</p>
          ) : (
            <div class="review-list">
              {reviews.map((r) => (
                <ReviewCard review={r} viewer={viewer} opts={{ level: 3, titleEpisodes: title.episodes }} />
              ))}
            </div>
          )}
          {(nextCursor || filter.cursor) && (
            <nav class="pager" aria-label={t.title.pages}>
              {filter.cursor && <a href={`/titles/${slug}${filterQuery({ ...filter, cursor: undefined })}#reviews`}>{t.title.firstPage}</a>}
              {nextCursor && (
                <a href={`/titles/${slug}${filterQuery(filter, nextCursor)}#reviews`} rel="next">
                  {t.title.nextPage}
                </a>
              )}
            </nav>
          )}
        </section>
      </div>
    </Layout>
  );
}

export const truncate = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`);
