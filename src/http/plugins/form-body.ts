// HTML form posts (application/x-www-form-urlencoded) for the web pages. Fields become a flat object
// of strings (a repeated name keeps its last value). The JSON API keeps answering 415 to them: a
// form post is never a JSON write.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';

export type FormBody = Record<string, string>;

export function registerFormBody(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (req, body, done) => {
    if (req.url.startsWith('/api/')) {
      done(new AppError('unsupported_media_type'), undefined);
      return;
    }
    const text = body as string;
    const form: FormBody = Object.create(null) as FormBody;
    for (const [k, v] of new URLSearchParams(text)) form[k] = v;
    if (Object.values(form).some((v) => v.includes('\u0000'))) {
      done(new AppError('validation_failed', 'Text cannot contain the NUL character.'), undefined);
      return;
    }
    done(null, form);
  });
}
