// Cross-site request forgery on the JSON API: a write whose Origin or Sec-Fetch-Site header shows
// another site is refused. Scripts that send neither header are allowed (the contract's rule).
// HTML form posts carry a CSRF token instead (web pages).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerOriginCheck(app: FastifyInstance, baseUrl: string): void {
  const ownOrigin = new URL(baseUrl).origin;
  app.addHook('onRequest', async (req) => {
    if (SAFE.has(req.method) || !req.url.startsWith('/api/')) return;
    if (isCrossSite(req, ownOrigin)) throw new AppError('forbidden', 'Cross-site requests cannot write.');
  });
}

/**
 * Whether a request's headers show it comes from another site: Sec-Fetch-Site other than same-origin
 * or none, or an Origin that is neither this site's nor its Host's ("null" included). A request with
 * neither header (a script) is not cross-site. Also used by the CSRF check of form posts.
 */
export function isCrossSite(req: FastifyRequest, ownOrigin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  if (origin === 'null') return true;
  const host = req.headers.host;
  return origin !== ownOrigin && !(host !== undefined && (origin === `http://${host}` || origin === `https://${host}`));
}
