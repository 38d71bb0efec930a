// Cross-site request forgery on the JSON API: a write whose Origin or Sec-Fetch-Site header shows
// another site is refused. Scripts that send neither header are allowed (the contract's rule).
// HTML form posts carry a CSRF token instead (web pages).
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerOriginCheck(app: FastifyInstance, baseUrl: string): void {
  const ownOrigin = new URL(baseUrl).origin;
  app.addHook('onRequest', async (req) => {
    if (SAFE.has(req.method) || !req.url.startsWith('/api/')) return;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw new AppError('forbidden', 'Cross-site requests cannot write.');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== 'null') {
      const host = req.headers.host;
      const sameHost = host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
      if (origin !== ownOrigin && !sameHost) throw new AppError('forbidden', 'Cross-site requests cannot write.');
    } else if (origin === 'null') {
      throw new AppError('forbidden', 'Cross-site requests cannot write.');
    }
  });
}
