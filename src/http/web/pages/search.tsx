// /search?q=&type=titles|people|reviews: one result type at a time, chosen by links styled as tabs
// (the header box submits here; src/services/search.service.ts finds the results).
import type { ReviewJson, TitleJson } from '../../../services/present.js';
import { Layout } from '../layout.js';
import { strings as t } from '../strings.js';
import type { Viewer } from '../view.js';
import { TitleList } from '../components/title-list.js';
import { ReviewCard } from '../components/review-card.js';

export interface PersonHit {
  slug: string;
  name: string;
  original_name?: string | null;
}

export type SearchTab = 'titles' | 'people' | 'reviews';
export const SEARCH_TABS: SearchTab[] = ['titles', 'people', 'reviews'];

export interface SearchPageProps {
  viewer: Viewer;
  q: string;
  type: SearchTab;
  titles: TitleJson[];
  people: PersonHit[];
  reviews: ReviewJson[];
  nextCursor: string | null;
  problem?: string | undefined;
}

export function SearchPage({ viewer, q, type, titles, people, reviews, nextCursor, problem }: SearchPageProps) {
  const heading = q ? t.search.resultsFor(q) : t.search.heading;
  const href = (tab: SearchTab, cursor?: string) =>
    `/search?q=${encodeURIComponent(q)}${tab === 'titles' ? '' : `&type=${tab}`}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const none = titles.length === 0 && people.length === 0 && reviews.length === 0;
  return (
    <Layout viewer={{ ...viewer, query: q }} meta={{ title: `${heading} — ${t.siteName}`, noindex: true }}>
      <h1>{heading}</h1>
      {q && (
        <nav class="search-tabs" aria-label={t.search.types}>
          <ul>
            {SEARCH_TABS.map((tab) => (
              <li>
                <a href={href(tab)} aria-current={tab === type ? 'page' : undefined}>
                  {t.search[tab]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {problem && <p class="notice">{problem}</p>}
      {!problem && q && none && <p class="empty">{t.search.noResults}</p>}
      {titles.length > 0 && (
        <section aria-labelledby="st-h">
          <h2 id="st-h" class="vh">{t.search.titles}</h2>
          <TitleList titles={titles} />
        </section>
      )}
      {people.length > 0 && (
        <section aria-labelledby="sp-h">
          <h2 id="sp-h" class="vh">{t.search.people}</h2>
          <ul class="title-list">
            {people.map((p) => (
              <li>
                <a href={`/people/${encodeURIComponent(p.slug)}`} class="title-link">
                  {p.name}
                </a>
                {p.original_name && p.original_name !== p.name && <span class="muted">{p.original_name}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {reviews.length > 0 && (
        <section aria-labelledby="sr-h">
          <h2 id="sr-h" class="vh">{t.search.reviews}</h2>
          {reviews.map((r) => (
            <ReviewCard review={r} viewer={viewer} opts={{ level: 3, showTitle: true }} />
          ))}
        </section>
      )}
      {nextCursor && (
        <nav class="pager" aria-label={t.title.pages}>
          <a href={href(type, nextCursor)} rel="next">
            {t.search.more}
          </a>
        </nav>
      )}
    </Layout>
  );
}
