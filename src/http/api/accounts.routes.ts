// /api/v1/auth, /me, /tokens, /users
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { userJson } from '../../services/present.js';
import { requireUser } from '../plugins/auth.js';
import { authLimit, writeLimit } from '../plugins/rate-limit.js';
import { errorResponses, IdParam } from '../schemas/common.js';
import { HandleParam, LoginBody, Profile, RegisterBody, TokenBody, TokenCreated, UserEnvelope } from '../schemas/accounts.js';
import { AuthorReviewsQuery, ReviewList } from '../schemas/reviews.js';

export const accountRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const { accounts, reviews } = ctx.services;

  app.post('/auth/register', {
    config: authLimit(ctx.config),
    schema: {
      tags: ['accounts'],
      summary: 'Create an account and sign in. The first account on an instance without an admin becomes admin.',
      body: RegisterBody,
      response: { 201: UserEnvelope, ...errorResponses(400, 409, 413, 429) },
    },
  }, async (req, reply) => {
    const user = await accounts.register({ handle: req.body.handle, email: req.body.email, password: req.body.password, displayName: req.body.display_name });
    const session = await accounts.startSession(user.id);
    reply.setSession(session.token, session.expiresAt).code(201);
    return { user: userJson(user) };
  });

  app.post('/auth/login', {
    config: authLimit(ctx.config),
    schema: {
      tags: ['accounts'],
      summary: 'Sign in with handle or e-mail and password.',
      body: LoginBody,
      response: { 200: UserEnvelope, ...errorResponses(400, 401, 429) },
    },
  }, async (req, reply) => {
    const user = await accounts.authenticate(req.body.login, req.body.password);
    const session = await accounts.startSession(user.id);
    reply.setSession(session.token, session.expiresAt);
    return { user: userJson(user) };
  });

  app.post('/auth/logout', {
    schema: { tags: ['accounts'], summary: 'End the current session.', response: { 204: Type.Null() } },
  }, async (req, reply) => {
    const token = req.cookies.marquee_session;
    if (token) await accounts.endSession(token);
    reply.clearSession().code(204);
  });

  app.get('/me', {
    schema: { tags: ['accounts'], summary: 'The signed-in account.', response: { 200: UserEnvelope, ...errorResponses(401) } },
  }, async (req) => ({ user: userJson(requireUser(req)) }));

  app.post('/tokens', {
    config: writeLimit(ctx.config),
    schema: {
      tags: ['accounts'],
      summary: 'Create a personal access token; the secret is shown only in this answer.',
      body: TokenBody,
      response: { 201: TokenCreated, ...errorResponses(400, 401, 429) },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    reply.code(201);
    return accounts.createToken(user.id, req.body.name);
  });

  app.delete('/tokens/:id', {
    config: writeLimit(ctx.config),
    schema: { tags: ['accounts'], summary: 'Revoke a token.', params: IdParam, response: { 204: Type.Null(), ...errorResponses(401, 404) } },
  }, async (req, reply) => {
    await accounts.deleteToken(requireUser(req).id, req.params.id);
    reply.code(204);
  });

  app.get('/users/:handle', {
    schema: { tags: ['accounts'], summary: 'A profile with counts.', params: HandleParam, response: { 200: Profile, ...errorResponses(404) } },
  }, async (req) => accounts.profile(req.params.handle));

  app.get('/users/:handle/reviews', {
    schema: {
      tags: ['reviews'],
      summary: 'A person’s reviews, newest first.',
      params: HandleParam,
      querystring: AuthorReviewsQuery,
      response: { 200: ReviewList, ...errorResponses(400, 404) },
    },
  }, async (req) => {
    const author = await accounts.byHandle(req.params.handle);
    return reviews.listForAuthor(req.actor, author.id, { cursor: req.query.cursor, limit: req.query.limit ?? 20 });
  });
};
