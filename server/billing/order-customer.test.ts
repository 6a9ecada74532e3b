import { describe, expect, it } from 'vitest';
import { onCustomerChange, type OrderDocument } from './order-customer';

describe('an order document when the order changes customer', () => {
  it.each<[string, OrderDocument, 'move' | 'stay' | 'blocks']>([
    ['a draft', { kind: 'invoice', status: 'draft', amountPaid: 0n, deleted: false }, 'move'],
    ['a pending invoice', { kind: 'invoice', status: 'pending', amountPaid: 0n, deleted: false }, 'move'],
    ['an overdue invoice', { kind: 'invoice', status: 'overdue', amountPaid: 0n, deleted: false }, 'move'],
    ['a pending proforma', { kind: 'proforma', status: 'pending', amountPaid: 0n, deleted: false }, 'move'],
    ['an unpaid debit note', { kind: 'debit_note', status: 'pending', amountPaid: 0n, deleted: false }, 'move'],
    ['a paid invoice', { kind: 'invoice', status: 'paid', amountPaid: 1000n, deleted: false }, 'stay'],
    ['a refunded invoice', { kind: 'invoice', status: 'refunded', amountPaid: 1000n, deleted: false }, 'stay'],
    ['a cancelled invoice', { kind: 'invoice', status: 'cancelled', amountPaid: 0n, deleted: false }, 'stay'],
    ['a credit note', { kind: 'credit_note', status: 'pending', amountPaid: 0n, deleted: false }, 'stay'],
    ['a deleted draft', { kind: 'invoice', status: 'draft', amountPaid: 0n, deleted: true }, 'stay'],
    ['a partly paid invoice', { kind: 'invoice', status: 'partial', amountPaid: 400n, deleted: false }, 'blocks'],
    ['an overdue invoice with a part paid', { kind: 'invoice', status: 'overdue', amountPaid: 400n, deleted: false }, 'blocks'],
  ])('%s', (_, document, expected) => {
    expect(onCustomerChange(document)).toBe(expected);
  });
});
