// /api/v1/me/imports (a person's Letterboxd or IMDb export, uploaded) and /api/v1/me/export (their
// reviews, ratings, votes and watch dates, as JSON, CSV or a ZIP of CSVs).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { AppContext } from '../../context.js';
import { AppError } from '../../domain/errors.js';
import { writeLimit } from '../plugins/rate-limit.js';
import { errorResponses } from '../schemas/common.js';
import { ExportQuery, ImportEnvelope, PersonalExport } from '../schemas/import-export.js';
import { isZip, parseLetterboxd, type InputFile } from '../../services/import/letterboxd.js';
import { parseImdbRatings } from '../../services/import/imdb-ratings.js';
import type { ParsedExport } from '../../services/import/personal-rows.js';
import { exportCsv, exportZip, type ExportKind } from '../../services/export.service.js';
import { requireUser } from '../plugins/auth.js';

/** Largest file one upload may carry (the largest real Letterboxd export we know is a few MB). */
export const UPLOAD_FILE_LIMIT = 32 * 1024 * 1024;
const UPLOAD_FILES_MAX = 4;

/**
 * Multipart bodies for the routes registered in `scope` only: fields become strings and each file
 * `{ name, bytes }` (`attachFieldsToBody: 'keyValues'`), so the CSRF check of a web form can read
 * its `_csrf` field like any other form's.
 */
export async function registerUploads(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: UPLOAD_FILE_LIMIT, files: UPLOAD_FILES_MAX, fields: 10, parts: UPLOAD_FILES_MAX + 10 },
    async onFile(part: MultipartFile & { value?: unknown }) {
      try {
        part.value = { name: part.filename || part.fieldname, bytes: await part.toBuffer() } satisfies InputFile;
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('payload_too_large', `A file may be at most ${UPLOAD_FILE_LIMIT / 1024 / 1024} MiB.`);
        }
        throw err;
      }
    },
  });
}

const isInput = (v: unknown): v is InputFile => typeof v === 'object' && v !== null && 'bytes' in v && (v as InputFile).bytes instanceof Uint8Array;

/** The uploaded files and which site they came from (the `source` field, else guessed from them). */
export function parseUpload(req: FastifyRequest): ParsedExport {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'Upload the file as multipart/form-data (a form with a file field).');
  const body = (req.body ?? {}) as Record<string, unknown>;
  const files = Object.values(body)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter(isInput)
    .filter((f) => f.bytes.length > 0);
  if (files.length === 0) throw new AppError('validation_failed', 'Choose a file to import: a Letterboxd export (ZIP or CSV) or an IMDb ratings CSV.', 'file');
  const source = typeof body.source === 'string' && body.source !== '' ? body.source : guessSource(files);
  if (source === 'letterboxd') return parseLetterboxd(files);
  if (source === 'imdb-ratings') {
    if (files.length !== 1) throw new AppError('validation_failed', 'An IMDb ratings import takes one CSV file.', 'file');
    return parseImdbRatings(files[0]!);
  }
  throw new AppError('validation_failed', 'source must be "letterboxd" or "imdb-ratings".', 'source');
}

function guessSource(files: InputFile[]): string {
  if (files.some((f) => isZip(f.bytes))) return 'letterboxd';
  const head = Buffer.from(files[0]!.bytes.subarray(0, 200)).toString('latin1');
  return /^(\uFEFF|ï»¿)?"?Const"?,/.test(head) ? 'imdb-ratings' : 'letterboxd';
}

export const meRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const { personalImport, exports } = ctx.services;
  await registerUploads(app);

  app.post('/me/imports', {
    config: writeLimit(ctx.config),
    // Before the body is read: an anonymous caller must not make the server take in 32 MiB files.
    onRequest: async (req) => {
      requireUser(req);
    },
    schema: {
      tags: ['me'],
      summary: 'Import a Letterboxd export (the ZIP, or reviews.csv / ratings.csv / diary.csv) or an IMDb "Your ratings" CSV into your account.',
      description:
        'multipart/form-data: one or more `file` fields and an optional `source` (`letterboxd` or `imdb-ratings`; guessed from the file when left out). ' +
        'Titles are matched by IMDb id where the file has one, else by name and year; Letterboxd stars ×2 become 1–10 ratings, reviews become reviews, ' +
        'diary dates become `watched_on`. Unmatched and skipped lines come back with file and line. Importing the same file again changes nothing.',
      consumes: ['multipart/form-data'],
      response: { 200: ImportEnvelope, ...errorResponses(400, 401, 403, 413, 415, 429) },
    },
  }, async (req) => {
    return { report: await personalImport.import(req.actor, parseUpload(req)) };
  });

  app.get('/me/export', {
    schema: {
      tags: ['me'],
      summary: 'Your reviews, ratings (with watch dates), helpfulness votes and watch dates.',
      description:
        '`format=json` (default): one document. `format=csv&kind=reviews|ratings|votes|watch_dates`: that kind as CSV (text/csv). ' +
        '`format=csv` without kind: a ZIP of the four CSV files (application/zip).',
      querystring: ExportQuery,
      response: {
        200: {
          content: {
            'application/json': { schema: PersonalExport },
            'text/csv': { schema: { type: 'string' } },
            'application/zip': { schema: { type: 'string', format: 'binary' } },
          },
        },
        ...errorResponses(400, 401),
      },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    const data = await exports.personal(req.actor);
    const kind = req.query.kind as ExportKind | undefined;
    const stem = `marquee-${user.handle}`;
    reply.header('cache-control', 'private, no-store');
    if (req.query.format === 'csv') {
      if (kind) {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${stem}-${kind}.csv"`)
          .send(exportCsv(data, kind));
      }
      return reply.type('application/zip').header('content-disposition', `attachment; filename="${stem}-export.zip"`).send(Buffer.from(exportZip(data)));
    }
    reply.header('content-disposition', `attachment; filename="${stem}${kind ? `-${kind}` : ''}.json"`);
    if (!kind) return reply.type('application/json; charset=utf-8').send(data);
    return reply.type('application/json; charset=utf-8').send({ exported_at: data.exported_at, user: data.user, [kind]: data[kind] });
  });
};
