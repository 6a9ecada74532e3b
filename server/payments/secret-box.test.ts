import { describe, expect, it } from 'vitest';
import { seal, unseal } from './secret-box';

const secret = 'a-server-secret-that-is-long-enough-0123';

describe('sealed settings secrets', () => {
  it('round-trips, differs each time and never contains the plain value', () => {
    const a = seal('sk_test_123', secret);
    const b = seal('sk_test_123', secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain('sk_test_123');
    expect(unseal(a, secret)).toBe('sk_test_123');
  });

  it.each([
    ['empty stays empty', seal('', secret), secret, ''],
    ['another server secret cannot open it', seal('sk_test_123', secret), 'some-other-secret-that-is-long-enough-x', ''],
    ['a tampered value opens to nothing', seal('sk_test_123', secret).slice(0, -2) + 'AA', secret, ''],
    ['a value saved before sealing reads as is', 'plain', secret, 'plain'],
  ])('%s', (_, stored, key, expected) => {
    expect(unseal(stored, key)).toBe(expected);
  });
});
