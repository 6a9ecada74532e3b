import { describe, expect, it } from 'vitest';
import { canRemind, manualStatusChange, manualStatusTargets, type DeskFacts } from './invoice-desk';
import type { InvoiceStatus } from './invoice-status';

const today = '2026-12-07';
const facts = (status: InvoiceStatus, amountPaid: bigint, more: Partial<DeskFacts> = {}): DeskFacts => ({
  status,
  kind: 'invoice',
  consolidatedIntoId: null,
  total: 1000n,
  amountPaid,
  amountRefunded: 0n,
  amountCredited: 0n,
  currency: 'USD',
  dueDate: '2026-12-31',
  ...more,
});

describe('manual status change: what each invoice may be set to by hand', () => {
  it.each([
    // invoice → the statuses offered
    ['draft', facts('draft', 0n), ['cancelled']],
    ['pending', facts('pending', 0n), ['overdue', 'cancelled']],
    ['partial', facts('partial', 400n), ['overdue']], // money received: never cancelled
    ['overdue, due date ahead', facts('overdue', 0n), ['pending', 'cancelled']],
    ['overdue, due today', facts('overdue', 0n, { dueDate: today }), ['pending', 'cancelled']],
    ['overdue, past due', facts('overdue', 0n, { dueDate: '2026-12-06' }), ['cancelled']],
    ['overdue, part paid', facts('overdue', 400n), ['partial']],
    ['paid', facts('paid', 1000n), []],
    ['cancelled', facts('cancelled', 0n), []],
    ['refunded', facts('refunded', 1000n, { amountRefunded: 1000n }), []],
    ['pending debit note', facts('pending', 0n, { kind: 'debit_note' }), ['overdue', 'cancelled']],
    ['pending proforma', facts('pending', 0n, { kind: 'proforma' }), ['cancelled']],
  ] as const)('%s', (_, invoice, targets) => {
    expect(manualStatusTargets(invoice, today)).toEqual(targets);
  });

  it.each([
    ['overdue', facts('overdue', 0n), 'partial', 'goes back to pending, not partial'],
    ['overdue, part paid', facts('overdue', 400n), 'pending', 'goes back to partial, not pending'],
    ['overdue, past due', facts('overdue', 0n, { dueDate: '2026-12-01' }), 'pending', 'move the due date first'],
    ['pending', facts('pending', 0n), 'partial', 'cannot be set to partial'],
    ['partial', facts('partial', 400n), 'cancelled', 'cannot cancel'],
    ['paid', facts('paid', 1000n), 'overdue', 'cannot mark overdue'],
    ['proforma', facts('pending', 0n, { kind: 'proforma' }), 'overdue', 'never overdue'],
  ] as const)('refuses %s → the given status', (_, invoice, to, why) => {
    const outcome = manualStatusChange(invoice, to, today);
    expect(outcome).toMatchObject({ ok: false, code: 'invalid_state' });
    expect(outcome.ok ? '' : outcome.message).toContain(why);
  });
});

describe('reminders', () => {
  it.each([
    ['pending', facts('pending', 0n), true],
    ['partial', facts('partial', 400n), true],
    ['overdue', facts('overdue', 0n), true],
    ['draft', facts('draft', 0n), false],
    ['paid', facts('paid', 1000n), false],
    ['cancelled', facts('cancelled', 0n), false],
    ['credit note', facts('pending', 0n, { kind: 'credit_note' }), false],
  ] as const)('a %s document: reminded or not', (_, invoice, expected) => {
    expect(canRemind(invoice)).toBe(expected);
  });
});
