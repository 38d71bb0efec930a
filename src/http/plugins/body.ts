// Request bodies: JSON only, valid UTF-8, no prototype poisoning, and a size cap (413 above it).
import type { FastifyInstance } from 'fastify';
import sjson from 'secure-json-parse';
import { AppError } from '../../domain/errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json\s*(;.*)?$/i, { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(new AppError('invalid_json', 'The request body is not valid UTF-8.'), undefined);
      return;
    }
    if (text.trim() === '') {
      done(new AppError('invalid_json', 'The request body is empty; send a JSON object.'), undefined);
      return;
    }
    let value: unknown;
    try {
      value = sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch {
      done(new AppError('invalid_json'), undefined);
      return;
    }
    const nul = pathOfNul(value, '');
    if (nul !== null) {
      done(new AppError('validation_failed', 'Text cannot contain the NUL character (\\u0000).', nul || undefined), undefined);
      return;
    }
    done(null, value);
  });

  // NUL (`%00`) in the address names nothing, and in a query it is no valid text: PostgreSQL text
  // cannot hold it.
  app.addHook('onRequest', async (req) => {
    if (!req.url.includes('%00')) return;
    const q = req.url.indexOf('?');
    if (q === -1 || req.url.slice(0, q).includes('%00')) throw new AppError('not_found', 'Nothing is at that address.');
    throw new AppError('validation_failed', 'A query parameter cannot contain the NUL character.');
  });
}

/** The path of the first string (or key) holding U+0000, '' for the top level, or null. */
function pathOfNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathOfNul(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (k.includes('\u0000')) return p;
      const found = pathOfNul(v, p);
      if (found !== null) return found;
    }
  }
  return null;
}
