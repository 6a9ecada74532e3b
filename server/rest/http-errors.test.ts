import { describe, expect, it, vi } from 'vitest';
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

  it('answers anything unexpected with a 500 that leaks nothing and names the log line', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = toErrorResponse(new Error('password=hunter2 in a stack trace'));
      expect(response.status).toBe(500);
      const { error } = await response.json();
      expect(JSON.stringify(error)).not.toContain('hunter2');
      const ref = /\(ref (err_[0-9a-f]{6})\); nothing was changed$/.exec(error.message)?.[1];
      expect(ref).toBeDefined();
      expect(log).toHaveBeenCalledWith(expect.stringContaining(ref!), expect.objectContaining({ message: 'password=hunter2 in a stack trace' }));
    } finally {
      log.mockRestore();
    }
  });
});
