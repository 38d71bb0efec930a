// A plain index page until the web pages land: popular titles, linked to their API documents.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { escapeHtml, htmlPage } from './html.js';

export function indexRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/', async (_req, reply) => {
    const titles = await ctx.services.catalog.popularTitles(30);
    const items = titles
      .map((t) => {
        const score = t.score.mean === null ? 'no ratings yet' : `★ ${t.score.mean.toFixed(1)} (${t.score.count} ratings, weighted ${t.score.weighted?.toFixed(2)})`;
        return `<li><a href="/api/v1/titles/${encodeURIComponent(t.slug)}">${escapeHtml(t.name)}</a> ${t.year ?? ''} · ${t.kind} · <span class="muted">${escapeHtml(score)}</span> · <a href="/api/v1/titles/${encodeURIComponent(t.slug)}/reviews">${t.review_count} reviews</a></li>`;
      })
      .join('');
    reply.type('text/html; charset=utf-8');
    return htmlPage(
      'Marquee',
      `<header><h1>Marquee</h1><p>Community reviews of films and series. The reading pages are coming; the JSON API is live — see <a href="/api/v1/openapi.json">its OpenAPI document</a>.</p></header>
<main><h2>Popular titles</h2>${items ? `<ul>${items}</ul>` : '<p>No titles yet. Run <code>npx marquee seed demo</code>.</p>'}</main>`,
    );
  });
}
