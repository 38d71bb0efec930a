// Moderation (issue 5): the queue, the actions and the public log.
import { Type } from '@sinclair/typebox';
import { ListOf, Nullable, PageQuery } from './common.js';

const Span = Type.Object({ start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) }, { description: 'UTF-16 offsets into the body, end exclusive' });

export const QueueItem = Type.Object(
  {
    review: Type.Ref('Review'),
    flags: Type.Array(Type.Union([Type.Literal('pending'), Type.Literal('reported')]), { description: 'Why it is in the queue' }),
    warnings: Type.Array(Type.Ref('Warning')),
    reports: Type.Array(
      Type.Object({
        id: Type.Integer(),
        reason: Type.String(),
        note: Nullable(Type.String()),
        reporter: Type.Object({ handle: Type.String() }),
        created_at: Type.String({ format: 'date-time' }),
        open: Type.Boolean({ description: 'false once a moderator published or restored the review after it' }),
      }),
    ),
    near_duplicate: Nullable(
      Type.Object({
        review_id: Type.Integer(),
        similarity: Type.Number({ minimum: 0, maximum: 1 }),
        other: Nullable(
          Type.Object({
            id: Type.Integer(),
            author: Type.Object({ handle: Type.String() }),
            title: Type.Object({ slug: Type.String(), name: Type.String() }),
            status: Type.String(),
            body: Type.String(),
          }),
        ),
        shared: Type.Object(
          { review: Type.Array(Span), other: Type.Array(Span) },
          { description: 'Passages the two bodies share (runs of common 5-word shingles), for a side-by-side view' },
        ),
      }),
    ),
  },
  { $id: 'QueueItem' },
);
export const QueueList = ListOf(Type.Ref('QueueItem'));
export const QueueQuery = Type.Object({ ...PageQuery });

const Reason = Type.String({ minLength: 1, maxLength: 500, description: 'Required; shown in the public moderation log' });

export const ReviewActionBody = Type.Object(
  {
    action: Type.Union([Type.Literal('publish'), Type.Literal('hide'), Type.Literal('remove'), Type.Literal('restore')]),
    reason: Reason,
  },
  { additionalProperties: false },
);
export const ReviewActionResult = Type.Object({ review: Type.Ref('Review') });

export const UserActionBody = Type.Object(
  { action: Type.Union([Type.Literal('suspend'), Type.Literal('reinstate')]), reason: Reason },
  { additionalProperties: false },
);
export const UserActionResult = Type.Object({ user: Type.Object({ handle: Type.String(), suspended: Type.Boolean() }) });

export const LogEntry = Type.Object(
  {
    id: Type.Integer(),
    created_at: Type.String({ format: 'date-time' }),
    moderator: Nullable(Type.Object({ handle: Type.String() })),
    action: Type.Union(['publish', 'hide', 'remove', 'restore', 'hold', 'suspend', 'reinstate'].map((a) => Type.Literal(a))),
    target: Type.Object({
      type: Type.Union([Type.Literal('review'), Type.Literal('user')]),
      review_id: Nullable(Type.Integer()),
      handle: Nullable(Type.String()),
      description: Type.String(),
    }),
    from_status: Nullable(Type.String()),
    to_status: Nullable(Type.String()),
    reason: Type.String(),
  },
  { $id: 'ModerationLogEntry', description: 'moderator null: the system (the quality policy or readers’ reports)' },
);
export const LogList = ListOf(Type.Ref('ModerationLogEntry'));
export const LogQuery = Type.Object({ ...PageQuery });
