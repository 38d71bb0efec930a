// /api/v1/moderation/…: the queue and actions (moderators and admins), the public log (anyone).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { writeLimit } from '../plugins/rate-limit.js';
import { errorResponses, IdParam } from '../schemas/common.js';
import { HandleParam } from '../schemas/accounts.js';
import { LogList, LogQuery, QueueList, QueueQuery, ReviewActionBody, ReviewActionResult, UserActionBody, UserActionResult } from '../schemas/moderation.js';

export const moderationRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const { moderation } = ctx.services;
  const writes = writeLimit(ctx.config);

  app.get('/moderation/queue', {
    schema: {
      tags: ['moderation'],
      summary: 'Moderators: pending reviews and reviews with open reports, oldest first, each with its warnings, reports and (for a near-duplicate) both texts with the shared passages.',
      querystring: QueueQuery,
      response: { 200: QueueList, ...errorResponses(400, 401, 403) },
    },
  }, async (req) => moderation.queue(req.actor, { limit: req.query.limit ?? 20, ...(req.query.cursor ? { cursor: req.query.cursor } : {}) }));

  app.post('/moderation/reviews/:id/actions', {
    config: writes,
    schema: {
      tags: ['moderation'],
      summary: 'Moderators: publish (a pending review, or dismiss the open reports of a published one), hide, remove or restore a review. A reason is required and goes into the public log.',
      params: IdParam,
      body: ReviewActionBody,
      response: { 200: ReviewActionResult, ...errorResponses(400, 401, 403, 404, 409, 429) },
    },
  }, async (req) => ({ review: await moderation.reviewAction(req.actor, req.params.id, req.body) }));

  app.post('/moderation/users/:handle/actions', {
    config: writes,
    schema: {
      tags: ['moderation'],
      summary: 'Moderators: suspend or reinstate an account (moderators act on members, admins on anyone but themselves). A suspended account cannot write. A reason is required and goes into the public log.',
      params: HandleParam,
      body: UserActionBody,
      response: { 200: UserActionResult, ...errorResponses(400, 401, 403, 404, 409, 429) },
    },
  }, async (req) => moderation.userAction(req.actor, req.params.handle, req.body));

  app.get('/moderation/log', {
    schema: {
      tags: ['moderation'],
      summary: 'The public moderation log: every action (moderators’ and the system’s), newest first, with its reason. Readable by anyone.',
      querystring: LogQuery,
      response: { 200: LogList, ...errorResponses(400) },
    },
  }, async (req) => moderation.log({ limit: req.query.limit ?? 20, ...(req.query.cursor ? { cursor: req.query.cursor } : {}) }));
};
