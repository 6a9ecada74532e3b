import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { creditLedger, invoiceLines, invoices } from '@/db/schema';
import { requirePermission, type Actor } from '@/server/auth/actor';
import { formatMinor } from '@/server/billing/currency';
import { toPlainDate } from '@/server/billing/periods';
import { topUpBounds } from '@/server/billing/top-up';
import { AppError } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { findCustomer } from '@/server/services/customers/store';
import { customerSnapshot } from '@/server/services/invoices/snapshot';
import { insertLines, loadInvoice, nextNumber, priceItems, type InvoiceRow, type InvoiceView } from '@/server/services/invoices/store';
import { lockCustomer } from '@/server/services/locks';
import { payMassPaymentInvoices } from '@/server/services/payments/mass-pay';
import { readBillingSettings } from '@/server/services/settings/read';
import { publishIssuedDocuments } from '@/server/services/webhooks/publish';

/*
 * Credit bought with an invoice (docs/prepaid-cards.md): a portal top-up paid by card or PayPal,
 * or a prepaid card's redemption paid by the card. The invoice has purpose `top_up` and one
 * untaxed line (credit is a deposit; what it later pays is taxed on that invoice), and paying it
 * in full puts its total on the credit balance, once, in the paying transaction.
 */

/**
 * A numbered, pending `top_up` invoice for `amount`, due at once, published as `invoice.created`;
 * the caller holds the customer's lock.
 */
export async function issueTopUpInvoice(
  tx: Database,
  now: Date,
  customer: { id: string; currency: string },
  amount: bigint,
  description: string,
): Promise<InvoiceRow> {
  const settings = await readBillingSettings(tx);
  const issueDate = toPlainDate(now);
  const { lines, totals } = priceItems([{ description, quantity: 1000n, unitPrice: amount, taxRate: 0n }], settings.tax_mode, 0n);
  const [row] = await tx
    .insert(invoices)
    .values({
      kind: 'invoice',
      status: 'pending',
      number: await nextNumber(tx, 'invoice', issueDate, settings),
      customerSnapshot: customerSnapshot(customer.id),
      customerId: customer.id,
      currency: customer.currency,
      taxMode: settings.tax_mode,
      issueDate,
      dueDate: issueDate,
      subtotal: totals.subtotal,
      taxTotal: totals.tax,
      total: totals.total,
      purpose: 'top_up',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await insertLines(tx, row!.id, lines);
  await publishIssuedDocuments(tx, [row!.id], now);
  return row!;
}

/**
 * Settlement's part for top-up invoices just paid in full: each puts its total on the credit
 * balance, and a mass payment's then pays its invoices. The entry's reference is unique, so however a payment is replayed the credit is
 * written once.
 */
export async function creditPaidTopUps(tx: Database, actor: Actor, invoiceIds: readonly string[], now: Date): Promise<void> {
  if (invoiceIds.length === 0) return;
  const paid = await tx
    .select({ id: invoices.id, customerId: invoices.customerId, total: invoices.total, currency: invoices.currency, description: invoiceLines.description })
    .from(invoices)
    .innerJoin(invoiceLines, and(eq(invoiceLines.invoiceId, invoices.id), eq(invoiceLines.position, 0)))
    .where(and(inArray(invoices.id, invoiceIds), eq(invoices.purpose, 'top_up')));
  for (const invoice of paid) {
    const [entry] = await tx
      .insert(creditLedger)
      .values({
        customerId: invoice.customerId,
        kind: 'top_up',
        amount: invoice.total,
        currency: invoice.currency,
        reason: invoice.description,
        invoiceId: invoice.id,
        reference: `top-up:${invoice.id}`,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!entry) continue;
    await audit(tx, actor, 'customer.credit_topped_up', { type: 'customer', id: invoice.customerId }, { after: entry });
    await payMassPaymentInvoices(tx, invoice.id, invoice.total, now);
  }
}

/**
 * A customer buys credit: a pending top-up invoice they then pay like any other (the invoice
 * page's card and PayPal buttons). A client tops up its own account; the desk (invoices.create)
 * issues one for a customer in its book.
 */
export async function startTopUp(ctx: ServiceContext, input: { customerId: string; amount: bigint }): Promise<InvoiceView> {
  if (ctx.actor.scope.kind !== 'customer') requirePermission(ctx.actor, 'invoices.create');
  return ctx.db.transaction(async (tx) => {
    const customer = await findCustomer(tx, ctx.actor.scope, input.customerId);
    await lockCustomer(tx, customer.id);
    const { min, max } = topUpBounds(customer.currency);
    if (input.amount < min || input.amount > max) {
      const range = `${formatMinor(min, customer.currency)}–${formatMinor(max, customer.currency)} ${customer.currency}`;
      throw new AppError('validation', `A top-up is ${range}`, { amount: `must be ${range}` });
    }
    const row = await issueTopUpInvoice(tx, ctx.now, customer, input.amount, 'Account credit top-up');
    const invoice = await loadInvoice(tx, { kind: 'all' }, row.id);
    await audit(tx, ctx.actor, 'invoice.created', { type: 'invoice', id: invoice.id }, { after: invoice });
    return invoice;
  });
}
