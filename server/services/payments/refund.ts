import { and, desc, eq, sql } from 'drizzle-orm';
import { creditLedger, invoices, payments, refunds } from '@/db/schema';
import { bigintValue } from '@/db/sql';
import { requirePermission } from '@/server/auth/actor';
import { formatMoney } from '@/server/billing/currency';
import { MILLI } from '@/server/billing/decimal';
import { invoiceTransition, refundRefusal, refundsEverything, returnableOf, type InvoiceStatus } from '@/server/billing/invoice-status';
import { toPlainDate } from '@/server/billing/periods';
import { AppError } from '@/server/errors';
import { emitEvents } from '@/server/jobs/runtime';
import { gatewayFor } from '@/server/payments/gateway';
import type { RefundInput } from '@/server/schemas/invoices';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { creditBalance } from '@/server/services/credit/balance';
import { issueDocument } from '@/server/services/invoices/issue-document';
import { loadInvoice, lockInvoiceAndCustomer, moneyOf, type InvoiceView } from '@/server/services/invoices/store';
import { recordLedgerMovement } from '@/server/services/ledger/record';
import { writeOrPreview } from '@/server/services/preview';
import { readBillingSettings } from '@/server/services/settings/read';
import { publishWebhookEvents } from '@/server/services/webhooks/publish';

export type RefundRow = typeof refunds.$inferSelect;

// Spelled out with table names: drizzle renders a column inside a select list unqualified, and
// an unqualified "id" in this subquery would be the refund's own id (every payment read as unrefunded).
const refundedSoFar = sql<bigint>`coalesce((select sum(r.amount) from refunds r where r.payment_id = "payments"."id"), 0)::bigint`.mapWith(bigintValue);

/**
 * Returns money: through the gateway it came from, recorded for a manual method, or onto the
 * credit balance. All of it back makes the invoice `refunded`; part of it issues a credit note.
 * A preview answers with the refund, credit note and invoice this would write, and asks no gateway.
 */
export async function refundPayment(
  ctx: ServiceContext,
  input: RefundInput & {
    invoiceId: string;
    /** A refund the gateway already made (from its dashboard): record it, call nobody. */
    external?: { providerRefundId: string } | undefined;
  },
): Promise<{ refund: RefundRow; invoice: InvoiceView; creditNoteId: string | null; creditNote: InvoiceView | null }> {
  requirePermission(ctx.actor, 'payments.refund');
  return writeOrPreview(ctx.db, input.preview, async (tx) => {
    const invoice = await lockInvoiceAndCustomer(tx, ctx.actor.scope, input.invoiceId);
    const refusal = refundRefusal(invoice);
    if (refusal) throw new AppError('invalid_state', refusal);
    const refundable = returnableOf(moneyOf(invoice));

    const candidates = await tx
      .select({ payment: payments, refunded: refundedSoFar })
      .from(payments)
      // Money received in another currency went to credit, never onto this invoice's balance.
      .where(and(eq(payments.invoiceId, invoice.id), eq(payments.currency, invoice.currency), input.paymentId ? eq(payments.id, input.paymentId) : undefined))
      .orderBy(desc(payments.paidAt));
    if (input.paymentId && candidates.length === 0) throw new AppError('validation', 'Unknown payment', { payment_id: 'is not a payment of this invoice' });
    const amount = input.amount ?? (input.paymentId ? candidates[0]!.payment.amount - candidates[0]!.refunded : refundable);
    if (amount <= 0n) throw new AppError('invalid_state', 'This payment is already refunded in full', { payment_id: 'is already refunded in full' });
    if (amount > refundable) {
      throw new AppError('conflict', `At most ${refundable} can be refunded`, {
        amount: 'exceeds what was paid and not yet given back (refunds and credit notes)',
      });
    }
    // A top-up's money bought credit: giving the money back takes that credit back, so only what
    // is still unspent can go (the customer's lock, held, keeps a payment from spending it meanwhile).
    if (invoice.purpose === 'top_up') {
      if (input.toCredit) throw new AppError('invalid_state', 'A top-up is already credit; refund it as money', { to_credit: 'must be false for a top-up' });
      const unspent = await creditBalance(tx, invoice.customerId, invoice.currency);
      if (unspent < amount) {
        throw new AppError('invalid_state', `Only ${formatMoney(unspent > 0n ? unspent : 0n, invoice.currency)} of the credit is unspent`, {
          amount: `must be at most the unspent credit, ${formatMoney(unspent > 0n ? unspent : 0n, invoice.currency)}`,
        });
      }
    }
    const source = candidates.find((c) => c.payment.amount - c.refunded >= amount);
    if (!source) {
      throw new AppError('validation', 'No single payment covers this amount', { payment_id: 'name the payment to refund, or refund less' });
    }

    let providerRefundId: string | null = null;
    const { payment } = source;
    if (input.external) providerRefundId = input.external.providerRefundId;
    else if (!input.toCredit && payment.provider && payment.providerId) {
      const gateway = await gatewayFor(tx, payment.provider);
      if (!gateway) throw new AppError('payment_failed', `No ${payment.provider} gateway is configured; refund to credit instead`);
      // A preview only learns that the gateway could be asked; asking it would move the money.
      if (!input.preview) {
        const result = await gateway.refund({
          providerPaymentId: payment.providerId,
          amount,
          currency: invoice.currency,
          idempotencyKey: `refund:${payment.id}:${source.refunded}:${amount}`,
        });
        providerRefundId = result.providerRefundId;
      }
    }

    const full = refundsEverything(moneyOf(invoice), amount);
    let creditNoteId: string | null = null;
    if (!full) {
      const note = await issueDocument(tx, {
        kind: 'credit_note',
        customerId: invoice.customerId,
        currency: invoice.currency,
        orderId: invoice.orderId,
        correctsInvoiceId: invoice.id,
        purpose: 'correction',
        items: [{ description: `Refund on ${invoice.number}${input.reason ? `: ${input.reason}` : ''}`, quantity: MILLI, unitPrice: amount, taxRate: 0n }],
        today: toPlainDate(ctx.now),
        now: ctx.now,
        settings: await readBillingSettings(tx),
      });
      creditNoteId = note.id;
    }
    const [refund] = await tx
      .insert(refunds)
      .values({
        invoiceId: invoice.id,
        paymentId: payment.id,
        amount,
        currency: invoice.currency,
        toCredit: input.toCredit,
        method: payment.method,
        reason: input.reason ?? null,
        provider: providerRefundId ? payment.provider : null,
        providerId: providerRefundId,
        creditNoteId,
        createdAt: ctx.now,
        refundedAt: ctx.now,
      })
      .returning();
    await recordLedgerMovement(tx, ctx.actor, ctx.now, {
      type: 'refund',
      amount,
      currency: invoice.currency,
      customerId: invoice.customerId,
      invoiceId: invoice.id,
      paymentId: payment.id,
      refundId: refund!.id,
      reference: input.reason,
    });
    if (invoice.purpose === 'top_up') {
      await tx.insert(creditLedger).values({
        customerId: invoice.customerId,
        kind: 'payout',
        amount: -amount,
        currency: invoice.currency,
        reason: `Top-up ${invoice.number} refunded`,
        invoiceId: invoice.id,
        createdAt: ctx.now,
      });
    }
    if (input.toCredit) {
      await tx.insert(creditLedger).values({
        customerId: invoice.customerId,
        kind: 'refund_to_credit',
        amount,
        currency: invoice.currency,
        reason: `Refund of ${invoice.number} to credit`,
        invoiceId: invoice.id,
        createdAt: ctx.now,
      });
    }
    let status: InvoiceStatus = invoice.status;
    if (full) {
      const next = invoiceTransition(moneyOf(invoice), 'refund_full');
      if (!next.ok) throw new AppError(next.code, next.message);
      status = next.value;
    }
    await tx
      .update(invoices)
      .set({ amountRefunded: invoice.amountRefunded + amount, status, updatedAt: ctx.now })
      .where(eq(invoices.id, invoice.id));
    await audit(
      tx,
      ctx.actor,
      'invoice.refunded',
      { type: 'invoice', id: invoice.id },
      {
        before: { status: invoice.status, amountRefunded: invoice.amountRefunded },
        after: { status, amountRefunded: invoice.amountRefunded + amount, refund },
      },
    );
    await emitEvents(tx, [{ name: 'refund/issued', id: `refund-issued:${refund!.id}`, data: { invoiceId: invoice.id, refundId: refund!.id } }]);
    await publishWebhookEvents(tx, 'refund.created', 'refund', [refund!.id], ctx.now);
    return {
      refund: refund!,
      invoice: await loadInvoice(tx, { kind: 'all' }, invoice.id),
      creditNoteId,
      creditNote: creditNoteId ? await loadInvoice(tx, { kind: 'all' }, creditNoteId) : null,
    };
  });
}
