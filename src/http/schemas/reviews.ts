import { Type } from '@sinclair/typebox';
import { ListOf, Nullable, PageQuery, Rating } from './common.js';
import { BODY_MAX, HEADLINE_MAX } from '../../domain/review-text.js';

const WatchStatus = Type.Union([Type.Literal('completed'), Type.Literal('watching'), Type.Literal('dropped'), Type.Literal('plan_to_watch')]);
const Status = Type.Union([Type.Literal('published'), Type.Literal('pending'), Type.Literal('hidden'), Type.Literal('removed')]);

export const Warning = Type.Object(
  { code: Type.String(), message: Type.String() },
  { $id: 'Warning', additionalProperties: true, description: 'More fields per code, e.g. paragraph and same_as for repeated_paragraph' },
);
export const Quality = Type.Object(
  { warnings: Type.Array(Type.Ref('Warning')), suggested_body: Nullable(Type.String()) },
  { $id: 'Quality' },
);

const ScoreValue = Nullable(Type.Number());
const Mention = Type.Object(
  {
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 1 }),
    type: Type.Union([Type.Literal('title'), Type.Literal('person')]),
    slug: Type.String({ description: 'links to /titles/{slug} or /people/{slug}' }),
    name: Type.String({ description: 'the title’s or person’s catalog name' }),
  },
  { additionalProperties: false },
);
export const Review = Type.Object(
  {
    id: Type.Integer(),
    title: Type.Object({ slug: Type.String(), name: Type.String(), year: Nullable(Type.Integer()) }),
    author: Type.Object({ handle: Type.String(), display_name: Type.String() }),
    headline: Type.String(),
    body: Type.String(),
    rating: Type.Number(),
    scores: Type.Object({ story: ScoreValue, acting: ScoreValue, music: ScoreValue, rewatch: ScoreValue }),
    watch_status: Nullable(WatchStatus),
    episodes_seen: Nullable(Type.Integer()),
    contains_spoilers: Type.Boolean(),
    status: Status,
    helpful: Type.Object({ yes: Type.Integer(), no: Type.Integer() }),
    helpful_score: Type.Number(),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
    my_vote: Type.Optional(Nullable(Type.Boolean())),
    status_reason: Type.Optional(
      Type.String({ description: 'Why the review is not published (held by the quality policy or by reports, or a moderator’s reason); only for its author and moderators, and only when there is one (extension, issue 5).' }),
    ),
    mentions: Type.Array(Mention, {
      description: 'Catalog titles and people named in body (extension, issue 6), in order, never overlapping. start/end are offsets into body in UTF-16 code units (JavaScript string indices): body.slice(start, end) is the name as written. Computed when the review is saved, and again by `marquee mentions relink`.',
    }),
  },
  { $id: 'Review' },
);

export const ReviewList = ListOf(Type.Ref('Review'));
export const ReviewEnvelope = Type.Object({ review: Type.Ref('Review'), quality: Type.Optional(Type.Ref('Quality')) });
export const ReviewWithQuality = Type.Object({ review: Type.Ref('Review'), quality: Type.Ref('Quality') });

export const TitleReviewsQuery = Type.Object(
  {
    sort: Type.Optional(
      Type.Union([Type.Literal('helpful'), Type.Literal('recent'), Type.Literal('rating_high'), Type.Literal('rating_low')], { default: 'helpful' }),
    ),
    spoilers: Type.Optional(Type.Union([Type.Literal('include'), Type.Literal('exclude')], { default: 'include' })),
    rating_min: Type.Optional(Type.Number({ minimum: 1, maximum: 10 })),
    rating_max: Type.Optional(Type.Number({ minimum: 1, maximum: 10 })),
    ...PageQuery,
  },
  { description: 'Unknown parameters are ignored.' },
);
export const AuthorReviewsQuery = Type.Object({ ...PageQuery });

const SubScores = Type.Object(
  {
    story: Type.Optional(Nullable(Rating)),
    acting: Type.Optional(Nullable(Rating)),
    music: Type.Optional(Nullable(Rating)),
    rewatch: Type.Optional(Nullable(Rating)),
  },
  { additionalProperties: false },
);

const reviewFields = {
  headline: Type.String({ minLength: 1, maxLength: HEADLINE_MAX }),
  body: Type.String({ maxLength: BODY_MAX }),
  rating: Rating,
  scores: Type.Optional(SubScores),
  watch_status: Type.Optional(Nullable(WatchStatus)),
  episodes_seen: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000 }))),
  contains_spoilers: Type.Optional(Type.Boolean({ description: 'false when left out on create' })),
};

export const ReviewCreateBody = Type.Object(reviewFields, { additionalProperties: false });
export const ReviewPatchBody = Type.Partial(
  Type.Object({
    ...reviewFields,
    status: Status,
    reason: Type.String({ maxLength: 500, description: 'With `status`: the moderator’s reason, shown in the public moderation log (a default text is logged when left out).' }),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export const CheckBody = Type.Object(
  { headline: Type.String({ maxLength: HEADLINE_MAX }), body: Type.String({ maxLength: BODY_MAX }) },
  { additionalProperties: false },
);
export const QualityEnvelope = Type.Object({ quality: Type.Ref('Quality') });

export const VoteBody = Type.Object({ helpful: Type.Boolean() }, { additionalProperties: false });
export const VoteResult = Type.Object({
  helpful: Type.Object({ yes: Type.Integer(), no: Type.Integer() }),
  helpful_score: Type.Number(),
  my_vote: Nullable(Type.Boolean()),
});

export const RatingBody = Type.Object(
  {
    rating: Rating,
    watch_status: Type.Optional(Nullable(WatchStatus)),
    episodes_seen: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000 }))),
  },
  { additionalProperties: false },
);
export const RatingEnvelope = Type.Object({
  rating: Type.Object({
    rating: Type.Number(),
    watch_status: Nullable(WatchStatus),
    episodes_seen: Nullable(Type.Integer()),
    updated_at: Type.String(),
    watched_on: Type.Array(Type.String({ format: 'date' }), { description: 'The days the caller watched the title (YYYY-MM-DD, oldest first), e.g. from a Letterboxd diary import; [] when none' }),
  }),
});

export const ReportBody = Type.Object(
  {
    reason: Type.Union([Type.Literal('spam'), Type.Literal('spoilers_unmarked'), Type.Literal('abuse'), Type.Literal('plagiarism'), Type.Literal('other')]),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export const ReportCreated = Type.Object({
  report: Type.Object({ id: Type.Integer(), review_id: Type.Integer(), reason: Type.String(), note: Nullable(Type.String()), created_at: Type.String() }),
});
