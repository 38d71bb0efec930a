// Errors on web pages as HTML pages in the site's layout: 404 for an unknown slug or id, 403 for a
// form without a valid CSRF token, a sign-in redirect where a page needs an account.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { AppError } from '../../domain/errors.js';
import { CsrfError } from '../plugins/csrf.js';
import { Layout } from './layout.js';
import { HTML_TYPE, renderDocument } from './render.js';
import { strings as t } from './strings.js';
import { viewerOf } from './view.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A web page or form route: its errors are always HTML pages. */
    html?: boolean;
  }
  interface FastifyInstance {
    /** The context the web pages render with (set by registerWeb). */
    webContext: AppContext | null;
  }
}

export const isHtmlRoute = (req: FastifyRequest) => req.routeOptions.config?.html === true;

/** The sign-in address that returns to `path` afterwards. */
export const loginUrl = (path: string) => (path && path !== '/' ? `/login?next=${encodeURIComponent(path)}` : '/login');

/** A page for signed-in people, asked for by someone who is not: to the sign-in page, then back to `back`. */
export const toLogin = (reply: FastifyReply, back: string): FastifyReply =>
  reply.code(303).header('location', loginUrl(back)).header('cache-control', 'no-store').send();

export function sendErrorPage(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const ctx = req.server.webContext;
  if (err.code === 'unauthenticated') {
    const back = req.method === 'GET' ? req.url : (refererPath(req) ?? '/');
    return toLogin(reply, back);
  }
  const csrf = err instanceof CsrfError;
  const heading = csrf ? t.errors.csrfTitle : err.status === 404 ? t.errors.notFoundTitle : t.errors.generic(err.status);
  const message = csrf ? t.errors.csrf : err.status === 404 ? t.errors.notFound : err.message;
  let html: string;
  if (ctx) {
    const viewer = viewerOf(req, reply, ctx);
    html = renderDocument(
      <Layout viewer={viewer} meta={{ title: `${heading} — ${t.siteName}`, noindex: true }}>
        <div class="narrow">
          <p class="kicker">{t.errors.generic(err.status)}</p>
          <h1>{heading}</h1>
          <p>{message}</p>
          <p>
            <a href="/">{t.errors.goHome}</a>
          </p>
        </div>
      </Layout>,
    );
  } else {
    html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${err.status}</title></head><body><main><h1>${err.status}</h1></main></body></html>`;
  }
  return reply.code(err.status).type(HTML_TYPE).header('cache-control', 'no-store').send(html);
}

/** The local path of the Referer, when it is one of ours. */
export function refererPath(req: FastifyRequest): string | null {
  const ref = req.headers.referer;
  if (!ref) return null;
  try {
    const u = new URL(ref);
    if (u.host !== req.headers.host) return null;
    return u.pathname + u.search;
  } catch {
    return null;
  }
}
