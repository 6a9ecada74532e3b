import { describe, expect, it } from 'vitest';
import { lastFiring, nextFiring } from './cron';

describe('lastFiring', () => {
  it.each([
    ['5 0 * * *', '2026-11-30T00:05:00.000Z', '2026-11-30T00:05:00.000Z'],
    ['5 0 * * *', '2026-11-30T00:04:59.999Z', '2026-11-29T00:05:00.000Z'],
    ['5 0 * * *', '2026-11-30T23:59:00.000Z', '2026-11-30T00:05:00.000Z'],
    ['5 0 * * *', '2026-03-01T00:00:00.000Z', '2026-02-28T00:05:00.000Z'],
    ['0 * * * *', '2026-11-30T10:59:59.000Z', '2026-11-30T10:00:00.000Z'],
    ['30 * * * *', '2026-11-30T00:10:00.000Z', '2026-11-29T23:30:00.000Z'],
  ])('%s at %s → %s', (cron, now, expected) => {
    expect(lastFiring(cron, new Date(now)).toISOString()).toBe(expected);
  });

  it.each([
    ['5 0 * * *', '2026-11-30T00:04:00.000Z', '2026-11-30T00:05:00.000Z'],
    ['5 0 * * *', '2026-11-30T00:05:00.000Z', '2026-12-01T00:05:00.000Z'],
    ['0 * * * *', '2026-11-30T10:30:00.000Z', '2026-11-30T11:00:00.000Z'],
  ])('%s next after %s → %s', (cron, now, expected) => {
    expect(nextFiring(cron, new Date(now)).toISOString()).toBe(expected);
  });

  it('refuses what it cannot schedule', () => {
    expect(() => lastFiring('*/5 * * * 1', new Date())).toThrow('unsupported cron');
  });
});
