import { describe, expect, it } from 'vitest';
import { requestHash } from './idempotency';

describe('idempotency request hash', () => {
  it('ignores key order but not values, method or path', () => {
    const base = requestHash('POST', '/api/v1/customers', { name: 'A', email: 'a@x.test', address: { city: 'X', line1: 'Y' } });
    expect(requestHash('POST', '/api/v1/customers', { address: { line1: 'Y', city: 'X' }, email: 'a@x.test', name: 'A' })).toBe(base);
    expect(requestHash('POST', '/api/v1/customers', { name: 'B', email: 'a@x.test', address: { city: 'X', line1: 'Y' } })).not.toBe(base);
    expect(requestHash('POST', '/api/v1/orders', { name: 'A', email: 'a@x.test', address: { city: 'X', line1: 'Y' } })).not.toBe(base);
  });
});
