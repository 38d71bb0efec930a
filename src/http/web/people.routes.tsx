// GET /people/{slug}, GET /users/{handle}, GET /search?q=
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import type { ReviewJson, TitleJson } from '../../services/present.js';
import { renderDocument, sendHtml } from './render.js';
import { str } from './query.js';
import { strings as t } from './strings.js';
import { viewerOf } from './view.js';
import { PersonPage, ProfilePage } from './pages/people.js';
import { SEARCH_TABS, SearchPage, type PersonHit, type SearchTab } from './pages/search.js';
import { PUBLIC_PAGE } from './title.routes.js';

export function peopleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { catalog, accounts, reviews, search } = ctx.services;
  const cacheControl = (signedIn: boolean) => (signedIn ? 'private, no-store' : PUBLIC_PAGE);

  app.get('/people/:slug', { config: { html: true } }, async (req, reply) => {
    const person = await catalog.getPerson((req.params as { slug: string }).slug);
    return sendHtml(req, reply, renderDocument(<PersonPage viewer={viewerOf(req, reply, ctx)} person={person} />), 200, cacheControl(!!req.user));
  });

  app.get('/users/:handle', { config: { html: true } }, async (req, reply) => {
    const handle = (req.params as { handle: string }).handle;
    const row = await accounts.byHandle(handle);
    const [profile, page] = await Promise.all([accounts.profile(row.handle), reviews.listForAuthor(req.actor, row.id, { cursor: str(req.query, 'cursor') || undefined, limit: 20 })]);
    const html = renderDocument(<ProfilePage viewer={viewerOf(req, reply, ctx)} user={profile.user} stats={profile.stats} reviews={page.items} nextCursor={page.next_cursor} />);
    return sendHtml(req, reply, html, 200, cacheControl(!!req.user));
  });

  app.get('/search', { config: { html: true } }, async (req, reply) => {
    const q = (str(req.query, 'q') ?? '').trim();
    const requested = str(req.query, 'type');
    const type: SearchTab = SEARCH_TABS.find((tab) => tab === requested) ?? 'titles';
    const cursor = str(req.query, 'cursor') || undefined;
    const found = { titles: [] as TitleJson[], people: [] as PersonHit[], reviews: [] as ReviewJson[] };
    let nextCursor: string | null = null;
    let problem: string | undefined;
    if (q.length > 200) problem = t.search.tooLong;
    else if (!q) problem = t.search.enterQuery;
    else {
      // A hand-edited cursor is ignored (first page) rather than refused.
      const page = await search.search(req.actor, { q, type, cursor, limit: 20 }).catch((err) => {
        if (cursor && (err as { field?: string }).field === 'cursor') return search.search(req.actor, { q, type, limit: 20 });
        throw err;
      });
      nextCursor = page.next_cursor;
      for (const item of page.items) {
        if (item.type === 'title') found.titles.push(item);
        else if (item.type === 'person') found.people.push(item);
        else found.reviews.push(item);
      }
    }
    const html = renderDocument(<SearchPage viewer={viewerOf(req, reply, ctx)} q={q.slice(0, 200)} type={type} {...found} nextCursor={nextCursor} problem={problem} />);
    return sendHtml(req, reply, html, 200, cacheControl(!!req.user));
  });

}
