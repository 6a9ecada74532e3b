import { describe, expect, it } from 'vitest';
import { AppError, type AppErrorCode } from '../errors';
import { toErrorResponse } from './http-errors';

describe('REST error mapping (the API contract’s codes and statuses)', () => {
  it.each([
    ['validation', 400, 'validation_error'],
    ['unauthorized', 401, 'unauthorized'],
    ['payment_failed', 402, 'payment_failed'],
    ['forbidden', 403, 'forbidden'],
    ['not_found', 404, 'not_found'],
    ['conflict', 409, 'conflict'],
    ['invalid_state', 409, 'invalid_state'],
    ['idempotency_mismatch', 409, 'idempotency_mismatch'],
    ['rate_limited', 429, 'rate_limited'],
    ['not_implemented', 501, 'not_implemented'],
  ] as const)('%s → %i %s', async (code: AppErrorCode, status, apiCode) => {
    const response = toErrorResponse(new AppError(code, 'message', code === 'validation' ? { amount: 'must be greater than 0' } : undefined));
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: apiCode, message: 'message' });
    expect('fields' in body.error).toBe(code === 'validation');
  });

  it('answers anything unexpected with a 500 that leaks nothing', async () => {
    const quiet = console.error;
    console.error = () => {};
    try {
      const response = toErrorResponse(new Error('password=hunter2 in a stack trace'));
      expect(response.status).toBe(500);
      expect(JSON.stringify(await response.json())).not.toContain('hunter2');
    } finally {
      console.error = quiet;
    }
  });
});
