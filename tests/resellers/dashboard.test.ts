import { describe, expect, it } from 'vitest';
import { recordPayment } from '@/server/services/payments/record';
import { dashboardSummary } from '@/server/services/reports/dashboard';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();

describe('the dashboard of the reseller console', () => {
  it("shows a reseller its own book's unpaid totals and payments, never another reseller's", async () => {
    const mine = await givenUser(db(), 'reseller');
    const rival = await givenUser(db(), 'reseller');
    const myCustomer = await givenCustomer(db(), { currency: 'USD' }, { actor: mine.actor });
    const rivalCustomer = await givenCustomer(db(), { currency: 'USD' }, { actor: rival.actor });
    await givenInvoice(db(), { customerId: myCustomer.id, total: 2500n });
    const myPaid = await givenInvoice(db(), { customerId: myCustomer.id, total: 1000n });
    const rivalOpen = await givenInvoice(db(), { customerId: rivalCustomer.id, total: 9900n });
    await recordPayment(ctxOf(db(), mine.actor, testNow), { invoiceId: myPaid.id, amount: 1000n, method: 'cash' });
    await recordPayment(ctxOf(db(), rival.actor, testNow), { invoiceId: rivalOpen.id, amount: 100n, method: 'cash' });

    const summary = await dashboardSummary(ctxOf(db(), mine.actor, testNow));
    expect(summary.unpaid).toEqual([{ currency: 'USD', amount: 2500n, count: 1 }]);
    expect(summary.recent.map((p) => p.invoiceId)).toEqual([myPaid.id]);
    const seen = JSON.stringify(summary, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    expect(seen).not.toContain(rivalOpen.id);
    expect(seen).not.toContain(rivalCustomer.name);
  });

  it('is refused to a reseller without invoices.view', async () => {
    const blind = await givenUser(db(), 'reseller', { permissions: [] });
    await expect(dashboardSummary(ctxOf(db(), blind.actor, testNow))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
