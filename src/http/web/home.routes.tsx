// GET /: the home page. Anonymous readers get prepared bytes, dropped on any change anywhere (the
// page shows reviews of every title), under the cache's title id 0.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import type { PageCache } from '../page-cache.js';
import { preparePage, renderDocument, sendHtml, sendPrepared, type PreparedPage } from './render.js';
import { anonymousViewer, viewerOf, type Viewer } from './view.js';
import { HomePage } from './pages/home.js';
import { PUBLIC_PAGE } from './title.routes.js';

export const ANY_TITLE = 0;

export function homeRoutes(app: FastifyInstance, ctx: AppContext, cache: PageCache<PreparedPage>): void {
  const { catalog, reviews } = ctx.services;
  app.get('/', { config: { html: true } }, async (req, reply) => {
    const anonymous = req.user === null;
    if (anonymous) {
      const hit = cache.get('home');
      if (hit) return sendPrepared(req, reply, hit, PUBLIC_PAGE);
    }
    const render = async (viewer: Viewer) => {
      const [popular, latest] = await Promise.all([catalog.popularTitles(12), reviews.latest(viewer.user ? req.actor : null, { newest: 6, helpful: 4, pool: 200 })]);
      return renderDocument(<HomePage viewer={viewer} popular={popular} helpful={latest.helpful} newest={latest.newest} />);
    };
    if (!anonymous) return sendHtml(req, reply, await render(viewerOf(req, reply, ctx)));
    const prepared = await cache.fill(ANY_TITLE, 'home', async () => preparePage(await render(anonymousViewer('/', ctx))));
    return sendPrepared(req, reply, prepared, PUBLIC_PAGE);
  });
}
