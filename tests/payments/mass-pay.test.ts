import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { creditLedger, payments } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { systemActor } from '@/server/auth/actor';
import { creditBalance } from '@/server/services/credit/balance';
import { createInvoice } from '@/server/services/invoices/create';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { loadInvoice } from '@/server/services/invoices/store';
import { recordGatewayPayment } from '@/server/services/payments/record-gateway-payment';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenInvoice, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
const now = new Date('2027-01-31T10:00:00Z');
const system = () => ctxOf(db(), systemActor(), now);
const origin = 'http://portal.test';

async function clientWithInvoices(amounts: Array<{ total: bigint; due: string }>) {
  const customer = await givenCustomer(db(), { currency: 'USD' });
  const client = await givenUser(db(), 'client', { customerId: customer.id });
  const invoices = [];
  for (const { total, due } of amounts) {
    invoices.push(
      await createInvoice(system(), {
        customerId: customer.id,
        status: 'pending',
        issueDate: '2027-01-01',
        dueDate: due,
        items: [{ description: 'Hosting', quantity: 1000n, unitPrice: total, taxRate: 0n }],
      }),
    );
  }
  return { customer, invoices, trpc: createCaller({ db: db(), actor: client.actor, origin }) };
}

const balances = async (ids: string[]) => Promise.all(ids.map(async (id) => (await loadInvoice(db(), { kind: 'all' }, id)).balance));
const webhook = (invoiceId: string, amount: bigint, id: string) =>
  recordGatewayPayment(system(), { invoiceId, provider: 'stripe', providerPaymentId: id, amount, currency: 'USD', paidAt: now, via: 'webhook' });

describe('Mass pay', () => {
  it('one payment of the total pays each invoice to the cent, earliest due first; a webhook delivered twice pays once', async () => {
    const { customer, invoices, trpc } = await clientWithInvoices([
      { total: 1999n, due: '2027-02-20' },
      { total: 3333n, due: '2027-01-15' },
      { total: 1n, due: '2027-02-01' },
    ]);
    const ids = invoices.map((i) => i.id);
    const massPayment = await trpc.portal.massPay({ ids, idempotencyKey: `mass-${ids[0]}` });
    expect(massPayment).toMatchObject({ purpose: 'top_up', status: 'pending', total: 5333n, currency: 'USD' });
    expect(massPayment.lines[0]!.description).toBe(`Payment of invoices ${invoices[1]!.number}, ${invoices[2]!.number}, ${invoices[0]!.number}`);

    const [first, again] = await Promise.all([webhook(massPayment.id, 5333n, 'pi_mass_1'), webhook(massPayment.id, 5333n, 'pi_mass_1')]);
    expect([first.recorded, again.recorded].sort()).toEqual([false, true]);
    await webhook(massPayment.id, 5333n, 'pi_mass_1');

    expect(await balances([massPayment.id, ...ids])).toEqual([0n, 0n, 0n, 0n]);
    const applied = await db()
      .select({ invoiceId: creditLedger.invoiceId, amount: creditLedger.amount })
      .from(creditLedger)
      .where(and(eq(creditLedger.customerId, customer.id), eq(creditLedger.kind, 'applied_to_invoice')));
    expect(applied.sort((a, b) => Number(a.amount - b.amount))).toEqual(
      [
        { invoiceId: invoices[1]!.id, amount: -3333n },
        { invoiceId: invoices[0]!.id, amount: -1999n },
        { invoiceId: invoices[2]!.id, amount: -1n },
      ].sort((a, b) => Number(a.amount - b.amount)),
    );
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(0n);
    expect(await db().select().from(payments).where(eq(payments.invoiceId, massPayment.id))).toHaveLength(1);
  });

  it('leaves on the credit balance what an invoice paid meanwhile no longer needs', async () => {
    const { customer, invoices, trpc } = await clientWithInvoices([
      { total: 1000n, due: '2027-02-01' },
      { total: 2500n, due: '2027-02-02' },
    ]);
    const massPayment = await trpc.portal.massPay({ ids: invoices.map((i) => i.id), idempotencyKey: `mass-${invoices[0]!.id}` });
    await markInvoicePaid(system(), { id: invoices[0]!.id, method: 'cash' });
    await webhook(massPayment.id, 3500n, 'pi_mass_2');
    expect(await balances(invoices.map((i) => i.id))).toEqual([0n, 0n]);
    expect(await creditBalance(db(), customer.id, 'USD')).toBe(1000n);
  });

  it('pays only the client’s own open invoices, in one currency', async () => {
    const { invoices, trpc } = await clientWithInvoices([{ total: 1000n, due: '2027-02-01' }]);
    const other = await givenInvoice(db(), { total: 500n });
    await expect(trpc.portal.massPay({ ids: [invoices[0]!.id, other.id], idempotencyKey: `mass-x-${other.id}` })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await markInvoicePaid(system(), { id: invoices[0]!.id, method: 'cash' });
    await expect(trpc.portal.massPay({ ids: [invoices[0]!.id], idempotencyKey: `mass-y-${other.id}` })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
