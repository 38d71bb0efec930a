// GET /titles/{slug}. Anonymous readers of a first page get prepared bytes: the rendered page,
// compressed once, kept in a PageCache that any change to the title drops (a vote, a review, a
// rating; other instances' changes arrive through the change feed). Signed-in readers get a page
// rendered for them (their votes pressed, their CSRF token).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import type { PageCache } from '../page-cache.js';
import { ratingParam, str } from './query.js';
import { preparePage, renderDocument, sendHtml, sendPrepared, type PreparedPage } from './render.js';
import { strings as t } from './strings.js';
import { anonymousViewer, viewerOf, type Viewer } from './view.js';
import { filterQuery, SORTS, TitlePage, type ReviewFilter, type Sort } from './pages/title.js';

export const PAGE_SIZE = 20;
/** Anonymous pages may be kept by browsers and proxies but must be revalidated. */
export const PUBLIC_PAGE = 'public, max-age=0, must-revalidate';

export function parseFilter(query: unknown): ReviewFilter {
  const sortRaw = str(query, 'sort');
  const sort: Sort = (SORTS as readonly string[]).includes(sortRaw ?? '') ? (sortRaw as Sort) : 'helpful';
  let ratingMin = ratingParam(query, 'rating_min');
  let ratingMax = ratingParam(query, 'rating_max');
  let problem: string | undefined;
  if (ratingMin !== undefined && ratingMax !== undefined && ratingMin > ratingMax) {
    problem = t.title.badFilter;
    ratingMin = ratingMax = undefined;
  }
  const cursor = str(query, 'cursor');
  return { sort, ratingMin, ratingMax, hideSpoilers: str(query, 'spoilers') === 'exclude', cursor: cursor || undefined, problem };
}

export function titleRoutes(app: FastifyInstance, ctx: AppContext, cache: PageCache<PreparedPage>): void {
  const { catalog, reviews } = ctx.services;
  // Slugs never change, so the id behind one can be remembered; it is needed before anything is
  // read, to take the title's cache generation first (a change after that point is then noticed).
  const idsBySlug = new Map<string, number>();

  app.get('/titles/:slug', { config: { html: true } }, async (req, reply) => {
    const { slug } = req.params as { slug: string };
    const filter = parseFilter(req.query);
    const anonymous = req.user === null;
    const cacheable = anonymous && !filter.cursor && !filter.problem;
    const key = `title|${slug}|${filterQuery(filter)}`;
    if (cacheable) {
      const hit = cache.get(key);
      if (hit) return sendPrepared(req, reply, hit, PUBLIC_PAGE);
    }
    let id = idsBySlug.get(slug);
    if (id === undefined) {
      id = (await catalog.titleRow(slug)).id;
      if (idsBySlug.size > 100_000) idsBySlug.clear();
      idsBySlug.set(slug, id);
    }
    const titleId = id;
    const render = async (viewer: Viewer) => {
      const [title, page] = await Promise.all([
        catalog.getTitle(slug),
        reviews.listForTitleId(viewer.user ? req.actor : null, titleId, {
          sort: filter.sort,
          spoilers: filter.hideSpoilers ? 'exclude' : 'include',
          rating_min: filter.ratingMin,
          rating_max: filter.ratingMax,
          cursor: filter.cursor,
          limit: PAGE_SIZE,
        }),
      ]);
      return renderDocument(<TitlePage viewer={viewer} title={title} reviews={page.items} nextCursor={page.next_cursor} filter={filter} />);
    };
    const path = `/titles/${encodeURIComponent(slug)}${filterQuery(filter, filter.cursor)}`;
    if (!cacheable) return sendHtml(req, reply, await render(viewerOf(req, reply, ctx)), 200, anonymous ? PUBLIC_PAGE : 'private, no-store');
    const prepared = await cache.fill(titleId, key, async () => preparePage(await render(anonymousViewer(path, ctx))));
    return sendPrepared(req, reply, prepared, PUBLIC_PAGE);
  });
}
