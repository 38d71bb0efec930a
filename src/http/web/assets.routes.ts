// GET /assets/{name}: the CSS and the script, precompressed. Hashed names (site.<hash>.css, what the
// pages link) are cached for a year as immutable; the plain name revalidates by ETag.
import type { FastifyInstance } from 'fastify';
import { allAssets, type Asset } from './assets.js';
import { pickEncoding } from './render.js';

export function assetRoutes(app: FastifyInstance): void {
  const byPath = new Map<string, { asset: Asset; immutable: boolean }>();
  for (const [file, asset] of allAssets()) {
    byPath.set(asset.url, { asset, immutable: true });
    byPath.set(`/assets/${file}`, { asset, immutable: false });
  }

  app.get('/assets/:file', async (req, reply) => {
    const found = byPath.get(`/assets/${(req.params as { file: string }).file}`);
    if (!found) return reply.callNotFound();
    const { asset, immutable } = found;
    reply
      .header('content-type', asset.type)
      .header('etag', asset.etag)
      .header('vary', 'Accept-Encoding')
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate')
      .header('x-content-type-options', 'nosniff');
    if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    const enc = pickEncoding(req.headers['accept-encoding']);
    if (enc !== 'identity') reply.header('content-encoding', enc);
    return reply.send(enc === 'br' ? asset.br : enc === 'gzip' ? asset.gzip : asset.raw);
  });
}
