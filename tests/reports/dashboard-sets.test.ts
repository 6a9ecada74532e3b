import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invoices } from '@/db/schema';
import { invoiceSetQuery, paymentSetQuery } from '@/server/billing/dashboard-sets';
import { addDays, toPlainDate } from '@/server/billing/periods';
import { camelized } from '@/server/schemas/common';
import { listInvoicesInput } from '@/server/schemas/invoices';
import { createInvoice } from '@/server/services/invoices/create';
import { listInvoices } from '@/server/services/invoices/list';
import { recordPayment } from '@/server/services/payments/record';
import { dashboardSummary } from '@/server/services/reports/dashboard';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenCustomer, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const today = toPlainDate(testNow);

describe('the dashboard cards and the lists they open', () => {
  it('count exactly the invoices and payments their View all links select', async () => {
    const admin = await givenUser(db(), 'admin');
    const ctx = ctxOf(db(), admin.actor, testNow);
    const customer = await givenCustomer(db(), { currency: 'USD' });
    const invoice = (dueDate: string, total = 1000n) =>
      createInvoice(ctx, {
        customerId: customer.id,
        status: 'pending',
        issueDate: addDays(today, -20),
        dueDate,
        items: [{ description: 'Hosting', quantity: 1000n, unitPrice: total, taxRate: 0n }],
      });
    await invoice(addDays(today, 2));
    const partial = await invoice(addDays(today, 5));
    await recordPayment(ctx, { invoiceId: partial.id, amount: 400n, method: 'cash' });
    await invoice(addDays(today, 30));
    const late = await invoice(addDays(today, -3));
    await db().update(invoices).set({ status: 'overdue' }).where(eq(invoices.id, late.id));
    const paid = await invoice(addDays(today, 3));
    await recordPayment(ctx, { invoiceId: paid.id, amount: 600n, method: 'cash', paidAt: new Date(`${addDays(today, -40)}T12:00:00Z`) });
    await recordPayment(ctx, { invoiceId: paid.id, amount: 400n, method: 'cash' });

    const summary = await dashboardSummary(ctx);
    const listed = async (query: string) => {
      const input = camelized(listInvoicesInput).parse({ ...Object.fromEntries(new URLSearchParams(query)), limit: 200 });
      return (await listInvoices(ctx, input)).items.length;
    };

    expect(invoiceSetQuery(summary.sets.unpaid)).toBe('status=pending,partial,overdue');
    expect(summary.unpaid[0]?.count).toBe(4);
    expect(await listed(invoiceSetQuery(summary.sets.unpaid))).toBe(4);
    expect(await listed(invoiceSetQuery(summary.sets.overdue))).toBe(summary.overdue[0]?.count);
    expect(invoiceSetQuery(summary.sets.dueSoon)).toBe(`status=pending,partial&date_field=due&from=${today}&to=${addDays(today, 7)}`);
    expect(summary.dueSoonCount).toBe(2);
    expect(await listed(invoiceSetQuery(summary.sets.dueSoon))).toBe(2);
    expect(summary.dueSoon.map((i) => i.id)).toEqual(expect.arrayContaining([partial.id]));

    // The payments list selects by the day paid: the one paid 40 days ago is outside the card.
    expect(paymentSetQuery(summary.sets.payments)).toBe(`from=${addDays(today, -29)}&to=${today}`);
    expect(summary.paymentCount).toBe(2);
    expect(summary.recent).toHaveLength(2);
  });
});
