// The one error handler: every failure becomes the contract's envelope
// {"error": {"code", "message", "field"?}}; 5xx details go to the log, never to the client.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERRORS, type ErrorCode } from '../../domain/errors.js';
import { isHtmlRoute, sendErrorPage } from '../web/error-page.js';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** `/scores/story` → `scores.story`; the missing or unknown property where ajv names one. */
function fieldOf(issue: AjvIssue): string | undefined {
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra = (issue.params.missingProperty ?? issue.params.additionalProperty) as string | undefined;
  if (extra) return path ? `${path}.${extra}` : extra;
  return path || undefined;
}

function messageOf(issue: AjvIssue, field: string | undefined): string {
  const name = field ?? 'The body';
  switch (issue.keyword) {
    case 'required':
      return `${name} is required.`;
    case 'additionalProperties':
      return `${name} is not a known field.`;
    case 'type':
      return `${name} must be ${issue.params.type === 'integer' ? 'a whole number' : `of type ${String(issue.params.type)}`}.`;
    case 'multipleOf':
      return `${name} must be in steps of ${String(issue.params.multipleOf)}.`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${name} must be at least ${String(issue.params.limit)}.`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${name} must be at most ${String(issue.params.limit)}.`;
    case 'maxLength':
      return `${name} must be at most ${String(issue.params.limit)} characters.`;
    case 'minLength':
      return `${name} must be at least ${String(issue.params.limit)} character${issue.params.limit === 1 ? '' : 's'}.`;
    case 'minProperties':
      return 'Send at least one field to change.';
    default:
      return `${name} ${issue.message ?? 'is not valid'}.`;
  }
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
};

function toAppError(err: FastifyError & { validation?: AjvIssue[]; validationContext?: string }): AppError | null {
  if (err instanceof AppError) return err;
  if (err.validation) {
    if (err.validationContext === 'params') return new AppError('not_found');
    const issue = err.validation[0]!;
    const field = fieldOf(issue);
    return new AppError('validation_failed', messageOf(issue, field), field);
  }
  const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (err.statusCode === 429) return new AppError('rate_limited');
  // Too large or too many: body and multipart limits (file size, files, parts, fields) alike.
  if (err.statusCode === 413) return new AppError('payload_too_large', err.message);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError(err.statusCode === 404 ? 'not_found' : err.statusCode === 405 ? 'method_not_allowed' : 'validation_failed', err.message);
  }
  return null;
}

// Web routes always answer errors as HTML pages; any other address outside /api/ does when asked to.
const wantsHtml = (req: FastifyRequest) => !req.url.startsWith('/api/') && (isHtmlRoute(req) || (req.headers.accept ?? '').includes('text/html'));

export function sendError(req: FastifyRequest, reply: FastifyReply, appErr: AppError) {
  reply.code(appErr.status);
  if (wantsHtml(req)) {
    return sendErrorPage(req, reply, appErr);
  }
  const error: { code: string; message: string; field?: string } = { code: appErr.code, message: appErr.message };
  if (appErr.field) error.field = appErr.field;
  return reply.type('application/json; charset=utf-8').send({ error });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const appErr = toAppError(err);
    if (appErr) return sendError(req, reply, appErr);
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, new AppError('internal', ERRORS.internal.message));
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('not_found', 'Nothing is at that address.')));
}
