// What every page needs to know about the request it is rendered for: who is reading (for the
// header and personal controls), the CSRF token for its forms, where it is (for sign-in returns
// and canonical links).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Role } from '../../domain/permissions.js';
import { csrfToken } from '../plugins/csrf.js';

export interface Viewer {
  user: { id: number; handle: string; display_name: string; role: Role } | null;
  /** The token for this viewer's forms; '' on pages rendered for every anonymous reader. */
  csrf: string;
  /** Path and query of the page (the sign-in link returns here). */
  path: string;
  /** The public base URL, for canonical and Open Graph links. */
  baseUrl: string;
  /** The text in the header search box. */
  query?: string;
}

/**
 * The viewer of a page rendered for this one request. Anonymous readers get a CSRF token (and its
 * cookie) only on pages with forms they can send (`anonymousForms`: sign-in, sign-up), so that
 * ordinary pages set no cookie.
 */
export function viewerOf(req: FastifyRequest, reply: FastifyReply, ctx: AppContext, anonymousForms = false): Viewer {
  const u = req.user;
  return {
    user: u ? { id: u.id, handle: u.handle, display_name: u.display_name, role: u.role } : null,
    csrf: u || anonymousForms ? csrfToken(req, reply, isSecure(ctx)) : '',
    path: req.url,
    baseUrl: ctx.config.baseUrl.replace(/\/$/, ''),
  };
}

/** The viewer of a page rendered once and sent to every anonymous reader: no token, no cookie. */
export function anonymousViewer(path: string, ctx: AppContext): Viewer {
  return { user: null, csrf: '', path, baseUrl: ctx.config.baseUrl.replace(/\/$/, '') };
}

export const isSecure = (ctx: AppContext) => new URL(ctx.config.baseUrl).protocol === 'https:';

/**
 * A local path to return to after signing in; anything else becomes '/'. Browsers drop tabs and
 * line breaks from URLs and read "\\" as "/", so "/\t/evil.example" would leave the site: such
 * characters are refused, then the path must resolve to this very origin.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  const base = 'http://marquee.invalid';
  const url = new URL(next, base);
  return url.origin === base ? url.pathname + url.search + url.hash : '/';
}
