// Sign in, sign up, sign out as form posts. They call the accounts service and set the same session
// cookie as the JSON API; success redirects (303) to `next` (a local path) or home.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../domain/errors.js';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { authLimit } from '../plugins/rate-limit.js';
import type { FormBody } from '../plugins/form-body.js';
import type { FieldErrors } from './components/forms.js';
import { renderDocument, sendHtml } from './render.js';
import { str } from './query.js';
import { strings as t } from './strings.js';
import { safeNext, viewerOf } from './view.js';
import { LoginPage, RegisterPage } from './pages/auth.js';
import { HANDLE_PATTERN, PASSWORD_MIN } from '../../services/accounts.service.js';

const field = (body: unknown, name: string) => {
  const v = (body as FormBody | undefined)?.[name];
  return typeof v === 'string' ? v : '';
};

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { accounts } = ctx.services;
  const limit = authLimit(ctx.config);

  const signIn = async (reply: FastifyReply, userId: number, next: string) => {
    const session = await accounts.startSession(userId);
    reply.setSession(session.token, session.expiresAt);
    return reply.code(303).header('location', next).header('cache-control', 'no-store').send();
  };

  const loginPage = (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldErrors, status: number) =>
    sendHtml(req, reply, renderDocument(<LoginPage viewer={viewerOf(req, reply, ctx, true)} values={values} errors={errors} next={safeNext(str(req.query, 'next'))} />), status);
  const registerPage = (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldErrors, status: number) =>
    sendHtml(req, reply, renderDocument(<RegisterPage viewer={viewerOf(req, reply, ctx, true)} values={values} errors={errors} next={safeNext(str(req.query, 'next'))} />), status);

  app.get('/login', { config: { html: true } }, async (req, reply) => loginPage(req, reply, {}, {}, 200));
  app.get('/register', { config: { html: true } }, async (req, reply) => registerPage(req, reply, {}, {}, 200));

  app.post('/login', { config: { html: true, ...limit } }, async (req, reply) => {
    const login = field(req.body, 'login').trim();
    const password = field(req.body, 'password');
    const errors: FieldErrors = {};
    if (!login) errors.login = t.auth.loginRequired;
    if (!password) errors.password = t.auth.passwordRequired;
    if (!Object.keys(errors).length) {
      try {
        const user = await accounts.authenticate(login, password);
        return await signIn(reply, user.id, safeNext(str(req.query, 'next')));
      } catch (err) {
        if (!(err instanceof AppError) || (err.code !== 'invalid_credentials' && err.code !== 'account_suspended')) throw err;
        errors.password = err.message;
        return loginPage(req, reply, { login }, errors, err.status);
      }
    }
    return loginPage(req, reply, { login }, errors, 400);
  });

  app.post('/register', { config: { html: true, ...limit } }, async (req, reply) => {
    const values = { handle: field(req.body, 'handle').trim(), email: field(req.body, 'email').trim() };
    const password = field(req.body, 'password');
    const errors: FieldErrors = {};
    if (!new RegExp(HANDLE_PATTERN).test(values.handle)) errors.handle = t.auth.handleInvalid;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) errors.email = t.auth.emailInvalid;
    if (password.length < PASSWORD_MIN) errors.password = t.auth.passwordShort;
    if (!Object.keys(errors).length) {
      try {
        const user = await accounts.register({ handle: values.handle, email: values.email, password });
        return await signIn(reply, user.id, safeNext(str(req.query, 'next')));
      } catch (err) {
        if (!(err instanceof AppError) || !err.field) throw err;
        errors[err.field] = err.message;
        return registerPage(req, reply, values, errors, err.status);
      }
    }
    return registerPage(req, reply, values, errors, 400);
  });

  // An expired session may still press "Sign out": that needs no token and changes nothing.
  app.post('/logout', { config: { html: true, csrf: 'signed-in' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await accounts.endSession(token);
    reply.clearSession();
    return reply.code(303).header('location', '/').header('cache-control', 'no-store').send();
  });
}
