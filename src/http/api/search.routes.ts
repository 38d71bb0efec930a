// /api/v1/search, /api/v1/search/suggest
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { errorResponses } from '../schemas/common.js';
import { SearchQuery, SearchResults, Suggestions, SuggestQuery } from '../schemas/search.js';

export const searchRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const { search } = ctx.services;

  app.get('/search', {
    schema: {
      tags: ['search'],
      summary:
        'Titles or people by name, original name and alias (case, accents and romanisation spacing ignored; parts of words in scripts without spaces), or published reviews by the words of headline and body (every word in the headline first, then most helpful).',
      querystring: SearchQuery,
      response: { 200: SearchResults, ...errorResponses(400) },
    },
  }, async (req) => search.search(req.actor, { q: req.query.q, type: req.query.type ?? 'titles', cursor: req.query.cursor, limit: req.query.limit ?? 20 }));

  app.get('/search/suggest', {
    schema: {
      tags: ['search'],
      summary: 'Extension: a few titles and people whose names match, for suggestions while typing.',
      querystring: SuggestQuery,
      response: { 200: Suggestions, ...errorResponses(400) },
    },
  }, async (req) => search.suggest(req.query.q, req.query.limit ?? 5));
};
