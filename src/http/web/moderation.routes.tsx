// Moderation pages (issue 5): GET /moderation — the queue for moderators, each item with its warnings,
// reports, and for a near-duplicate the two texts side by side with the shared passages marked, plus
// action forms that require a reason (CSRF-protected POST + 303 back); GET /moderations — the public
// moderation log, newest first, paged (like Lobsters' /moderations).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import type { FormBody } from '../plugins/form-body.js';
import { writeLimit } from '../plugins/rate-limit.js';
import { AppError } from '../../domain/errors.js';
import { isModerator } from '../../domain/permissions.js';
import { REVIEW_ACTIONS, USER_ACTIONS, type ReviewAction, type UserAction } from '../../domain/moderation.js';
import type { LogEntryJson, QueueItemJson } from '../../services/moderation.service.js';
import type { Span } from '../../domain/quality/shared-passages.js';
import { Layout } from './layout.js';
import { CsrfField } from './components/forms.js';
import { renderDocument, sendHtml } from './render.js';
import { idParam, str } from './query.js';
import { viewerOf, type Viewer } from './view.js';
import { toLogin } from './error-page.js';
import { strings } from './strings.js';

const s = strings.moderation;

/** The text with the spans wrapped in <mark> (spans sorted and disjoint). */
function Marked({ text, spans }: { text: string; spans: Span[] }) {
  const parts = [];
  let at = 0;
  for (const [i, sp] of spans.entries()) {
    if (sp.start > at) parts.push(text.slice(at, sp.start));
    parts.push(<mark key={i}>{text.slice(sp.start, sp.end)}</mark>);
    at = sp.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <p class="moderation-text">{parts}</p>;
}

function ReasonField({ id }: { id: string }) {
  return (
    <div class="field">
      <label for={id}>{s.reason}</label>
      <textarea id={id} name="reason" required maxLength={500} rows={2} />
    </div>
  );
}

function QueueItem({ item, viewer }: { item: QueueItemJson; viewer: Viewer }) {
  const r = item.review;
  const nd = item.near_duplicate;
  return (
    <article class="moderation-item" id={`review-${r.id}`}>
      <h2>
        <a href={`/reviews/${r.id}`}>{r.headline}</a> — <a href={`/titles/${r.title.slug}`}>{r.title.name}</a> {s.by} <a href={`/users/${r.author.handle}`}>@{r.author.handle}</a>
      </h2>
      <p>
        {s.status} <strong>{r.status}</strong> ({item.flags.map((f) => s.flags[f] ?? f).join(', ')}){r.status_reason ? ` — ${r.status_reason}` : ''}
      </p>
      {item.warnings.length > 0 && (
        <section>
          <h3>{s.warnings}</h3>
          <ul>
            {item.warnings.map((w, i) => (
              <li key={i}>
                <code>{w.code}</code> {w.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {item.reports.length > 0 && (
        <section>
          <h3>{s.reports}</h3>
          <ul>
            {item.reports.map((p) => (
              <li key={p.id}>
                {s.report(p.reason, p.reporter.handle, p.created_at.slice(0, 10), p.note)}
                {p.open ? '' : s.reportClosed}
              </li>
            ))}
          </ul>
        </section>
      )}
      {nd ? (
        <section>
          <h3>{s.nearDuplicate(Math.floor(nd.similarity * 100))}</h3>
          <div class="side-by-side">
            <div>
              <h4>{s.thisReview}</h4>
              <Marked text={r.body} spans={nd.shared.review} />
            </div>
            <div>
              {nd.other ? (
                <>
                  <h4>
                    <a href={`/reviews/${nd.other.id}`}>{s.otherReview(nd.other.id, nd.other.author.handle)}</a> ({nd.other.status})
                  </h4>
                  <Marked text={nd.other.body} spans={nd.shared.other} />
                </>
              ) : (
                <p>{s.otherGone}</p>
              )}
            </div>
          </div>
        </section>
      ) : (
        <p class="moderation-text">{r.body}</p>
      )}
      <form method="post" action={`/moderation/reviews/${r.id}`}>
        <CsrfField token={viewer.csrf} />
        <div class="field">
          <label for={`action-${r.id}`}>{s.action}</label>
          <select id={`action-${r.id}`} name="action">
            {REVIEW_ACTIONS.map((a) => (
              <option value={a}>{s.actions[a]}</option>
            ))}
          </select>
        </div>
        <ReasonField id={`reason-${r.id}`} />
        <button type="submit">{s.apply}</button>
      </form>
      <form method="post" action={`/moderation/users/${encodeURIComponent(r.author.handle)}`}>
        <CsrfField token={viewer.csrf} />
        <div class="field">
          <label for={`user-action-${r.id}`}>{s.account(r.author.handle)}</label>
          <select id={`user-action-${r.id}`} name="action">
            {USER_ACTIONS.map((a) => (
              <option value={a}>{s.actions[a]}</option>
            ))}
          </select>
        </div>
        <ReasonField id={`user-reason-${r.id}`} />
        <button type="submit">{s.apply}</button>
      </form>
    </article>
  );
}

function QueuePage({ viewer, items, nextCursor, done }: { viewer: Viewer; items: QueueItemJson[]; nextCursor: string | null; done: boolean }) {
  return (
    <Layout viewer={viewer} meta={{ title: s.queueTitle, noindex: true }}>
      <h1>{s.queueTitle}</h1>
      {done && <p role="status">{s.done}</p>}
      <p>
        <a href="/moderations">{s.logTitle}</a>
      </p>
      {items.length === 0 ? <p>{s.queueEmpty}</p> : items.map((item) => <QueueItem item={item} viewer={viewer} />)}
      {nextCursor && (
        <p>
          <a href={`/moderation?cursor=${encodeURIComponent(nextCursor)}`}>{s.next}</a>
        </p>
      )}
    </Layout>
  );
}

function LogPage({ viewer, items, nextCursor }: { viewer: Viewer; items: LogEntryJson[]; nextCursor: string | null }) {
  return (
    <Layout viewer={viewer} meta={{ title: s.logTitle, description: s.logIntro, canonical: '/moderations' }}>
      <h1>{s.logTitle}</h1>
      <p>{s.logIntro}</p>
      {items.length === 0 ? (
        <p>{s.logEmpty}</p>
      ) : (
        <table class="moderation-log">
          <thead>
            <tr>
              <th scope="col">{s.columns.when}</th>
              <th scope="col">{s.columns.moderator}</th>
              <th scope="col">{s.columns.action}</th>
              <th scope="col">{s.columns.on}</th>
              <th scope="col">{s.columns.reason}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.created_at}>{e.created_at.replace('T', ' ').slice(0, 16)}</time>
                </td>
                <td>{e.moderator ? <a href={`/users/${e.moderator.handle}`}>@{e.moderator.handle}</a> : s.system}</td>
                <td>{s.actions[e.action] ?? e.action}</td>
                <td>{e.target.description}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <p>
          <a href={`/moderations?cursor=${encodeURIComponent(nextCursor)}`}>{s.more}</a>
        </p>
      )}
    </Layout>
  );
}

export function moderationPageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { moderation } = ctx.services;
  const writes = writeLimit(ctx.config);

  app.get('/moderation', { config: { html: true } }, async (req, reply) => {
    if (!req.user) return toLogin(reply, '/moderation');
    if (!isModerator(req.actor)) throw new AppError('forbidden', s.onlyModerators);
    const cursor = str(req.query, 'cursor') || undefined;
    const page = await moderation.queue(req.actor, { limit: 20, ...(cursor ? { cursor } : {}) });
    const html = renderDocument(<QueuePage viewer={viewerOf(req, reply, ctx)} items={page.items} nextCursor={page.next_cursor} done={str(req.query, 'done') === '1'} />);
    return sendHtml(req, reply, html, 200, 'private, no-store');
  });

  app.post('/moderation/reviews/:id', { config: { html: true, ...writes } }, async (req, reply) => {
    if (!req.user) return toLogin(reply, '/moderation');
    const id = idParam(req.params);
    if (id === undefined) throw new AppError('not_found', 'No review has that id.');
    const body = (req.body ?? {}) as FormBody;
    const action = REVIEW_ACTIONS.find((a) => a === body.action);
    if (!action) throw new AppError('validation_failed', s.chooseAction, 'action');
    await moderation.reviewAction(req.actor, id, { action: action as ReviewAction, reason: body.reason ?? '' });
    return reply.code(303).header('location', '/moderation?done=1').send();
  });

  app.post('/moderation/users/:handle', { config: { html: true, ...writes } }, async (req, reply) => {
    if (!req.user) return toLogin(reply, '/moderation');
    const body = (req.body ?? {}) as FormBody;
    const action = USER_ACTIONS.find((a) => a === body.action);
    if (!action) throw new AppError('validation_failed', s.chooseAction, 'action');
    await moderation.userAction(req.actor, (req.params as { handle: string }).handle, { action: action as UserAction, reason: body.reason ?? '' });
    return reply.code(303).header('location', '/moderation?done=1').send();
  });

  app.get('/moderations', { config: { html: true } }, async (req, reply) => {
    const cursor = str(req.query, 'cursor') || undefined;
    // A hand-edited cursor shows the first page rather than an error.
    const page = await moderation.log({ limit: 50, ...(cursor ? { cursor } : {}) }).catch((err) => {
      if (cursor && (err as { field?: string }).field === 'cursor') return moderation.log({ limit: 50 });
      throw err;
    });
    const html = renderDocument(<LogPage viewer={viewerOf(req, reply, ctx)} items={page.items} nextCursor={page.next_cursor} />);
    return sendHtml(req, reply, html, 200, req.user ? 'private, no-store' : 'public, max-age=60');
  });
}
