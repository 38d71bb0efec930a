// Review pages and forms: the permalink, the write/edit form (with hints), the vote and the report.
// Every POST answers with a 303 redirect on success (back to where the person was), or re-renders
// its form with the messages beside the fields (400/409/422), keeping what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../domain/errors.js';
import { WATCH_STATUSES, isValidRating, type WatchStatus } from '../../domain/rating.js';
import type { ReviewJson, TitleJson } from '../../services/present.js';
import { REPORT_REASONS } from '../../services/reports.service.js';
import type { ReviewInput } from '../../services/reviews.service.js';
import type { FormBody } from '../plugins/form-body.js';
import { writeLimit } from '../plugins/rate-limit.js';
import type { FieldErrors, FormValues } from './components/forms.js';
import { refererPath, toLogin } from './error-page.js';
import { renderDocument, sendHtml } from './render.js';
import { idParam, str } from './query.js';
import { strings as t } from './strings.js';
import { viewerOf } from './view.js';
import { SCORE_FIELDS, WriteReviewPage } from './pages/write-review.js';
import { ReportPage, ReviewPage } from './pages/review.js';
import { BODY_MAX, HEADLINE_MAX } from '../../domain/review-text.js';
import { charCount } from '../../domain/text.js';

const fmt = (n: number | null) => (n === null ? '' : String(n));
const idOf = (params: unknown): number => idParam(params) ?? notFoundReview();
const notFoundReview = (): never => {
  throw notFound('No review has that id.');
};

/** The form's values for an existing review. */
function valuesOf(r: ReviewJson): FormValues {
  return {
    headline: r.headline,
    body: r.body,
    rating: fmt(r.rating),
    story: fmt(r.scores.story),
    acting: fmt(r.scores.acting),
    music: fmt(r.scores.music),
    rewatch: fmt(r.scores.rewatch),
    watch_status: r.watch_status ?? '',
    episodes_seen: r.episodes_seen === null ? '' : String(r.episodes_seen),
    contains_spoilers: r.contains_spoilers ? 'on' : '',
  };
}

/** Reads and checks the posted form; the service checks again (it is the authority). */
function parseReviewForm(body: FormBody, title: TitleJson): { values: FormValues; errors: FieldErrors; input: ReviewInput | null } {
  const get = (k: string) => (typeof body[k] === 'string' ? body[k]! : '');
  const values: FormValues = {};
  for (const k of ['headline', 'body', 'rating', ...SCORE_FIELDS, 'watch_status', 'episodes_seen', 'contains_spoilers']) values[k] = get(k);
  const errors: FieldErrors = {};
  const headline = values.headline!.trim();
  if (!headline) errors.headline = t.write.headlineRequired;
  else if (charCount(headline) > HEADLINE_MAX) errors.headline = t.write.headlineTooLong;
  if (charCount(values.body!) > BODY_MAX) errors.body = t.write.bodyTooLong;
  const rating = values.rating === '' ? NaN : Number(values.rating);
  if (values.rating === '') errors.rating = t.write.ratingRequired;
  else if (!isValidRating(rating)) errors.rating = t.write.ratingInvalid;
  const scores: Record<string, number | null> = {};
  for (const k of SCORE_FIELDS) {
    const raw = values[k]!;
    if (raw === '') scores[k] = null;
    else if (isValidRating(Number(raw))) scores[k] = Number(raw);
    else errors[k] = t.write.scoreInvalid;
  }
  const ws = values.watch_status!;
  const watchStatus = (WATCH_STATUSES as readonly string[]).includes(ws) ? (ws as WatchStatus) : null;
  let episodes: number | null = null;
  const epRaw = values.episodes_seen!.trim();
  if (epRaw !== '') {
    if (!/^\d{1,6}$/.test(epRaw)) errors.episodes_seen = t.write.episodesInvalid;
    else if (title.episodes !== null && Number(epRaw) > title.episodes) errors.episodes_seen = t.write.episodesTooMany(title.episodes);
    else episodes = Number(epRaw);
  }
  if (Object.keys(errors).length) return { values, errors, input: null };
  return {
    values,
    errors,
    input: {
      headline,
      body: values.body!,
      rating,
      scores,
      watch_status: watchStatus,
      episodes_seen: episodes,
      contains_spoilers: values.contains_spoilers !== '',
    },
  };
}

/** A service's field name ('scores.story') as the form's ('story'). */
const formField = (field: string) => field.replace(/^scores\./, '');

export function reviewPageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { reviews, votes, reports, catalog } = ctx.services;
  const writes = writeLimit(ctx.config);

  // Permalink -------------------------------------------------------------------------------------
  app.get('/reviews/:id', { config: { html: true } }, async (req, reply) => {
    const { review } = await reviews.get(req.actor, idOf(req.params));
    const title = await catalog.getTitle(review.title.slug).catch(() => null);
    const notice = str(req.query, 'saved') ? t.write.saved : str(req.query, 'reported') ? t.review.reported : undefined;
    const html = renderDocument(<ReviewPage viewer={viewerOf(req, reply, ctx)} review={review} title={title} notice={notice} />);
    return sendHtml(req, reply, html, 200, req.user ? 'private, no-store' : 'public, max-age=0, must-revalidate');
  });

  // Write or edit one's review --------------------------------------------------------------------
  const formPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    p: { title: TitleJson; editing: { id: number } | null; values: FormValues; errors: FieldErrors; status: number; notice?: string },
  ) => {
    const quality = reviews.check({ headline: p.values.headline ?? '', body: p.values.body ?? '' });
    const warnings = p.values.body ? quality.warnings : [];
    return sendHtml(
      req,
      reply,
      renderDocument(
        <WriteReviewPage
          viewer={viewerOf(req, reply, ctx)}
          title={p.title}
          editing={p.editing}
          values={p.values}
          errors={p.errors}
          warnings={warnings}
          suggestedBody={p.values.body ? quality.suggested_body : null}
          notice={p.notice}
        />,
      ),
      p.status,
    );
  };

  app.get('/titles/:slug/review', { config: { html: true } }, async (req, reply) => {
    const { slug } = req.params as { slug: string };
    if (!req.user) return toLogin(reply, req.url);
    const [title, own] = await Promise.all([catalog.getTitle(slug), reviews.ownReview(req.actor, slug)]);
    return formPage(req, reply, { title, editing: own && { id: own.id }, values: own ? valuesOf(own) : {}, errors: {}, status: 200 });
  });

  app.post('/titles/:slug/review', { config: { html: true, ...writes } }, async (req, reply) => {
    const { slug } = req.params as { slug: string };
    if (!req.user) return toLogin(reply, `/titles/${encodeURIComponent(slug)}/review`);
    const [title, own] = await Promise.all([catalog.getTitle(slug), reviews.ownReview(req.actor, slug)]);
    const editing = own && { id: own.id };
    const body = (req.body ?? {}) as FormBody;
    const { values, errors, input } = parseReviewForm(body, title);
    if (body.action === 'check') return formPage(req, reply, { title, editing, values, errors: {}, status: 200 });
    if (body.action === 'remove_repeats') {
      const quality = reviews.check({ headline: values.headline ?? '', body: values.body ?? '' });
      if (quality.suggested_body !== null) values.body = quality.suggested_body;
      return formPage(req, reply, { title, editing, values, errors: {}, status: 200 });
    }
    if (!input) return formPage(req, reply, { title, editing, values, errors, status: 422 });
    try {
      const saved = own ? await reviews.update(req.actor, own.id, input) : await reviews.create(req.actor, slug, input);
      return reply.code(303).header('location', `/reviews/${saved.review.id}?saved=1`).send();
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed' && err.field) {
        return formPage(req, reply, { title, editing, values, errors: { [formField(err.field)]: err.message }, status: 422 });
      }
      if (err instanceof AppError && err.code === 'review_exists') {
        return formPage(req, reply, { title, editing, values, errors: {}, status: 409, notice: t.write.alreadyReviewed });
      }
      throw err;
    }
  });

  // Vote --------------------------------------------------------------------------------------------
  // Anonymous readers see the vote form on cached pages, without a token: their post only leads
  // to the sign-in page (no change is made), so the CSRF check applies to signed-in callers.
  app.post('/reviews/:id/vote', { config: { html: true, csrf: 'signed-in', ...writes } }, async (req, reply) => {
    const id = idOf(req.params);
    const back = refererPath(req) ?? `/reviews/${id}`;
    if (!req.user) return toLogin(reply, back);
    const choice = (req.body as FormBody | undefined)?.helpful;
    const value = choice === 'yes' ? true : choice === 'no' ? false : choice === 'clear' ? null : undefined;
    if (value === undefined) throw new AppError('validation_failed', 'Choose Yes or No.', 'helpful');
    await votes.vote(req.actor, id, value);
    return reply.code(303).header('location', withAnchor(back, `review-${id}`)).send();
  });

  // Report ----------------------------------------------------------------------------------------
  app.get('/reviews/:id/report', { config: { html: true } }, async (req, reply) => {
    if (!req.user) return toLogin(reply, req.url);
    const { review } = await reviews.get(req.actor, idOf(req.params));
    return sendHtml(req, reply, renderDocument(<ReportPage viewer={viewerOf(req, reply, ctx)} review={review} values={{}} errors={{}} />));
  });

  app.post('/reviews/:id/report', { config: { html: true, ...writes } }, async (req, reply) => {
    const id = idOf(req.params);
    if (!req.user) return toLogin(reply, `/reviews/${id}/report`);
    const body = (req.body ?? {}) as FormBody;
    const values = { reason: body.reason ?? '', note: body.note ?? '' };
    const again = async (errors: FieldErrors, status: number) => {
      const { review } = await reviews.get(req.actor, id);
      return sendHtml(req, reply, renderDocument(<ReportPage viewer={viewerOf(req, reply, ctx)} review={review} values={values} errors={errors} />), status);
    };
    if (!(REPORT_REASONS as readonly string[]).includes(values.reason)) return again({ reason: t.review.reportReasonRequired }, 422);
    if (values.note.length > 2000) return again({ note: t.review.reportNoteTooLong }, 422);
    try {
      await reports.report(req.actor, id, { reason: values.reason as (typeof REPORT_REASONS)[number], note: values.note || null });
    } catch (err) {
      if (err instanceof AppError && err.code === 'report_exists') return again({ reason: t.review.alreadyReported }, 409);
      throw err;
    }
    return reply.code(303).header('location', `/reviews/${id}?reported=1`).send();
  });
}

/** `path` with `#anchor` (replacing any fragment). */
const withAnchor = (path: string, anchor: string) => `${path.split('#')[0]}#${anchor}`;
