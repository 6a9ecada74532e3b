import { describe, expect, it } from 'vitest';
import { type InvoiceFacts, type InvoiceStatus } from './invoice-status';
import {
  awaitsProvisioning,
  canChangeOrderStatus,
  canChangePlan,
  canChangeSeats,
  documentCarrying,
  nextOrderStatuses,
  orderActions,
  orderStatuses,
  serviceStatuses,
  type OrderStatus,
} from './order-status';

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
  'paused>cancelled',
  'paused>terminated',
]);

const pairs = orderStatuses.flatMap((from) => orderStatuses.map((to) => [from, to, allowed.has(`${from}>${to}`)] as const));

describe('order state machine: every transition', () => {
  it.each(pairs)('%s → %s allowed: %s', (from: OrderStatus, to: OrderStatus, ok) => {
    expect(canChangeOrderStatus(from, to)).toBe(ok);
    expect(nextOrderStatuses(from).includes(to)).toBe(ok);
  });
});

describe('what the console offers on an order', () => {
  const firstInvoice = (status: InvoiceStatus, amountPaid: bigint): InvoiceFacts => ({
    status,
    kind: 'invoice',
    consolidatedIntoId: null,
    total: 1000n,
    amountPaid,
    amountRefunded: 0n,
    amountCredited: 0n,
    currency: 'USD',
  });

  // One row per status, with its usual first invoice; then the first invoice's own cases.
  it.each([
    [
      'draft',
      orderActions({ status: 'draft', lineCount: 1 }, firstInvoice('draft', 0n)),
      { approve: false, changeStatus: ['pending', 'cancelled'], pay: false, editPrice: true },
    ],
    [
      'pending',
      orderActions({ status: 'pending', lineCount: 1 }, firstInvoice('pending', 0n)),
      { approve: true, changeStatus: ['active', 'cancelled'], pay: true, editPrice: true },
    ],
    [
      'active',
      orderActions({ status: 'active', lineCount: 1 }, firstInvoice('paid', 1000n)),
      { approve: false, changeStatus: ['suspended', 'cancelled', 'terminated'], pay: false, editPrice: true },
    ],
    [
      'suspended',
      orderActions({ status: 'suspended', lineCount: 1 }, firstInvoice('partial', 400n)),
      { approve: false, changeStatus: ['active', 'cancelled', 'terminated'], pay: true, editPrice: true },
    ],
    [
      'cancelled',
      orderActions({ status: 'cancelled', lineCount: 1 }, firstInvoice('cancelled', 0n)),
      { approve: false, changeStatus: [], pay: false, editPrice: false },
    ],
    [
      'terminated',
      orderActions({ status: 'terminated', lineCount: 1 }, firstInvoice('refunded', 1000n)),
      { approve: false, changeStatus: [], pay: false, editPrice: false },
    ],
    [
      'pending without lines',
      orderActions({ status: 'pending', lineCount: 0 }, firstInvoice('pending', 0n)),
      { approve: true, changeStatus: ['active', 'cancelled'], pay: true, editPrice: false },
    ],
    [
      'pending without a first invoice',
      orderActions({ status: 'pending', lineCount: 1 }, null),
      { approve: true, changeStatus: ['active', 'cancelled'], pay: false, editPrice: false },
    ],
  ] as const)('%s', (_, actions, expected) => {
    expect(actions).toEqual(expected);
  });

  it.each(serviceStatuses.map((status) => [status, status === 'active' || status === 'suspended'] as const))(
    'a %s service may change plan: %s',
    (status, allowed) => {
      expect(canChangePlan(status)).toBe(allowed);
    },
  );

  it.each(orderStatuses.flatMap((order) => serviceStatuses.map((service) => [order, service, order === 'active' && service === 'active'] as const)))(
    'seats change on a %s order’s %s service: %s',
    (order, service, allowed) => {
      expect(canChangeSeats({ status: order }, { status: service, usageUnitPrice: null })).toBe(allowed);
      expect(canChangeSeats({ status: order }, { status: service, usageUnitPrice: '0.5' })).toBe(false);
    },
  );

  it.each(serviceStatuses.map((status) => [status, status === 'pending' || status === 'failed'] as const))(
    'a %s service not set up yet awaits provisioning: %s',
    (status, awaits) => {
      expect(awaitsProvisioning({ status, provisionedAt: null })).toBe(awaits);
      expect(awaitsProvisioning({ status, provisionedAt: new Date('2026-01-01T00:00:00Z') })).toBe(false);
    },
  );
});

describe('the document that carries an order’s first invoice', () => {
  const first = { id: 'first', consolidatedIntoId: 'parent' };
  const parent = { id: 'parent', consolidatedIntoId: null };
  it('is the invoice it was consolidated into, else the first invoice itself', () => {
    expect(documentCarrying(first, [first, parent])).toBe(parent);
    expect(documentCarrying(parent, [parent])).toBe(parent);
    expect(documentCarrying(first, [first])).toBe(first);
    expect(documentCarrying(undefined, [parent])).toBeUndefined();
  });
});
