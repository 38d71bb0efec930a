// Cross-site request forgery on HTML form posts (the JSON API has the origin check instead,
// plugins/origin.ts). Every non-GET request outside /api/ must carry a token in the `_csrf` form
// field (or the `x-csrf-token` header); a missing or wrong one is refused with 403 and an HTML page.
//
// - Signed in (session cookie): the token is derived from the session secret, sha256("csrf|" +
//   secret). Only someone who can read the session cookie (httpOnly) or a page rendered for it can
//   know it, it needs no server-side state, and it changes with every new session.
// - Anonymous (sign-in, sign-up): a double-submit cookie. The page sets `marquee_csrf` to a random
//   value and puts the same value in the form; a post must send both equal. Another site can make a
//   browser send the cookie but cannot read it to fill the field. As a second line, a post whose
//   Origin or Sec-Fetch-Site shows another site is refused too.
//
// Routes may set `config: { csrf: 'signed-in' }`: the check then only runs for signed-in callers
// (an anonymous vote form on a cached page has no token; the route answers it with a redirect to
// the sign-in page and changes nothing).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { AppError } from '../../domain/errors.js';
import { SESSION_COOKIE } from './auth.js';
import { isCrossSite } from './origin.js';

export const CSRF_COOKIE = 'marquee_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'signed-in': check the token only when the caller is signed in. */
    csrf?: 'always' | 'signed-in';
  }
}

/** The thrown error: the error handler renders it as the 403 "form has expired" page. */
export class CsrfError extends AppError {
  constructor() {
    super('forbidden', 'The form was sent without a valid security token; reload the page and try again.');
  }
}

const derive = (sessionSecret: string) => createHash('sha256').update(`csrf|${sessionSecret}`).digest('base64url');

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The session secret behind a cookie-authenticated caller, or null (anonymous, or Bearer). */
function sessionSecret(req: FastifyRequest): string | null {
  if (!req.user || req.headers.authorization !== undefined) return null;
  return req.cookies[SESSION_COOKIE] ?? null;
}

/**
 * The token to put in this caller's forms. Anonymous callers get the double-submit cookie set on
 * `reply` when they have none yet.
 */
export function csrfToken(req: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const secret = sessionSecret(req);
  if (secret) return derive(secret);
  let value = req.cookies[CSRF_COOKIE];
  if (!value || !/^[A-Za-z0-9_-]{32}$/.test(value)) {
    value = randomBytes(24).toString('base64url');
    reply.setCookie(CSRF_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure });
    // Later calls in the same request must see the value just set.
    req.cookies[CSRF_COOKIE] = value;
  }
  return value;
}

/** Whether the request carries the token its caller should. */
export function csrfValid(req: FastifyRequest): boolean {
  const body = req.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
  const header = req.headers[CSRF_HEADER];
  const sent = typeof fromBody === 'string' ? fromBody : typeof header === 'string' ? header : '';
  if (!sent) return false;
  const secret = sessionSecret(req);
  if (secret) return equal(sent, derive(secret));
  const cookie = req.cookies[CSRF_COOKIE];
  return !!cookie && equal(sent, cookie);
}

export function registerCsrf(app: FastifyInstance, baseUrl: string): void {
  const ownOrigin = new URL(baseUrl).origin;
  // preHandler: after the body is parsed and the caller is known.
  app.addHook('preHandler', async (req) => {
    if (SAFE.has(req.method) || req.url.startsWith('/api/')) return;
    if (req.routeOptions.config?.csrf === 'signed-in' && !req.user) return;
    if (isCrossSite(req, ownOrigin) || !csrfValid(req)) throw new CsrfError();
  });
}
