import { and, eq } from 'drizzle-orm';
import { refunds } from '@/db/schema';
import { AppError } from '../errors';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { lockInvoiceAndCustomer } from './invoice-store';
import { findGatewayPayment } from './record-payment';
import { refundPayment } from './refund-payment';

export type GatewayRefund = { provider: 'stripe' | 'paypal'; providerPaymentId: string; providerRefundId: string; amount: bigint };

/**
 * A refund the gateway reports. One made from the console is already recorded under its
 * gateway id (the console's transaction holds the customer's lock until it commits), so the
 * webhook that follows it adds nothing; one made in the gateway's dashboard is recorded here.
 */
export async function recordGatewayRefund(ctx: ServiceContext, input: GatewayRefund): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const payment = await findGatewayPayment(tx, input.provider, input.providerPaymentId);
    if (!payment) return `ignored: no payment ${input.providerPaymentId}`;
    const invoice = await lockInvoiceAndCustomer(tx, { kind: 'all' }, payment.invoiceId);
    const [known] = await tx
      .select({ id: refunds.id })
      .from(refunds)
      .where(and(eq(refunds.provider, input.provider), eq(refunds.providerId, input.providerRefundId)));
    if (known) return `refund ${input.providerRefundId} already recorded`;
    try {
      await refundPayment(
        { ...ctx, db: tx },
        {
          invoiceId: invoice.id,
          payment_id: payment.id,
          amount: input.amount,
          to_credit: false,
          reason: `Refunded at ${input.provider === 'stripe' ? 'Stripe' : 'PayPal'}`,
          external: { providerRefundId: input.providerRefundId },
        },
      );
      return `refund ${input.providerRefundId} recorded`;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The gateway gave back money Cashdesk cannot match (more than is left on the invoice):
      // nothing is changed, and the invoice's log says so for a person to look at.
      await audit(tx, ctx.actor, 'invoice.refund_unmatched', { type: 'invoice', id: invoice.id }, {
        after: { providerRefundId: input.providerRefundId, amount: input.amount, reason: error.message },
      });
      return `flagged: ${error.message}`;
    }
  });
}
