// RSS 2.0 and Atom feeds (issue 6): /titles/{slug}/feed.rss|atom (a title's newest reviews),
// /people/{slug}/feed.rss|atom (reviews of the titles a catalog person is credited on) and
// /users/{handle}/feed.rss|atom (a user's reviews). Newest 20 published reviews; spoiler reviews are
// marked and their body withheld (src/domain/feeds.ts). ETag and Last-Modified answer conditional
// requests with 304; unknown slugs or handles answer 404.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { FeedsService, type FeedSubject } from '../../services/feeds.service.js';
import { FEED_CONTENT_TYPES, renderFeed, type FeedFormat } from '../../domain/feeds.js';
import { strings } from './strings.js';

/** Feed readers poll; five minutes of caching costs little freshness. */
const CACHE_CONTROL = 'public, max-age=300';

export function feedRoutes(app: FastifyInstance, ctx: AppContext): void {
  const feeds = new FeedsService(ctx.db, ctx.config.baseUrl, strings.feeds);
  for (const subject of ['titles', 'people', 'users'] as const satisfies readonly FeedSubject[]) {
    for (const format of ['rss', 'atom'] as const satisfies readonly FeedFormat[]) {
      app.get<{ Params: { key: string } }>(`/${subject}/:key/feed.${format}`, async (req, reply) => send(req, reply, format, await feeds.feed(subject, req.params.key)));
    }
  }
}

function send(req: FastifyRequest, reply: FastifyReply, format: FeedFormat, feed: Parameters<typeof renderFeed>[0]) {
  const xml = renderFeed(feed, format);
  const etag = `"${createHash('sha256').update(xml).digest('base64url').slice(0, 27)}"`;
  const modified = new Date(feed.updated);
  modified.setUTCMilliseconds(0);
  reply.header('cache-control', CACHE_CONTROL).header('etag', etag).header('last-modified', modified.toUTCString());
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  const notModified =
    inm !== undefined
      ? inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')
      : ims !== undefined && !Number.isNaN(Date.parse(ims)) && modified.getTime() <= Date.parse(ims);
  if (notModified) return reply.code(304).send();
  return reply.type(FEED_CONTENT_TYPES[format]).send(xml);
}
