import { describe, expect, it } from 'vitest';
import { adjustCredit } from '@/server/services/credit/adjust';
import { recordPayment } from '@/server/services/payments/record';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();

describe('refusals that name money', () => {
  it('say an overpayment’s limit in the invoice’s currency, on the Amount field', async () => {
    const admin = await givenUser(db(), 'admin');
    const customer = await givenCustomer(db(), { currency: 'EUR' });
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 5050n, currency: 'EUR' });
    await expect(recordPayment(ctxOf(db(), admin.actor, testNow), { invoiceId: invoice.id, amount: 6000n, method: 'cash' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'The payment exceeds the balance of €50.50',
      fields: { amount: 'must be at most the balance of €50.50' },
    });
  });

  it('say a debit’s limit as the credit balance in money', async () => {
    const admin = await givenUser(db(), 'admin');
    const customer = await givenCustomer(db(), { currency: 'USD' });
    const ctx = ctxOf(db(), admin.actor, testNow);
    await adjustCredit(ctx, { customerId: customer.id, amount: 1250n, reason: 'Goodwill' });
    await expect(adjustCredit(ctx, { customerId: customer.id, amount: -2000n, reason: 'Oops' })).rejects.toMatchObject({
      message: 'The credit balance is $12.50; it cannot go below zero',
      fields: { amount: 'would take the balance of $12.50 below zero' },
    });
  });
});
