import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('rate limiter', () => {
  it('limits a key after its allowance and forgets it when the window passes', () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000 });
    for (let i = 0; i < 3; i++) {
      expect(limiter.isLimited('ip', 100)).toBe(false);
      limiter.hit('ip', 100);
    }
    expect(limiter.isLimited('ip', 500)).toBe(true);
    expect(limiter.isLimited('other', 500)).toBe(false);
    expect(limiter.isLimited('ip', 1100)).toBe(false);
    limiter.hit('ip', 1100);
    expect(limiter.isLimited('ip', 1100)).toBe(false);
  });

  it('keeps memory bounded by dropping the oldest key', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, maxKeys: 2 });
    limiter.hit('a', 0);
    limiter.hit('b', 0);
    limiter.hit('c', 0);
    expect(limiter.isLimited('a', 1)).toBe(false);
    expect(limiter.isLimited('c', 1)).toBe(true);
  });
});
