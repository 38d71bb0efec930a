// GET /api/v1/search and /api/v1/search/suggest (CONTRACT.md "Search").
import { Type } from '@sinclair/typebox';
import { ListOf, Nullable, PageQuery } from './common.js';

export const SearchQuery = Type.Object(
  {
    q: Type.String({ maxLength: 200, description: 'What to look for; 1–200 characters, not only white space.' }),
    type: Type.Optional(Type.Union([Type.Literal('titles'), Type.Literal('people'), Type.Literal('reviews')], { default: 'titles' })),
    ...PageQuery,
  },
  { description: 'Unknown parameters are ignored.' },
);

const TitleHit = Type.Intersect([Type.Object({ type: Type.Literal('title') }), Type.Ref('Title')]);
const PersonHit = Type.Object({
  type: Type.Literal('person'),
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  original_name: Nullable(Type.String()),
});
const ReviewHit = Type.Intersect([Type.Object({ type: Type.Literal('review') }), Type.Ref('Review')]);

export const SearchResults = ListOf(Type.Union([TitleHit, PersonHit, ReviewHit]));

export const SuggestQuery = Type.Object({
  q: Type.String({ maxLength: 200 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 5 })),
});

export const Suggestions = Type.Object({
  titles: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String(),
      original_name: Nullable(Type.String()),
      year: Nullable(Type.Integer()),
      kind: Type.Union([Type.Literal('series'), Type.Literal('film')]),
    }),
  ),
  people: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), original_name: Nullable(Type.String()) })),
});
