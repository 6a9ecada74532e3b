import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { creditLedger, invoices, payments } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { formatMoney } from '@/server/billing/currency';
import { applyPayment } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import { emitEvents } from '@/server/jobs/runtime';
import type { PaymentMethod } from '@/server/schemas/invoices';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { creditBalance } from '@/server/services/credit/balance';
import { settleInvoice } from '@/server/services/invoices/settle';
import { loadInvoice, lockInvoiceAndCustomer, moneyOf, type InvoiceRow, type InvoiceView } from '@/server/services/invoices/store';
import { recordLedgerMovement } from '@/server/services/ledger/record';
import { publishWebhookEvents } from '@/server/services/webhooks/publish';

export type PaymentRow = typeof payments.$inferSelect;

export type RecordPaymentRequest = {
  invoiceId: string;
  amount: bigint;
  method: PaymentMethod;
  reference?: string | undefined;
  paidAt?: Date | undefined;
  /** A gateway payment's identity: the same (provider, id) twice records one payment. */
  gateway?: { provider: string; id: string } | undefined;
};

/**
 * Records money received against an invoice: under the customer's lock and the invoice's row
 * lock, so racing payments can never take an invoice past its total.
 */
export async function recordPayment(ctx: ServiceContext, request: RecordPaymentRequest): Promise<{ payment: PaymentRow; invoice: InvoiceView }> {
  requirePermission(ctx.actor, 'invoices.edit');
  const paidAt = request.paidAt ?? ctx.now;
  if (paidAt.getTime() > ctx.now.getTime()) {
    throw new AppError('validation', 'A payment cannot be dated in the future', { paid_at: 'must not be in the future' });
  }
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoiceAndCustomer(tx, ctx.actor.scope, request.invoiceId);

    const existing = request.gateway && (await findGatewayPayment(tx, request.gateway.provider, request.gateway.id));
    if (existing) return { payment: existing, invoice: await loadInvoice(tx, { kind: 'all' }, existing.invoiceId) };

    const next = applyPayment(moneyOf(invoice), request.amount);
    if (!next.ok) throw new AppError(next.code, next.message, next.fields);
    if (request.method === 'credit') {
      if (invoice.purpose === 'top_up') throw new AppError('invalid_state', 'A top-up buys credit; it cannot be paid from credit');
      const available = await creditBalance(tx, invoice.customerId, invoice.currency);
      if (available < request.amount) {
        throw new AppError('conflict', `The credit balance (${formatMoney(available, invoice.currency)}) does not cover this payment`, {
          amount: `exceeds the customer’s credit balance of ${formatMoney(available, invoice.currency)}`,
        });
      }
      await tx.insert(creditLedger).values({
        customerId: invoice.customerId,
        kind: 'applied_to_invoice',
        amount: -request.amount,
        currency: invoice.currency,
        reason: `Applied to invoice ${invoice.number ?? invoice.id}`,
        invoiceId: invoice.id,
        createdAt: ctx.now,
      });
    }

    const payment = await insertPayment(
      tx,
      ctx,
      invoice,
      {
        amount: request.amount,
        currency: invoice.currency,
        method: request.method,
        reference: request.reference ?? null,
        paidAt,
        provider: request.gateway?.provider ?? null,
        providerId: request.gateway?.id ?? null,
      },
      request.amount,
    );
    return { payment, invoice: await loadInvoice(tx, { kind: 'all' }, invoice.id) };
  });
}

/** The payment a gateway already reported under this id, if any (a redelivery or a race). */
export async function findGatewayPayment(tx: Database, provider: string, providerId: string): Promise<PaymentRow | undefined> {
  const [existing] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.provider, provider), eq(payments.providerId, providerId)));
  return existing;
}

type PaymentValues = Pick<typeof payments.$inferInsert, 'amount' | 'currency' | 'method' | 'reference' | 'paidAt' | 'provider' | 'providerId'>;

/**
 * Writes money received and applies `applied` of it (≤ the balance) to the locked invoice:
 * status, paid amount, settlement when paid in full, the ledger's income row, the audit row and
 * the payment event.
 */
export async function insertPayment(tx: Database, ctx: ServiceContext, invoice: InvoiceRow, values: PaymentValues, applied: bigint): Promise<PaymentRow> {
  // A paid proforma's money sits on the invoice it became, money arriving late included.
  const holder = invoice.convertedInvoiceId ?? invoice.id;
  const [payment] = await tx
    .insert(payments)
    .values({
      ...values,
      invoiceId: holder,
      customerId: invoice.customerId,
      recordedById: ctx.actor.type === 'user' ? ctx.actor.id : null,
      createdAt: ctx.now,
    })
    .returning();
  await recordLedgerMovement(tx, ctx.actor, ctx.now, {
    type: 'income',
    amount: values.amount,
    currency: values.currency,
    customerId: invoice.customerId,
    invoiceId: holder,
    paymentId: payment!.id,
    reference: values.reference,
  });
  let after = { status: invoice.status, amountPaid: invoice.amountPaid };
  if (applied > 0n) {
    const next = applyPayment(moneyOf(invoice), applied);
    if (!next.ok) throw new AppError(next.code, next.message, next.fields);
    after = next.value;
    await tx
      .update(invoices)
      .set({ status: after.status, amountPaid: after.amountPaid, paidAt: after.status === 'paid' ? values.paidAt : invoice.paidAt, updatedAt: ctx.now })
      .where(eq(invoices.id, invoice.id));
  }
  await audit(
    tx,
    ctx.actor,
    'invoice.payment_recorded',
    { type: 'invoice', id: invoice.id },
    {
      before: { status: invoice.status, amountPaid: invoice.amountPaid },
      after: { ...after, payment },
    },
  );
  if (after.status === 'paid' && invoice.status !== 'paid') await settleInvoice(tx, ctx.actor, invoice.id, ctx.now);
  // The receipt e-mail carries the document the money now sits on: a proforma this payment
  // settled has just become its numbered invoice, the tax document the customer keeps.
  const receiptFor = invoice.kind === 'proforma' ? await convertedInvoiceOf(tx, invoice.id) : holder;
  await emitEvents(tx, [{ name: 'payment/received', id: `payment-received:${payment!.id}`, data: { invoiceId: receiptFor, paymentId: payment!.id } }]);
  await publishWebhookEvents(tx, 'payment.received', 'payment', [payment!.id], ctx.now);
  return payment!;
}

async function convertedInvoiceOf(tx: Database, proformaId: string): Promise<string> {
  const [row] = await tx.select({ id: invoices.id, convertedInvoiceId: invoices.convertedInvoiceId }).from(invoices).where(eq(invoices.id, proformaId));
  return row!.convertedInvoiceId ?? row!.id;
}
