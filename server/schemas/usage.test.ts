import { describe, expect, it } from 'vitest';
import { usageRecordInput } from './usage';

const serviceId = '3f1e1c9a-6a7b-4c1d-9e2f-0a1b2c3d4e5f';
const quantityOf = (quantity: unknown) => usageRecordInput.safeParse({ service_id: serviceId, quantity });

describe('usage quantity', () => {
  it.each([
    [0.1, 100_000n],
    ['0.1', 100_000n],
    [0.000001, 1n],
    ['123456789012345.123456', 123_456_789_012_345_123_456n],
    [123456789.123456, 123_456_789_123_456n],
    [42, 42_000_000n],
  ])('reads %j exactly as %s micro units', (quantity, micro) => {
    expect(quantityOf(quantity)).toMatchObject({ success: true, data: { quantity: micro } });
  });

  it.each([0, -1, '0.0000001', 1e-7, '1e3', 1e21, 1234567890.123456, Number.NaN, '', 'one', null])('refuses %j', (quantity) => {
    expect(quantityOf(quantity).success).toBe(false);
  });
});
