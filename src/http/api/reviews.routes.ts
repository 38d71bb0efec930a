// /api/v1/titles/{slug}/reviews, /api/v1/reviews/…, votes, reports, my-rating
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import type { PageCache } from '../page-cache.js';
import { writeLimit } from '../plugins/rate-limit.js';
import { errorResponses, IdParam, SlugParam } from '../schemas/common.js';
import {
  CheckBody,
  QualityEnvelope,
  RatingBody,
  RatingEnvelope,
  ReportBody,
  ReportCreated,
  ReviewCreateBody,
  ReviewEnvelope,
  ReviewList,
  ReviewPatchBody,
  ReviewWithQuality,
  TitleReviewsQuery,
  VoteBody,
  VoteResult,
} from '../schemas/reviews.js';

export const reviewRoutes = (ctx: AppContext, cache: PageCache): FastifyPluginAsyncTypebox => async (app) => {
  const { reviews, votes, reports, catalog } = ctx.services;
  const writes = writeLimit(ctx.config);

  app.get('/titles/:slug/reviews', {
    schema: {
      tags: ['reviews'],
      summary: 'A title’s published reviews (every status for moderators). `helpful` orders by helpful_score, then votes, then newest.',
      params: SlugParam,
      querystring: TitleReviewsQuery,
      response: { 200: ReviewList, ...errorResponses(400, 404) },
    },
  }, async (req, reply) => {
    const q = { sort: req.query.sort ?? 'helpful', spoilers: req.query.spoilers ?? 'include', rating_min: req.query.rating_min, rating_max: req.query.rating_max, cursor: req.query.cursor, limit: req.query.limit ?? 20 } as const;
    // Anonymous first pages come from the cache as ready bytes, without touching the database
    // (src/http/page-cache.ts). Slugs never change, so the key can name the title by slug.
    const cacheable = req.actor === null && q.cursor === undefined;
    const key = cacheable ? `${req.params.slug}|${q.sort}|${q.spoilers}|${q.rating_min ?? ''}|${q.rating_max ?? ''}|${q.limit}` : '';
    if (cacheable) {
      const hit = cache.get(key);
      if (hit) return reply.type('application/json; charset=utf-8').send(hit as never);
    }
    const title = await catalog.titleRow(req.params.slug);
    if (cacheable) {
      const bytes = await cache.fill(title.id, key, async () => Buffer.from(reply.serialize(await reviews.listForTitleId(null, title.id, q)) as string));
      return reply.type('application/json; charset=utf-8').send(bytes as never);
    }
    return reviews.listForTitleId(req.actor, title.id, q);
  });

  app.post('/titles/:slug/reviews', {
    config: writes,
    schema: {
      tags: ['reviews'],
      summary: 'Write a review (one per person per title; edit it afterwards). Sets the author’s rating of the title.',
      params: SlugParam,
      body: ReviewCreateBody,
      response: { 201: ReviewWithQuality, ...errorResponses(400, 401, 403, 404, 409, 413, 429) },
    },
  }, async (req, reply) => {
    const result = await reviews.create(req.actor, req.params.slug, req.body);
    reply.code(201);
    return result;
  });

  app.post('/reviews/check', {
    schema: { tags: ['reviews'], summary: 'Quality hints for a draft; saves nothing.', body: CheckBody, response: { 200: QualityEnvelope, ...errorResponses(400, 413) } },
  }, async (req) => ({ quality: reviews.check(req.body) }));

  app.get('/reviews/:id', {
    schema: {
      tags: ['reviews'],
      summary: 'One review; with `quality` for its author and moderators.',
      params: IdParam,
      response: { 200: ReviewEnvelope, ...errorResponses(404) },
    },
  }, async (req) => reviews.get(req.actor, req.params.id));

  app.patch('/reviews/:id', {
    config: writes,
    schema: {
      tags: ['reviews'],
      summary: 'Edit one’s review (the earlier text is kept as a revision); moderators may set `status`.',
      params: IdParam,
      body: ReviewPatchBody,
      response: { 200: ReviewWithQuality, ...errorResponses(400, 401, 403, 404, 413, 429) },
    },
  }, async (req) => reviews.update(req.actor, req.params.id, req.body));

  app.delete('/reviews/:id', {
    config: writes,
    schema: { tags: ['reviews'], summary: 'Delete a review (its author or a moderator); the rating stays.', params: IdParam, response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 429) } },
  }, async (req, reply) => {
    await reviews.delete(req.actor, req.params.id);
    reply.code(204);
  });

  app.put('/reviews/:id/vote', {
    config: writes,
    schema: {
      tags: ['votes'],
      summary: '"Was this review helpful to you?" One vote per person; a new PUT replaces the old one.',
      params: IdParam,
      body: VoteBody,
      response: { 200: VoteResult, ...errorResponses(400, 401, 403, 404, 429) },
    },
  }, async (req) => votes.vote(req.actor, req.params.id, req.body.helpful));

  app.delete('/reviews/:id/vote', {
    config: writes,
    schema: { tags: ['votes'], summary: 'Withdraw one’s vote.', params: IdParam, response: { 200: VoteResult, ...errorResponses(401, 403, 404, 429) } },
  }, async (req) => votes.vote(req.actor, req.params.id, null));

  app.post('/reviews/:id/reports', {
    config: writes,
    schema: {
      tags: ['reports'],
      summary: 'Report a review to the moderators (once per person per review).',
      params: IdParam,
      body: ReportBody,
      response: { 201: ReportCreated, ...errorResponses(400, 401, 403, 404, 409, 429) },
    },
  }, async (req, reply) => {
    const report = await reports.report(req.actor, req.params.id, req.body);
    reply.code(201);
    return { report };
  });

  app.put('/titles/:slug/my-rating', {
    config: writes,
    schema: { tags: ['ratings'], summary: 'Rate a title without a review.', params: SlugParam, body: RatingBody, response: { 200: RatingEnvelope, ...errorResponses(400, 401, 404, 429) } },
  }, async (req) => ({ rating: await reviews.putRating(req.actor, req.params.slug, req.body) }));

  app.get('/titles/:slug/my-rating', {
    schema: { tags: ['ratings'], summary: 'The caller’s rating of a title.', params: SlugParam, response: { 200: RatingEnvelope, ...errorResponses(401, 404) } },
  }, async (req) => ({ rating: await reviews.getRating(req.actor, req.params.slug) }));

  app.delete('/titles/:slug/my-rating', {
    config: writes,
    schema: { tags: ['ratings'], summary: 'Remove the caller’s rating.', params: SlugParam, response: { 204: Type.Null(), ...errorResponses(401, 404, 429) } },
  }, async (req, reply) => {
    await reviews.deleteRating(req.actor, req.params.slug);
    reply.code(204);
  });
};
