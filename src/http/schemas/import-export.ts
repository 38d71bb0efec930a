// A person's own data in (POST /me/imports) and out (GET /me/export).
import { Type } from '@sinclair/typebox';
import { Nullable } from './common.js';

const Place = { file: Type.String(), line: Type.Integer({ description: 'Counted from 1, the header included' }), reason: Type.String() };

export const ImportReport = Type.Object(
  {
    files: Type.Array(Type.Object({ file: Type.String(), kind: Type.String({ description: 'letterboxd-ratings, letterboxd-diary, letterboxd-reviews or imdb-ratings' }), rows: Type.Integer() })),
    ignored_files: Type.Array(Type.String(), { description: 'Files of a ZIP that this import does not read (watchlist, likes, lists…)' }),
    rows: Type.Integer({ description: 'Valid lines read' }),
    matched: Type.Integer({ description: 'Lines matched to a title' }),
    ratings: Type.Object({ added: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), kept: Type.Integer({ description: 'A newer rating of yours was kept' }) }),
    reviews: Type.Object({ added: Type.Integer(), unchanged: Type.Integer(), kept: Type.Integer({ description: 'You already had a different review of the title; it was kept' }) }),
    watch_dates: Type.Object({ added: Type.Integer(), unchanged: Type.Integer() }),
    unmatched: Type.Array(Type.Object({ ...Place, name: Type.String(), year: Nullable(Type.Integer()) }), { description: 'Lines that found no title, or several' }),
    skipped: Type.Array(Type.Object(Place), { description: 'Malformed lines, and lines whose data was not applied' }),
  },
  { $id: 'ImportReport' },
);
export const ImportEnvelope = Type.Object({ report: Type.Ref('ImportReport') });

export const ExportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' })),
  kind: Type.Optional(
    Type.Union([Type.Literal('reviews'), Type.Literal('ratings'), Type.Literal('votes'), Type.Literal('watch_dates')], {
      description: 'One kind only. With format=csv and no kind, the answer is a ZIP of the four CSV files.',
    }),
  ),
});

const TitleRef = Type.Object({ slug: Type.String(), name: Type.String(), year: Nullable(Type.Integer()) });
const Score = Nullable(Type.Number());

export const PersonalExport = Type.Object({
  exported_at: Type.String({ format: 'date-time' }),
  user: Type.Object({ id: Type.Integer(), handle: Type.String(), display_name: Type.String(), role: Type.String(), created_at: Type.String(), email: Type.String() }),
  reviews: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.Integer(),
        title: TitleRef,
        headline: Type.String(),
        body: Type.String(),
        rating: Type.Number(),
        scores: Type.Object({ story: Score, acting: Score, music: Score, rewatch: Score }),
        watch_status: Nullable(Type.String()),
        episodes_seen: Nullable(Type.Integer()),
        contains_spoilers: Type.Boolean(),
        status: Type.String(),
        helpful: Type.Object({ yes: Type.Integer(), no: Type.Integer() }),
        created_at: Type.String(),
        updated_at: Type.String(),
      }),
    ),
  ),
  ratings: Type.Optional(
    Type.Array(
      Type.Object({
        title: TitleRef,
        rating: Type.Number(),
        watch_status: Nullable(Type.String()),
        episodes_seen: Nullable(Type.Integer()),
        watched_on: Type.Array(Type.String({ format: 'date' })),
        created_at: Type.String(),
        updated_at: Type.String(),
      }),
    ),
  ),
  votes: Type.Optional(
    Type.Array(
      Type.Object({ review_id: Type.Integer(), title: TitleRef, review_author: Type.String(), helpful: Type.Boolean(), created_at: Type.String(), updated_at: Type.String() }),
    ),
  ),
  watch_dates: Type.Optional(Type.Array(Type.Object({ title: TitleRef, watched_on: Type.String({ format: 'date' }) }))),
});
