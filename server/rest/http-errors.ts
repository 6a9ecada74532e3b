import { AppError, type AppErrorCode, type FieldErrors } from '../errors';

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

/** The REST transport's one mapping of errors; anything unexpected is a logged 500. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorResponse(httpStatus[error.code], apiCode(error.code), error.message, error.fields);
  console.error('[cashdesk] unhandled error in REST handler', error);
  return errorResponse(500, 'internal_error', 'Something went wrong on our side; nothing was changed');
}
