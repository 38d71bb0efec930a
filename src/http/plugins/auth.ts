// Who is calling: a session cookie (browsers) or `Authorization: Bearer <token>` (scripts).
// Anonymous requests cost nothing: no credentials, no database lookup.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { AppContext } from '../../context.js';
import type { UserRow } from '../../store/schema.js';
import { actorOf } from '../../services/accounts.service.js';
import type { Actor } from '../../domain/permissions.js';
import { AppError } from '../../domain/errors.js';

export const SESSION_COOKIE = 'marquee_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: UserRow | null;
    actor: Actor | null;
  }
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  const secure = new URL(ctx.config.baseUrl).protocol === 'https:';
  app.decorateRequest('user', null);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (req) => {
    const header = req.headers.authorization;
    let user: UserRow | undefined;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
      user = await ctx.services.accounts.userForToken(m[1]!);
      if (!user) throw new AppError('unauthenticated', 'That token is not valid.');
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) user = await ctx.services.accounts.userForSession(token);
    }
    if (user) {
      req.user = user;
      req.actor = actorOf(user);
    }
  });

  app.decorateReply('setSession', function (this: FastifyReply, token: string, expiresAt: Date) {
    return this.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
  });
  app.decorateReply('clearSession', function (this: FastifyReply) {
    return this.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  });
}

declare module 'fastify' {
  interface FastifyReply {
    setSession(token: string, expiresAt: Date): FastifyReply;
    clearSession(): FastifyReply;
  }
}

/** For routes that need a signed-in caller. */
export function requireUser(req: FastifyRequest): UserRow {
  if (!req.user) throw new AppError('unauthenticated');
  return req.user;
}
