import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { payments } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { withTestDatabase } from '../support/database';
import { givenCustomer, givenInvoice, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();

describe('console money actions carry an idempotency key', () => {
  it('records a payment once however often the same attempt arrives, even all at once', async () => {
    const admin = await givenUser(db(), 'admin');
    const trpc = createCaller({ db: db(), actor: admin.actor, origin: 'http://localhost' });
    const customer = await givenCustomer(db());
    const invoice = await givenInvoice(db(), { customerId: customer.id, total: 1000n });
    const attempt = { id: invoice.id, amount: 300, method: 'cash' as const, idempotencyKey: 'pay-attempt-000000000001' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => trpc.invoices.recordPayment(attempt)));
    expect(new Set(answers.map((a) => a.payment.id)).size).toBe(1);
    expect(answers[0]!.invoice).toMatchObject({ status: 'partial', amountPaid: 300n });
    expect(await db().select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(1);

    await expect(trpc.invoices.recordPayment({ ...attempt, amount: 400 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(trpc.invoices.recordPayment({ id: invoice.id, amount: 300, method: 'cash' } as typeof attempt)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await trpc.invoices.recordPayment({ ...attempt, idempotencyKey: 'pay-attempt-000000000002' });
    expect(await db().select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(2);
  });

  it('leaves the key free after a refused attempt, so the corrected one goes through', async () => {
    const admin = await givenUser(db(), 'admin');
    const trpc = createCaller({ db: db(), actor: admin.actor, origin: 'http://localhost' });
    const invoice = await givenInvoice(db(), { total: 1000n });
    const key = 'pay-attempt-000000000003';
    await expect(trpc.invoices.recordPayment({ id: invoice.id, amount: 5000, method: 'cash', idempotencyKey: key })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const paid = await trpc.invoices.recordPayment({ id: invoice.id, amount: 1000, method: 'cash', idempotencyKey: key });
    expect(paid.invoice.status).toBe('paid');
  });
});
