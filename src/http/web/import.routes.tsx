// GET/POST /settings/import: a signed-in person uploads their Letterboxd or IMDb export (a plain
// multipart form with the CSRF field) and sees the report; the page also links the downloads of their
// own data (GET /api/v1/me/export). The same service as POST /api/v1/me/imports.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../domain/errors.js';
import type { ImportReport } from '../../services/import/personal-import.service.js';
import { writeLimit } from '../plugins/rate-limit.js';
import { parseUpload, registerUploads, UPLOAD_FILE_LIMIT } from '../api/me.routes.js';
import { Layout } from './layout.js';
import { CsrfField } from './components/forms.js';
import { renderDocument, sendHtml } from './render.js';
import { viewerOf, type Viewer } from './view.js';
import { toLogin } from './error-page.js';
import { strings } from './strings.js';

const s = strings.importPage;

function ReportView({ report }: { report: ImportReport }) {
  const row = (label: string, v: Record<string, number>) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{Object.entries(v).map(([k, n]) => s.outcome(n, k)).join(', ')}</td>
    </tr>
  );
  return (
    <section aria-labelledby="report">
      <h2 id="report">{s.report}</h2>
      <p>{s.summary(report.files, report.matched, report.rows)}</p>
      <table>
        <tbody>
          {row(s.rows.ratings, report.ratings)}
          {row(s.rows.reviews, report.reviews)}
          {row(s.rows.watchDates, report.watch_dates)}
        </tbody>
      </table>
      {report.unmatched.length > 0 && (
        <details open={report.unmatched.length <= 50}>
          <summary>{s.unmatched(report.unmatched.length)}</summary>
          <ul>
            {report.unmatched.map((u) => (
              <li key={`${u.file}:${u.line}`}>
                <code>{`${u.file}:${u.line}`}</code> {u.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.skipped.length > 0 && (
        <details open={report.skipped.length <= 50}>
          <summary>{s.skipped(report.skipped.length)}</summary>
          <ul>
            {report.skipped.map((u) => (
              <li key={`${u.file}:${u.line}:${u.reason}`}>
                <code>{`${u.file}:${u.line}`}</code> {u.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.ignored_files.length > 0 && <p>{s.notRead(report.ignored_files)}</p>}
    </section>
  );
}

function ImportPage({ viewer, report, error }: { viewer: Viewer; report?: ImportReport; error?: string }) {
  return (
    <Layout viewer={viewer} meta={{ title: s.title, noindex: true }}>
      <h1>{s.title}</h1>
      <p>{s.intro}</p>
      {error && (
        <p class="error-summary" role="alert">
          {error}
        </p>
      )}
      <form method="post" action="/settings/import" enctype="multipart/form-data">
        <CsrfField token={viewer.csrf} />
        <div class="field">
          <label for="import-file">{s.file}</label>
          <input id="import-file" type="file" name="file" required multiple accept=".zip,.csv,text/csv,application/zip" aria-describedby="import-file-hint" />
          <p class="hint" id="import-file-hint">
            {s.fileHint(UPLOAD_FILE_LIMIT / 1024 / 1024)}
          </p>
        </div>
        <div class="field">
          <label for="import-source">{s.source}</label>
          <select id="import-source" name="source">
            <option value="">{s.guess}</option>
            {(['letterboxd', 'imdb-ratings'] as const).map((v) => (
              <option value={v}>{s.sources[v]}</option>
            ))}
          </select>
        </div>
        <button type="submit">{s.submit}</button>
      </form>
      {report && <ReportView report={report} />}
      <section aria-labelledby="export">
        <h2 id="export">{s.exportTitle}</h2>
        <p>{s.exportIntro}</p>
        <ul>
          <li>
            <a href="/api/v1/me/export">{s.exportJson}</a>
          </li>
          <li>
            <a href="/api/v1/me/export?format=csv">{s.exportCsv}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}

export const importPageRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  await registerUploads(app);

  app.get('/settings/import', { config: { html: true } }, async (req, reply) => {
    if (!req.user) return toLogin(reply, '/settings/import');
    return sendHtml(req, reply, renderDocument(<ImportPage viewer={viewerOf(req, reply, ctx)} />), 200, 'private, no-store');
  });

  app.post('/settings/import', {
    config: { html: true, ...writeLimit(ctx.config) },
    // Before the body is read: an anonymous visitor is sent to sign in without the server taking in the files.
    onRequest: async (req, reply) => {
      if (!req.user) return toLogin(reply, '/settings/import');
    },
  }, async (req, reply) => {
    if (!req.user) return toLogin(reply, '/settings/import');
    const viewer = viewerOf(req, reply, ctx);
    try {
      const report = await ctx.services.personalImport.import(req.actor, parseUpload(req));
      return sendHtml(req, reply, renderDocument(<ImportPage viewer={viewer} report={report} />), 200, 'private, no-store');
    } catch (err) {
      if (!(err instanceof AppError) || !['validation_failed', 'payload_too_large', 'unsupported_media_type'].includes(err.code)) throw err;
      return sendHtml(req, reply, renderDocument(<ImportPage viewer={viewer} error={err.message} />), err.status, 'private, no-store');
    }
  });
};
