import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { invoices, massPaymentItems } from '@/db/schema';
import { requirePermission, systemActor } from '@/server/auth/actor';
import { awaitsPayment } from '@/server/documents/model';
import { AppError } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { drawCredit } from '@/server/services/credit/apply';
import { issueTopUpInvoice } from '@/server/services/credit/top-up';
import { loadInvoice, type InvoiceView } from '@/server/services/invoices/store';
import { lockCustomer } from '@/server/services/locks';

/*
 * Mass payment ("Pay selected" on the portal's invoice list, WHMCS's Mass Pay): one checkout for
 * several open invoices. It is a credit top-up for the sum of their balances that remembers
 * what it pays: the card or PayPal payment of it goes through the top-up's path unchanged (a
 * redelivered webhook finds its payment and records nothing), and the settlement that puts the
 * money on the credit balance applies it at once to the invoices, earliest due first.
 */

/** A pending mass-payment invoice for the balances of `ids` (one customer, one currency), to pay on its pay page. */
export async function startMassPayment(ctx: ServiceContext, input: { ids: readonly string[] }): Promise<InvoiceView> {
  if (ctx.actor.scope.kind !== 'customer') requirePermission(ctx.actor, 'invoices.create');
  return ctx.db.transaction(async (tx) => {
    const chosen: InvoiceView[] = [];
    for (const id of new Set(input.ids)) chosen.push(await loadInvoice(tx, ctx.actor.scope, id));
    const first = chosen[0]!;
    if (chosen.some((invoice) => invoice.customerId !== first.customerId)) {
      throw new AppError('validation', 'A mass payment pays invoices of one customer', { ids: 'must all be invoices of one customer' });
    }
    if (chosen.some((invoice) => invoice.currency !== first.currency)) {
      throw new AppError('validation', 'Invoices in different currencies are paid apart', { ids: 'must all be in one currency' });
    }
    const closed = chosen.find((invoice) => !awaitsPayment(invoice) || invoice.purpose === 'top_up');
    if (closed)
      throw new AppError('validation', `Invoice ${closed.number ?? 'draft'} has nothing to pay`, { ids: `${closed.number ?? 'a draft'} is not open` });

    await lockCustomer(tx, first.customerId);
    const ordered = chosen.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || (a.number ?? '').localeCompare(b.number ?? ''));
    const total = ordered.reduce((sum, invoice) => sum + invoice.balance, 0n);
    const numbers = ordered.map((invoice) => invoice.number).join(', ');
    const row = await issueTopUpInvoice(tx, ctx.now, { id: first.customerId, currency: first.currency }, total, `Payment of invoices ${numbers}`);
    await tx.insert(massPaymentItems).values(ordered.map((invoice) => ({ massPaymentId: row.id, invoiceId: invoice.id })));
    const massPayment = await loadInvoice(tx, { kind: 'all' }, row.id);
    await audit(tx, ctx.actor, 'invoice.mass_payment_started', { type: 'invoice', id: row.id }, { after: { ...massPayment, pays: numbers } });
    return massPayment;
  });
}

/**
 * Settlement's part for a mass payment whose money has just reached the credit balance: that
 * money pays its invoices in due-date order, each at most its balance now. One paid meanwhile
 * another way takes nothing; what is left stays on the credit balance. Runs in the paying
 * transaction under the customer's lock, once (the caller's top-up credit entry is unique).
 */
export async function payMassPaymentInvoices(tx: Database, massPaymentId: string, amount: bigint, now: Date): Promise<void> {
  const items = await tx
    .select({ id: invoices.id, number: invoices.number })
    .from(massPaymentItems)
    .innerJoin(invoices, eq(invoices.id, massPaymentItems.invoiceId))
    .where(eq(massPaymentItems.massPaymentId, massPaymentId))
    .orderBy(asc(invoices.dueDate), asc(invoices.number));
  const ctx: ServiceContext = { db: tx, actor: systemActor(), now };
  let left = amount;
  for (const item of items) {
    if (left <= 0n) break;
    const invoice = await loadInvoice(tx, { kind: 'all' }, item.id);
    if (!awaitsPayment(invoice)) continue;
    const take = invoice.balance < left ? invoice.balance : left;
    await drawCredit(ctx, { invoiceId: invoice.id, amount: take, reference: 'Mass payment' });
    left -= take;
  }
}
