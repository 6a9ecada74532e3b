import { describe, expect, it } from 'vitest';
import {
  applyPayment,
  balanceOf,
  canTransition,
  creditNoteSplit,
  invoiceActions,
  invoiceEvents,
  invoiceStatuses,
  invoiceTransition,
  refundsEverything,
  replaceableByProforma,
  returnableOf,
  type InvoiceActions,
  type InvoiceEvent,
  type InvoiceFacts,
  type InvoiceStatus,
} from './invoice-status';

// Every (status, event) pair: the status it leads to, or null when forbidden.
const expected: Record<InvoiceStatus, Record<InvoiceEvent, InvoiceStatus | null>> = {
  draft: {
    finalize: 'pending',
    edit: 'draft',
    pay_partial: null,
    pay_full: null,
    mark_overdue: null,
    cancel: 'cancelled',
    consolidate: null,
    refund_full: null,
  },
  pending: {
    finalize: null,
    edit: 'pending',
    pay_partial: 'partial',
    pay_full: 'paid',
    mark_overdue: 'overdue',
    cancel: 'cancelled',
    consolidate: 'cancelled',
    refund_full: null,
  },
  partial: {
    finalize: null,
    edit: null,
    pay_partial: 'partial',
    pay_full: 'paid',
    mark_overdue: 'overdue',
    cancel: null,
    consolidate: 'cancelled',
    refund_full: 'refunded',
  },
  overdue: {
    finalize: null,
    edit: 'overdue',
    pay_partial: 'overdue',
    pay_full: 'paid',
    mark_overdue: null,
    cancel: 'cancelled',
    consolidate: 'cancelled',
    refund_full: 'refunded',
  },
  paid: { finalize: null, edit: null, pay_partial: null, pay_full: null, mark_overdue: null, cancel: null, consolidate: null, refund_full: 'refunded' },
  cancelled: { finalize: null, edit: null, pay_partial: null, pay_full: null, mark_overdue: null, cancel: null, consolidate: null, refund_full: null },
  refunded: { finalize: null, edit: null, pay_partial: null, pay_full: null, mark_overdue: null, cancel: null, consolidate: null, refund_full: null },
};

const rows = invoiceStatuses.flatMap((status) => invoiceEvents.map((event) => [status, event, expected[status][event]] as const));

describe('invoice state machine: every transition', () => {
  it.each(rows)('%s + %s → %s', (status, event, next) => {
    expect(canTransition(status, event)).toBe(next !== null);
    // Money guards are tested below; here the invoice is in the state the event needs.
    const paid = event === 'refund_full' || status === 'partial' || status === 'paid' ? 500n : 0n;
    const outcome = invoiceTransition({ status, total: 1000n, amountPaid: paid, amountRefunded: 0n, amountCredited: 0n, currency: 'USD' }, event);
    expect(outcome.ok ? outcome.value : null).toBe(next);
    if (!outcome.ok) expect(outcome.code).toBe('invalid_state');
  });
});

describe('invoice money guards', () => {
  it('refuse cancelling or editing once money was received', () => {
    for (const event of ['cancel', 'edit'] as const) {
      const outcome = invoiceTransition({ status: 'overdue', total: 1000n, amountPaid: 1n, amountRefunded: 0n, amountCredited: 0n, currency: 'USD' }, event);
      expect(outcome).toMatchObject({ ok: false, code: 'invalid_state' });
    }
  });

  it('refuse a full refund when nothing was paid', () => {
    expect(
      invoiceTransition({ status: 'overdue', total: 1000n, amountPaid: 0n, amountRefunded: 0n, amountCredited: 0n, currency: 'USD' }, 'refund_full'),
    ).toMatchObject({
      ok: false,
    });
  });

  it.each([
    ['pending', 0n, 400n, { ok: true, value: { status: 'partial', amountPaid: 400n } }],
    ['pending', 0n, 1000n, { ok: true, value: { status: 'paid', amountPaid: 1000n } }],
    ['partial', 400n, 600n, { ok: true, value: { status: 'paid', amountPaid: 1000n } }],
    ['overdue', 400n, 100n, { ok: true, value: { status: 'overdue', amountPaid: 500n } }],
    ['pending', 0n, 1001n, { ok: false, code: 'conflict' }],
    ['partial', 900n, 101n, { ok: false, code: 'conflict' }],
    ['pending', 0n, 0n, { ok: false, code: 'validation' }],
    ['pending', 0n, -5n, { ok: false, code: 'validation' }],
    ['draft', 0n, 100n, { ok: false, code: 'invalid_state' }],
    ['cancelled', 0n, 100n, { ok: false, code: 'invalid_state' }],
    ['refunded', 1000n, 100n, { ok: false, code: 'invalid_state' }],
    ['paid', 1000n, 1n, { ok: false, code: 'invalid_state' }],
  ] as const)('%s invoice with %s paid, paying %s', (status, amountPaid, amount, outcome) => {
    expect(applyPayment({ status, total: 1000n, amountPaid, amountRefunded: 0n, amountCredited: 0n, currency: 'USD' }, amount)).toMatchObject(outcome);
  });

  it('names an overpayment’s limit as money in the invoice’s currency, on the Amount field', () => {
    expect(applyPayment({ status: 'partial', total: 10000n, amountPaid: 4950n, amountRefunded: 0n, amountCredited: 0n, currency: 'EUR' }, 6000n)).toEqual({
      ok: false,
      code: 'conflict',
      message: 'The payment exceeds the balance of €50.50',
      fields: { amount: 'must be at most the balance of €50.50' },
    });
  });

  it.each([
    ['draft', 0n, 0n],
    ['pending', 0n, 1000n],
    ['partial', 300n, 700n],
    ['paid', 1000n, 0n],
    ['cancelled', 0n, 0n],
    ['refunded', 1000n, 0n],
  ] as const)('balance of a %s invoice with %s paid is %s', (status, amountPaid, balance) => {
    expect(balanceOf({ status, total: 1000n, amountPaid, amountRefunded: 0n, amountCredited: 0n })).toBe(balance);
  });
});

describe('giving money back (refunds and credit notes onto the balance)', () => {
  const invoice = (status: InvoiceStatus, amountPaid: bigint, amountRefunded = 0n, amountCredited = 0n) => ({
    status,
    currency: 'USD',
    total: 1000n,
    amountPaid,
    amountRefunded,
    amountCredited,
  });

  it.each([
    // status, paid, refunded, credited → returnable
    ['paid', 1000n, 0n, 0n, 1000n],
    ['paid', 1000n, 0n, 1000n, 0n], // credited in full: nothing left to refund
    ['paid', 1000n, 700n, 300n, 0n],
    ['partial', 400n, 100n, 0n, 300n],
    ['pending', 0n, 0n, 0n, 0n],
  ] as const)('a %s invoice with %s paid, %s refunded, %s credited can give back %s', (status, paid, refunded, credited, returnable) => {
    expect(returnableOf(invoice(status, paid, refunded, credited))).toBe(returnable);
  });

  it.each([
    // status, paid, refunded, credited, note → settles, to balance | refusal
    ['pending', 0n, 0n, 0n, 1000n, { ok: true, value: { settles: 1000n, toBalance: 0n } }],
    ['partial', 600n, 0n, 0n, 1000n, { ok: true, value: { settles: 400n, toBalance: 600n } }],
    ['paid', 1000n, 0n, 0n, 300n, { ok: true, value: { settles: 0n, toBalance: 300n } }],
    ['paid', 1000n, 600n, 0n, 500n, { ok: false, code: 'conflict' }], // refunded money cannot be credited again
    ['paid', 1000n, 0n, 1000n, 1n, { ok: false, code: 'conflict' }],
    ['paid', 1000n, 0n, 0n, 0n, { ok: false, code: 'validation' }],
  ] as const)('a credit note on a %s invoice (%s paid, %s refunded, %s credited) of %s', (status, paid, refunded, credited, amount, outcome) => {
    expect(creditNoteSplit(invoice(status, paid, refunded, credited), amount)).toMatchObject(outcome);
  });

  it('names what a credit note may credit as money', () => {
    expect(creditNoteSplit(invoice('paid', 1000n, 600n), 500n)).toMatchObject({
      message: 'At most $4.00 can be credited: $0.00 still open and $4.00 received and not yet given back',
      fields: { items: 'add up to more than the $4.00 the invoice can still give back' },
    });
  });

  it.each([
    ['paid', 1000n, 0n, 0n, 1000n, true],
    ['paid', 1000n, 400n, 0n, 600n, true],
    ['paid', 1000n, 0n, 0n, 999n, false],
    // What a credit note already credited stays documented by it: the rest is a partial refund.
    ['paid', 1000n, 0n, 300n, 700n, false],
    ['partial', 500n, 0n, 0n, 500n, false],
  ] as const)('a %s invoice (%s paid, %s refunded, %s credited) refunding %s gives back everything: %s', (status, paid, refunded, credited, amount, full) => {
    expect(refundsEverything(invoice(status, paid, refunded, credited), amount)).toBe(full);
  });
});

describe('what the console offers on an invoice', () => {
  const facts = (status: InvoiceStatus, amountPaid: bigint, more: Partial<InvoiceFacts> = {}): InvoiceFacts => ({
    status,
    kind: 'invoice',
    consolidatedIntoId: null,
    total: 1000n,
    amountPaid,
    amountRefunded: 0n,
    amountCredited: 0n,
    currency: 'USD',
    ...more,
  });
  const none: InvoiceActions = {
    finalize: false,
    edit: false,
    recordPayment: false,
    correct: false,
    refund: false,
    cancel: false,
    delete: false,
    send: false,
    regenerateLink: false,
    locked: false,
  };

  // One row per status, in the state that status usually has; then the money and kind guards.
  it.each([
    ['draft', facts('draft', 0n), { finalize: true, edit: true, cancel: true, delete: true }],
    ['pending', facts('pending', 0n), { edit: true, recordPayment: true, correct: true, cancel: true, send: true, regenerateLink: true }],
    ['partial', facts('partial', 400n), { recordPayment: true, correct: true, refund: true, send: true, regenerateLink: true, locked: true }],
    ['overdue', facts('overdue', 0n), { edit: true, recordPayment: true, correct: true, cancel: true, send: true, regenerateLink: true }],
    ['paid', facts('paid', 1000n), { correct: true, refund: true, send: true, regenerateLink: true, locked: true }],
    ['cancelled', facts('cancelled', 0n), { delete: true, send: true, regenerateLink: true }],
    ['refunded', facts('refunded', 1000n, { amountRefunded: 1000n }), { send: true, regenerateLink: true, locked: true }],
    ['overdue, part paid', facts('overdue', 400n), { recordPayment: true, correct: true, refund: true, send: true, regenerateLink: true, locked: true }],
    ['paid, credited in full', facts('paid', 1000n, { amountCredited: 1000n }), { correct: true, send: true, regenerateLink: true, locked: true }],
    ['part paid, merged into another', facts('cancelled', 400n, { consolidatedIntoId: 'parent' }), { send: true, regenerateLink: true, locked: true }],
    ['paid debit note', facts('paid', 1000n, { kind: 'debit_note' }), { refund: true, send: true, regenerateLink: true, locked: true }],
    ['paid credit note', facts('paid', 1000n, { kind: 'credit_note' }), { send: true, regenerateLink: true, locked: true }],
    ['pending proforma', facts('pending', 0n, { kind: 'proforma' }), { edit: true, recordPayment: true, cancel: true, send: true, regenerateLink: true }],
  ] as const)('%s', (_, invoice, allowed) => {
    expect(invoiceActions(invoice)).toEqual({ ...none, ...allowed });
  });

  // An order's first invoice a proforma asked for before payment takes the place of.
  it.each([
    ['pending', facts('pending', 0n), true],
    ['overdue', facts('overdue', 0n), true],
    ['draft', facts('draft', 0n), false],
    ['part paid', facts('partial', 400n), false],
    ['overdue, part paid', facts('overdue', 400n), false],
    ['paid', facts('paid', 1000n), false],
    ['cancelled', facts('cancelled', 0n), false],
    ['merged into another', facts('cancelled', 0n, { consolidatedIntoId: 'parent' }), false],
    ['a proforma itself', facts('pending', 0n, { kind: 'proforma' }), false],
  ] as const)('a proforma replaces a %s first invoice: %s', (_, invoice, replaced) => {
    expect(replaceableByProforma(invoice)).toBe(replaced);
  });
});
