import { describe, expect, it } from 'vitest';
import { type OrderStatus, canChangeOrderStatus, nextOrderStatuses, orderStatuses } from './order-status';

const allowed = new Set([
  'draft>pending',
  'draft>cancelled',
  'pending>active',
  'pending>cancelled',
  'active>suspended',
  'active>cancelled',
  'active>terminated',
  'suspended>active',
  'suspended>cancelled',
  'suspended>terminated',
]);

const pairs = orderStatuses.flatMap((from) => orderStatuses.map((to) => [from, to, allowed.has(`${from}>${to}`)] as const));

describe('order state machine: every transition', () => {
  it.each(pairs)('%s → %s allowed: %s', (from: OrderStatus, to: OrderStatus, ok) => {
    expect(canChangeOrderStatus(from, to)).toBe(ok);
    expect(nextOrderStatuses(from).includes(to)).toBe(ok);
  });
});
