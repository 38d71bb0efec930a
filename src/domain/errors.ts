// The one catalogue of errors the product can answer with. Each code has its HTTP status here so that
// the HTTP layer can translate without the domain knowing about HTTP: the domain throws `AppError`,
// the error handler (src/http/plugins/errors.ts) builds the contract's envelope from it.

export const ERRORS = {
  validation_failed: { status: 400, message: 'The request is not valid.' },
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  unsupported_media_type: { status: 415, message: 'Send the request body as application/json.' },
  unauthenticated: { status: 401, message: 'Sign in first.' },
  invalid_credentials: { status: 401, message: 'That login and password do not match an account.' },
  forbidden: { status: 403, message: 'You may not do that.' },
  own_review: { status: 403, message: 'You cannot vote on your own review.' },
  account_suspended: { status: 403, message: 'This account is suspended.' },
  not_found: { status: 404, message: 'Nothing was found here.' },
  method_not_allowed: { status: 405, message: 'That method is not allowed here.' },
  review_exists: { status: 409, message: 'You already reviewed this title; edit your review instead.' },
  handle_taken: { status: 409, message: 'That handle is taken.' },
  email_taken: { status: 409, message: 'An account with that e-mail already exists.' },
  slug_taken: { status: 409, message: 'A title with that slug already exists.' },
  report_exists: { status: 409, message: 'You already reported this review.' },
  status_conflict: { status: 409, message: 'That action does not apply to the review in its current status.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  rate_limited: { status: 429, message: 'Too many requests; try again later.' },
  unavailable: { status: 503, message: 'The service is not available right now.' },
  internal: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly status: number;

  constructor(code: ErrorCode, message?: string, field?: string) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.status = ERRORS[code].status;
  }
}

export const invalid = (field: string, message: string) => new AppError('validation_failed', message, field);
export const notFound = (what = 'Nothing was found here.') => new AppError('not_found', what);
export const forbidden = (message?: string) => new AppError('forbidden', message);
