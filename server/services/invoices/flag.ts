import { eq } from 'drizzle-orm';
import { invoices } from '@/db/schema';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { lockInvoiceAndCustomer } from './store';

/** A chargeback opened on one of the invoice's payments: marked on the invoice for the desk. */
export async function flagDispute(
  ctx: ServiceContext,
  input: { invoiceId: string; disputeId: string; amount: bigint; currency: string; reason: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoiceAndCustomer(tx, { kind: 'all' }, input.invoiceId);
    await tx
      .update(invoices)
      .set({ disputedAt: invoice.disputedAt ?? ctx.now, updatedAt: ctx.now })
      .where(eq(invoices.id, invoice.id));
    await audit(
      tx,
      ctx.actor,
      'invoice.disputed',
      { type: 'invoice', id: invoice.id },
      {
        before: { disputedAt: invoice.disputedAt },
        after: { disputedAt: invoice.disputedAt ?? ctx.now, dispute: input.disputeId, amount: input.amount, currency: input.currency, reason: input.reason },
      },
    );
  });
}

/** A gateway refused a payment the customer attempted; the invoice stays as it was. */
export async function noteDeniedPayment(ctx: ServiceContext, input: { invoiceId: string; providerPaymentId: string; reason: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoiceAndCustomer(tx, { kind: 'all' }, input.invoiceId);
    await audit(tx, ctx.actor, 'invoice.payment_denied', { type: 'invoice', id: invoice.id }, { after: input });
  });
}
