import { describe, expect, it } from 'vitest';
import { changeList, fieldLabel, outputFacts, recordHref } from './audit-changes';

const invoiceId = '0b8f3c1e-8d2a-4c59-9a8e-1f2d3c4b5a69';

describe('an audit entry as a change list', () => {
  it('says each changed field in words, old → new', () => {
    expect(changeList({ status: 'pending' }, { status: 'paid', reason: 'paid at the counter' })).toEqual([
      { field: 'Status', before: { text: 'Pending' }, after: { text: 'Paid' } },
      { field: 'Reason', after: { text: 'paid at the counter' } },
    ]);
  });

  it('leaves out what did not change and words methods, permissions, flags and moments', () => {
    const changes = changeList(
      { paymentMethod: 'cash', number: 'INV-1', permissions: ['orders.view'], disputed: false, at: null },
      { paymentMethod: 'bank_transfer', number: 'INV-1', permissions: ['orders.view', 'orders.edit'], disputed: true, at: '2026-12-07T10:30:00.000Z' },
    );
    expect(changes.map((c) => `${c.field}: ${c.before?.text} → ${c.after?.text}`)).toEqual([
      'Payment method: Cash → Bank transfer',
      'Permissions: See orders → See orders, Edit orders',
      'Disputed: No → Yes',
      'At: — → 7 Dec 2026, 10:30 UTC',
    ]);
  });

  it('links the records it names and shows money in the entry’s currency', () => {
    const [link, amount] = changeList(undefined, { paidInvoiceId: invoiceId, amount: '5050', currency: 'USD' });
    expect(link).toEqual({ field: 'Paid invoice', after: { text: 'Open paid invoice', href: `/admin/invoices/${invoiceId}` } });
    expect(amount).toEqual({ field: 'Amount', after: { text: '$50.50' } });
  });

  it('reads a job’s output as facts', () => {
    expect(outputFacts({ invoicesCreated: 3, date: '2026-12-07' })).toEqual([
      { field: 'Invoices created', after: { text: '3' } },
      { field: 'Date', after: { text: '2026-12-07' } },
    ]);
  });

  it('knows which records have a page', () => {
    expect(recordHref('order', invoiceId, '/reseller')).toBe(`/reseller/orders/${invoiceId}`);
    expect(recordHref('api_key', invoiceId)).toBeUndefined();
    expect(fieldLabel('due_date')).toBe('Due date');
  });
});
