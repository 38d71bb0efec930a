// Every web page and form route, registered on the app by buildApp. The form body parser and the
// CSRF check are registered in app.ts before any route (src/http/plugins/form-body.ts, csrf.ts).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { PageCache } from '../page-cache.js';
import type { PreparedPage } from './render.js';
import { assetRoutes } from './assets.routes.js';
import { homeRoutes, ANY_TITLE } from './home.routes.js';
import { titleRoutes } from './title.routes.js';
import { authRoutes } from './auth.routes.js';
import { reviewPageRoutes } from './reviews.routes.js';
import { peopleRoutes } from './people.routes.js';
import { moderationPageRoutes } from './moderation.routes.js';

export function registerWeb(app: FastifyInstance, ctx: AppContext): void {
  app.decorate('webContext', ctx);
  const pages = new PageCache<PreparedPage>(1_000);
  const unsubscribe = ctx.services.changes.subscribe((change) => {
    if (change.kind !== 'title') return;
    pages.invalidate(change.titleId);
    pages.invalidate(ANY_TITLE);
  });
  app.addHook('onClose', async () => unsubscribe());

  assetRoutes(app);
  homeRoutes(app, ctx, pages);
  titleRoutes(app, ctx, pages);
  reviewPageRoutes(app, ctx);
  peopleRoutes(app, ctx);
  moderationPageRoutes(app, ctx);
  authRoutes(app, ctx);
}
