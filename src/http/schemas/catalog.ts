import { Type } from '@sinclair/typebox';
import { ListOf, Nullable, PageQuery } from './common.js';

const Kind = Type.Union([Type.Literal('series'), Type.Literal('film')]);
const CreditRole = Type.Union([Type.Literal('director'), Type.Literal('writer'), Type.Literal('cast')]);
const Bucket = Type.Integer({ minimum: 0 });

export const Score = Type.Object(
  {
    count: Type.Integer(),
    mean: Nullable(Type.Number()),
    weighted: Nullable(Type.Number()),
    histogram: Type.Object({
      '1': Bucket, '2': Bucket, '3': Bucket, '4': Bucket, '5': Bucket,
      '6': Bucket, '7': Bucket, '8': Bucket, '9': Bucket, '10': Bucket,
    }),
  },
  { $id: 'Score' },
);

export const Title = Type.Object(
  {
    id: Type.Integer(),
    slug: Type.String(),
    kind: Kind,
    name: Type.String(),
    original_name: Nullable(Type.String()),
    aliases: Type.Array(Type.String()),
    year: Nullable(Type.Integer()),
    country: Nullable(Type.String()),
    episodes: Nullable(Type.Integer()),
    synopsis: Nullable(Type.String()),
    credits: Type.Array(
      Type.Object({
        person: Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() }),
        role: CreditRole,
        character: Nullable(Type.String()),
      }),
    ),
    score: Type.Ref('Score'),
    review_count: Type.Integer({ description: 'Extension: reviews of this title, any status' }),
  },
  { $id: 'Title' },
);

export const Person = Type.Object(
  {
    id: Type.Integer(),
    slug: Type.String(),
    name: Type.String(),
    original_name: Nullable(Type.String()),
    credits: Type.Array(
      Type.Object({
        title: Type.Object({ slug: Type.String(), name: Type.String(), year: Nullable(Type.Integer()) }),
        role: CreditRole,
        character: Nullable(Type.String()),
      }),
    ),
  },
  { $id: 'Person' },
);

export const TitleList = ListOf(Type.Ref('Title'));
export const TitleEnvelope = Type.Object({ title: Type.Ref('Title') });
export const PersonEnvelope = Type.Object({ person: Type.Ref('Person') });

export const TitleQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    kind: Type.Optional(Kind),
    year: Type.Optional(Type.Integer({ minimum: 1800, maximum: 2200 })),
    ...PageQuery,
  },
  { description: 'Unknown parameters are ignored.' },
);

const CreditInput = Type.Object(
  {
    person: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Integer({ minimum: 1 })]),
    role: CreditRole,
    character: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);

const titleFields = {
  name: Type.String({ minLength: 1, maxLength: 300 }),
  kind: Kind,
  year: Type.Optional(Nullable(Type.Integer({ minimum: 1800, maximum: 2200 }))),
  original_name: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 100 })),
  country: Type.Optional(Nullable(Type.String({ minLength: 2, maxLength: 2, pattern: '^[A-Z]{2}$' }))),
  episodes: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000 }))),
  synopsis: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  credits: Type.Optional(Type.Array(CreditInput, { maxItems: 500 })),
};

export const TitleCreateBody = Type.Object(
  { ...titleFields, slug: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
);
export const TitlePatchBody = Type.Partial(Type.Object(titleFields), { additionalProperties: false, minProperties: 1 });
