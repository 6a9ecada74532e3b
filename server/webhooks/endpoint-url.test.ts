import { describe, expect, it } from 'vitest';
import { endpointUrlProblem } from './endpoint-url';
import { maxAttempts, nextAttemptAt, shouldDisable } from './schedule';

describe('endpointUrlProblem', () => {
  it.each([
    ['https://hooks.example.com/cashdesk', false, null],
    ['https://93.184.215.14/in', false, null],
    ['http://93.184.215.14/in', false, 'must be an https: URL'],
    ['http://127.0.0.1:4000/in', false, 'must be an https: URL'],
    ['https://127.0.0.1/in', false, 'points to a private or loopback address (allowed only with CASHDESK_WEBHOOKS_ALLOW_PRIVATE=1)'],
    ['https://10.0.0.5/in', false, 'points to a private or loopback address (allowed only with CASHDESK_WEBHOOKS_ALLOW_PRIVATE=1)'],
    ['https://[::1]/in', false, 'points to a private or loopback address (allowed only with CASHDESK_WEBHOOKS_ALLOW_PRIVATE=1)'],
    ['ftp://example.com/in', false, 'must be an https: URL'],
    ['not a url', false, 'must be an absolute https: URL'],
    ['https://user:pw@example.com/in', false, 'must not carry a user name or password'],
    ['http://127.0.0.1:4000/in', true, null],
    ['https://192.168.1.20/in', true, null],
    ['http://93.184.215.14/in', true, 'must be an https: URL (http: only to a private or loopback address)'],
    ['https://93.184.215.14/in', true, null],
  ])('%s (private allowed: %s) → %s', async (url, allowPrivate, problem) => {
    expect(await endpointUrlProblem(url, allowPrivate)).toBe(problem);
  });
});

describe('retry schedule', () => {
  const failedAt = new Date('2026-12-31T23:00:00Z');

  it('retries for more than 24 hours before giving up', () => {
    let at = failedAt;
    for (let attempt = 1; attempt < maxAttempts; attempt += 1) at = nextAttemptAt(attempt, at)!;
    expect(at.getTime() - failedAt.getTime()).toBeGreaterThan(24 * 3600e3);
    expect(nextAttemptAt(maxAttempts, at)).toBeNull();
  });

  it('waits 5 seconds after the first failure and 5 minutes after the second', () => {
    expect(nextAttemptAt(1, failedAt)).toEqual(new Date('2026-12-31T23:00:05Z'));
    expect(nextAttemptAt(2, failedAt)).toEqual(new Date('2026-12-31T23:05:00Z'));
  });

  it('disables an endpoint after three days of failures, not before', () => {
    expect(shouldDisable(failedAt, new Date('2027-01-03T22:59:59Z'))).toBe(false);
    expect(shouldDisable(failedAt, new Date('2027-01-03T23:00:00Z'))).toBe(true);
  });
});
