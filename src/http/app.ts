// buildApp: the whole HTTP surface over an AppContext. It builds; only `marquee serve` listens.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import type { AppContext } from '../context.js';
import { registerErrorHandling, sendError } from './plugins/errors.js';
import { AppError } from '../domain/errors.js';
import { registerJsonBody } from './plugins/body.js';
import { registerValidation } from './plugins/validation.js';
import { registerAuth } from './plugins/auth.js';
import { registerOriginCheck } from './plugins/origin.js';
import { registerRateLimits } from './plugins/rate-limit.js';
import { PageCache } from './page-cache.js';
import { ErrorBody } from './schemas/common.js';
import { User } from './schemas/accounts.js';
import { Person, Score, Title } from './schemas/catalog.js';
import { Quality, Review, Warning } from './schemas/reviews.js';
import { accountRoutes } from './api/accounts.routes.js';
import { catalogRoutes } from './api/catalog.routes.js';
import { reviewRoutes } from './api/reviews.routes.js';
import { moderationRoutes } from './api/moderation.routes.js';
import { LogEntry, QueueItem } from './schemas/moderation.js';
import { searchRoutes } from './api/search.routes.js';
import { opsRoutes } from './api/ops.routes.js';
import { meRoutes } from './api/me.routes.js';
import { importPageRoutes } from './web/import.routes.js';
import { ImportReport } from './schemas/import-export.js';
import { registerWeb } from './web/web.routes.js';
import { registerFormBody } from './plugins/form-body.js';
import { registerCsrf } from './plugins/csrf.js';
import { feedRoutes } from './web/feeds.routes.js';
import { openApiInfo } from './openapi.js';

/** Request bodies above this are refused with 413 (a review body is at most 20,000 characters). */
export const BODY_LIMIT = 256 * 1024;

const SHARED_SCHEMAS = [ErrorBody, User, Score, Title, Person, Warning, Quality, Review, QueueItem, LogEntry, ImportReport];

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    // One log line per request costs a tenth of the hot path's time; on at debug level only.
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace' }),
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Errors the router raises before any route runs (over-long or badly encoded paths).
    frameworkErrors: (err, req, reply) =>
      sendError(req, reply, err.code === 'FST_ERR_BAD_URL' ? new AppError('validation_failed', 'The address is not validly encoded.') : new AppError('not_found', 'Nothing is at that address.')),
  });

  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  registerErrorHandling(app);
  registerValidation(app, SHARED_SCHEMAS);
  registerJsonBody(app);
  registerFormBody(app);
  await app.register(cookie);
  registerOriginCheck(app, ctx.config.baseUrl);
  registerAuth(app, ctx);
  registerCsrf(app, ctx.config.baseUrl);
  await registerRateLimits(app, ctx.config);
  await app.register(swagger, {
    openapi: openApiInfo(ctx.config.baseUrl),
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id as string) ?? `def-${i}` },
    transform: ({ schema, url }) => ({ schema: url.startsWith('/api/v1') ? schema : { ...schema, hide: true }, url }),
  });

  const cache = new PageCache();
  const unsubscribe = ctx.services.changes.subscribe((change) => {
    if (change.kind === 'title') cache.invalidate(change.titleId);
  });
  app.addHook('onClose', async () => unsubscribe());

  opsRoutes(app, ctx);
  registerWeb(app, ctx);
  await app.register(importPageRoutes(ctx));
  feedRoutes(app, ctx);
  await app.register(
    async (api) => {
      await api.register(accountRoutes(ctx));
      await api.register(catalogRoutes(ctx));
      await api.register(reviewRoutes(ctx, cache));
      await api.register(meRoutes(ctx));
      await api.register(moderationRoutes(ctx));
      await api.register(searchRoutes(ctx));
      api.get('/openapi.json', async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );
  return app;
}
