import { and, eq, isNull, like, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { creditLedger, refunds } from '@/db/schema';
import { sumBigint } from '@/db/sql';
import { AppError } from '../errors';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { creditBalance } from './credit-balance';
import { lockInvoiceAndCustomer } from './invoice-store';
import { escapeLike } from './pagination';
import { overpaymentReference } from './record-gateway-payment';
import { findGatewayPayment } from './record-payment';
import { refundPayment } from './refund-payment';

export type GatewayRefund = { provider: 'stripe' | 'paypal'; providerPaymentId: string; providerRefundId: string; amount: bigint };

/**
 * A refund the gateway reports. One made from the console is already recorded under its
 * gateway id (the console's transaction holds the customer's lock until it commits), so the
 * webhook that follows it adds nothing; one made in the gateway's dashboard is recorded here.
 * A charge that paid more than its invoice left the excess as credit: refunding the charge
 * takes that credit back first (DESIGN.md §10), and only the rest is a refund of the invoice.
 * Credit already spent cannot be taken back; the invoice's log flags it for a person.
 */
export async function recordGatewayRefund(ctx: ServiceContext, input: GatewayRefund): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const payment = await findGatewayPayment(tx, input.provider, input.providerPaymentId);
    if (!payment) return `ignored: no payment ${input.providerPaymentId}`;
    const invoice = await lockInvoiceAndCustomer(tx, { kind: 'all' }, payment.invoiceId);
    const takeBackReference = `overpayment-return:${input.provider}:${input.providerPaymentId}:${input.providerRefundId}`;
    const [known] = await tx
      .select({ id: refunds.id })
      .from(refunds)
      .where(and(eq(refunds.provider, input.provider), eq(refunds.providerId, input.providerRefundId)));
    const [takenBack] = await tx.select({ id: creditLedger.id }).from(creditLedger).where(eq(creditLedger.reference, takeBackReference));
    if (known || takenBack) return `refund ${input.providerRefundId} already recorded`;

    const overpaid = await overpaymentLeft(tx, invoice.customerId, payment.currency, input.provider, input.providerPaymentId);
    const fromOverpayment = min(input.amount, overpaid);
    const fromCredit = min(fromOverpayment, await creditBalance(tx, invoice.customerId, payment.currency));
    const notes: string[] = [];
    if (fromCredit > 0n) {
      await tx.insert(creditLedger).values({
        customerId: invoice.customerId,
        kind: 'payout',
        amount: -fromCredit,
        currency: payment.currency,
        reason: `Overpaid credit returned by ${gatewayName[input.provider]} refund ${input.providerRefundId}`,
        invoiceId: invoice.id,
        reference: takeBackReference,
        createdAt: ctx.now,
      });
      notes.push(`${fromCredit} of overpaid credit taken back`);
    }
    if (fromOverpayment > fromCredit) {
      await audit(tx, ctx.actor, 'invoice.refund_unmatched', { type: 'invoice', id: invoice.id }, {
        after: { providerRefundId: input.providerRefundId, amount: input.amount, reason: `${fromOverpayment - fromCredit} of the overpaid credit was already spent` },
      });
      notes.push(`${fromOverpayment - fromCredit} of spent credit flagged`);
    }
    const rest = input.amount - fromOverpayment;
    if (rest === 0n) return `refund ${input.providerRefundId}: ${notes.join(', ')}`;
    try {
      await refundPayment(
        { ...ctx, db: tx },
        {
          invoiceId: invoice.id,
          payment_id: payment.id,
          amount: rest,
          to_credit: false,
          reason: `Refunded at ${gatewayName[input.provider]}`,
          external: { providerRefundId: input.providerRefundId },
        },
      );
      return `refund ${input.providerRefundId} recorded${notes.length ? ` (${notes.join(', ')})` : ''}`;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The gateway gave back money Cashdesk cannot match (more than is left on the invoice):
      // nothing more is changed, and the invoice's log says so for a person to look at.
      await audit(tx, ctx.actor, 'invoice.refund_unmatched', { type: 'invoice', id: invoice.id }, {
        after: { providerRefundId: input.providerRefundId, amount: rest, reason: error.message },
      });
      return `flagged: ${error.message}`;
    }
  });
}

const gatewayName = { stripe: 'Stripe', paypal: 'PayPal' } as const;
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * The credit a charge left beyond its invoice and not yet taken back by an earlier refund of
 * it. Entries written before overpayments carried a reference are found by the charge id their
 * reason names.
 */
async function overpaymentLeft(tx: Database, customerId: string, currency: string, provider: string, providerPaymentId: string): Promise<bigint> {
  const [row] = await tx
    .select({ left: sumBigint(creditLedger.amount) })
    .from(creditLedger)
    .where(
      and(
        eq(creditLedger.customerId, customerId),
        eq(creditLedger.currency, currency),
        or(
          eq(creditLedger.reference, overpaymentReference(provider, providerPaymentId)),
          and(isNull(creditLedger.reference), eq(creditLedger.kind, 'overpayment'), like(creditLedger.reason, `%(${escapeLike(`${provider} ${providerPaymentId}`)})`)),
          like(creditLedger.reference, `${escapeLike(`overpayment-return:${provider}:${providerPaymentId}:`)}%`),
        ),
      ),
    );
  const left = row?.left ?? 0n;
  return left > 0n ? left : 0n;
}
