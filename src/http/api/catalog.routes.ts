// /api/v1/titles, /api/v1/people
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { writeLimit } from '../plugins/rate-limit.js';
import { errorResponses, SlugParam } from '../schemas/common.js';
import { PersonEnvelope, TitleCreateBody, TitleEnvelope, TitleList, TitlePatchBody, TitleQuery } from '../schemas/catalog.js';

export const catalogRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const { catalog } = ctx.services;

  app.get('/titles', {
    schema: { tags: ['catalog'], summary: 'Titles by name; `q` matches name, original name and aliases.', querystring: TitleQuery, response: { 200: TitleList, ...errorResponses(400) } },
  }, async (req) => catalog.listTitles({ q: req.query.q, kind: req.query.kind, year: req.query.year, cursor: req.query.cursor, limit: req.query.limit ?? 20 }));

  app.get('/titles/:slug', {
    schema: { tags: ['catalog'], summary: 'One title with credits and score.', params: SlugParam, response: { 200: TitleEnvelope, ...errorResponses(404) } },
  }, async (req) => ({ title: await catalog.getTitle(req.params.slug) }));

  app.post('/titles', {
    config: writeLimit(ctx.config),
    schema: {
      tags: ['catalog'],
      summary: 'Add a title (moderators and admins). People named by name are found or created.',
      body: TitleCreateBody,
      response: { 201: TitleEnvelope, ...errorResponses(400, 401, 403, 409, 413, 429) },
    },
  }, async (req, reply) => {
    const title = await catalog.createTitle(req.actor, req.body);
    reply.code(201);
    return { title };
  });

  app.patch('/titles/:slug', {
    config: writeLimit(ctx.config),
    schema: {
      tags: ['catalog'],
      summary: 'Change a title (moderators and admins); `credits` and `aliases` replace the lists.',
      params: SlugParam,
      body: TitlePatchBody,
      response: { 200: TitleEnvelope, ...errorResponses(400, 401, 403, 404, 413, 429) },
    },
  }, async (req) => ({ title: await catalog.updateTitle(req.actor, req.params.slug, req.body) }));

  app.get('/people/:slug', {
    schema: { tags: ['catalog'], summary: 'A person and their credits.', params: SlugParam, response: { 200: PersonEnvelope, ...errorResponses(404) } },
  }, async (req) => ({ person: await catalog.getPerson(req.params.slug) }));
};
