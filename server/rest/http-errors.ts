import { AppError, type AppErrorCode, type FieldErrors } from '../errors';
import { ThrottledError } from '../http/rate-limit';
import { reportUnexpected } from '../http/unexpected-error';

const httpStatus: Record<AppErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  payment_failed: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  idempotency_mismatch: 409,
  rate_limited: 429,
  not_implemented: 501,
};

// The API names the validation code differently from the service layer.
const apiCode = (code: AppErrorCode) => (code === 'validation' ? 'validation_error' : code);

export function errorResponse(status: number, code: string, message: string, fields?: FieldErrors): Response {
  return Response.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });
}

/** The REST transport's one mapping of errors; anything unexpected is a 500 with a logged reference. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const response = errorResponse(httpStatus[error.code], apiCode(error.code), error.message, error.fields);
    if (error instanceof ThrottledError) response.headers.set('Retry-After', String(error.retryAfterSeconds));
    return response;
  }
  return errorResponse(500, 'internal_error', reportUnexpected('REST handler', error).message);
}
