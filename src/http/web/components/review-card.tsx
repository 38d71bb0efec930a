// The review card, wherever a review shows (title page, home, profile, permalink): an <article>
// whose heading is the headline; rating, sub-scores, watch status, author and date; the body in
// paragraphs (folded behind a control when marked as spoilers, cut with "Read more" when long);
// the helpfulness vote and "Report".
import type { ReviewJson } from '../../../services/present.js';
import { strings as t } from '../strings.js';
import type { Viewer } from '../view.js';
import { excerpt, paragraphsOf, ReviewBody } from './review-body.js';
import { VoteForm } from './vote.js';

export interface CardOptions {
  /** Heading level of the headline (1 on the permalink page, 3 under a section heading). */
  level?: 1 | 2 | 3;
  /** Show which title the review is of (home page, profile). */
  showTitle?: boolean;
  /** The whole body, uncut (permalink page). */
  full?: boolean;
  /** The title's episode count, for "8 of 16 episodes". */
  titleEpisodes?: number | null;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function WatchLine({ review, titleEpisodes }: { review: ReviewJson; titleEpisodes?: number | null | undefined }) {
  const parts: string[] = [];
  if (review.watch_status) parts.push(t.review.watch[review.watch_status] ?? review.watch_status);
  if (review.episodes_seen !== null) parts.push(t.review.episodesOf(review.episodes_seen, titleEpisodes ?? null));
  return parts.length ? <span class="watch">{parts.join(' · ')}</span> : null;
}

export function ReviewCard({ review, viewer, opts = {} }: { review: ReviewJson; viewer: Viewer; opts?: CardOptions }) {
  const H = opts.level === 1 ? 'h1' : opts.level === 2 ? 'h2' : 'h3';
  const id = review.id;
  const paragraphs = paragraphsOf(review.body);
  const { shown, cut } = opts.full ? { shown: paragraphs, cut: false } : excerpt(paragraphs);
  const scores = Object.entries(review.scores).filter((e): e is [string, number] => e[1] !== null);
  const body = (
    <>
      <ReviewBody paragraphs={shown} id={`rb-${id}`} body={review.body} mentions={review.mentions} />
      {cut && (
        <p class="read-more">
          <a href={`/reviews/${id}`} data-read-more={id} aria-describedby={`rh-${id}`}>
            {t.review.readMore}
          </a>
        </p>
      )}
    </>
  );
  return (
    <article class="review" id={`review-${id}`} aria-labelledby={`rh-${id}`}>
      <header class="review-head">
        <div class="rating-badge" aria-label={`${t.review.rating}: ${t.review.ratingValue(review.rating)}`} role="img">
          <span aria-hidden="true">{fmt(review.rating)}</span>
        </div>
        <div class="review-titles">
          <H id={`rh-${id}`} class="review-headline">
            {opts.full ? review.headline : <a href={`/reviews/${id}`}>{review.headline}</a>}
          </H>
          {opts.showTitle && (
            <p class="review-of">
              <a href={`/titles/${encodeURIComponent(review.title.slug)}`}>
                {review.title.name}
                {review.title.year ? ` (${review.title.year})` : ''}
              </a>
            </p>
          )}
          <p class="review-meta">
            <WatchLine review={review} titleEpisodes={opts.titleEpisodes} />
            <span class="byline">
              {t.review.by} <a href={`/users/${encodeURIComponent(review.author.handle)}`}>{review.author.display_name}</a>
            </span>
            <time datetime={review.created_at}>{t.dates.format(review.created_at)}</time>
            {review.status !== 'published' && <span class="status">{t.review.status[review.status] ?? review.status}</span>}
          </p>
        </div>
      </header>
      {scores.length > 0 && (
        <dl class="subscores" aria-label={t.review.subScores}>
          {scores.map(([k, v]) => (
            <div>
              <dt>{t.review.score[k] ?? k}</dt>
              <dd>{fmt(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      {review.contains_spoilers ? (
        <details class="spoiler" data-spoiler={id}>
          <summary>{t.review.spoilerShow}</summary>
          {body}
        </details>
      ) : (
        body
      )}
      <footer class="review-foot">
        <VoteForm review={review} viewer={viewer} />
        {viewer.user?.handle !== review.author.handle && (
          <a class="report" href={`/reviews/${id}/report`}>
            {t.review.report}
          </a>
        )}
      </footer>
    </article>
  );
}
