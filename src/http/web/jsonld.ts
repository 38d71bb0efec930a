// schema.org objects for the pages others read (search engines, link previews): a TVSeries or Movie
// with its aggregateRating, and Reviews with reviewRating and author. https://schema.org/Review
import type { PersonJson, ReviewJson, TitleJson } from '../../services/present.js';

type Json = Record<string, unknown>;

const titleType = (kind: string) => (kind === 'film' ? 'Movie' : 'TVSeries');

/** The title as an item reviewed: enough to name it. */
export function titleRef(title: { slug: string; name: string; year: number | null }, kind: string | undefined, base: string): Json {
  const ref: Json = { '@type': kind ? titleType(kind) : 'CreativeWork', name: title.name, url: `${base}/titles/${title.slug}` };
  if (title.year) ref[kind === 'film' ? 'datePublished' : 'startDate'] = String(title.year);
  return ref;
}

export function reviewLd(r: ReviewJson, base: string, opts: { withItem?: { kind?: string }; body?: boolean } = {}): Json {
  const ld: Json = {
    '@type': 'Review',
    url: `${base}/reviews/${r.id}`,
    name: r.headline,
    datePublished: r.created_at,
    author: { '@type': 'Person', name: r.author.display_name, url: `${base}/users/${r.author.handle}` },
    reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 10, worstRating: 1 },
  };
  if (r.helpful.yes + r.helpful.no > 0) {
    ld.interactionStatistic = { '@type': 'InteractionCounter', interactionType: 'https://schema.org/LikeAction', userInteractionCount: r.helpful.yes };
  }
  if (opts.body !== false) ld.reviewBody = r.body;
  if (opts.withItem) ld.itemReviewed = titleRef(r.title, opts.withItem.kind, base);
  return { '@context': 'https://schema.org', ...ld };
}

export function titleLd(title: TitleJson, reviews: ReviewJson[], base: string): Json {
  const people = (role: string) =>
    title.credits.filter((c) => c.role === role).map((c) => ({ '@type': 'Person', name: c.person.name, url: `${base}/people/${c.person.slug}` }));
  const ld: Json = {
    '@context': 'https://schema.org',
    '@type': titleType(title.kind),
    name: title.name,
    url: `${base}/titles/${title.slug}`,
  };
  if (title.original_name && title.original_name !== title.name) ld.alternateName = title.original_name;
  if (title.year) ld[title.kind === 'film' ? 'datePublished' : 'startDate'] = String(title.year);
  if (title.synopsis) ld.description = title.synopsis;
  if (title.episodes && title.kind === 'series') ld.numberOfEpisodes = title.episodes;
  if (title.country) ld.countryOfOrigin = { '@type': 'Country', name: title.country };
  const directors = people('director');
  const cast = people('cast');
  if (directors.length) ld.director = directors;
  if (cast.length) ld.actor = cast;
  if (title.score.count > 0 && title.score.mean !== null) {
    ld.aggregateRating = {
      '@type': 'AggregateRating',
      ratingValue: Number(title.score.mean.toFixed(2)),
      bestRating: 10,
      worstRating: 1,
      ratingCount: title.score.count,
      reviewCount: title.review_count,
    };
  }
  if (reviews.length) {
    ld.review = reviews.map((r) => {
      const { '@context': _c, ...rest } = reviewLd(r, base, { body: false });
      return rest;
    });
  }
  return ld;
}

export function personLd(person: PersonJson, base: string): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: person.name,
    ...(person.original_name && person.original_name !== person.name ? { alternateName: person.original_name } : {}),
    url: `${base}/people/${person.slug}`,
  };
}
