import { creditLedger } from '@/db/schema';
import { formatMinor, isCurrency } from '@/server/billing/currency';
import { balanceOf } from '@/server/billing/invoice-status';
import { stripeChargeAmount } from '@/server/billing/stripe-amounts';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { lockInvoiceAndCustomer, moneyOf } from '@/server/services/invoices/store';
import { findGatewayPayment, insertPayment, type PaymentRow } from './record';

/** Names the credit a charge left beyond its invoice, so a later refund of the charge finds it. */
export const overpaymentReference = (provider: string, providerPaymentId: string) => `overpayment:${provider}:${providerPaymentId}`;

const shown = (amount: bigint, currency: string) => `${isCurrency(currency) ? formatMinor(amount, currency) : amount} ${currency}`;

export type GatewayPayment = {
  invoiceId: string;
  provider: 'stripe' | 'paypal';
  /** Stripe's payment intent id or PayPal's capture id: what a refund is later made against. */
  providerPaymentId: string;
  amount: bigint;
  currency: string;
  paidAt: Date;
  /** How this payment reached us, for the log: the customer's return or a webhook. */
  via: 'return' | 'webhook' | 'reconciliation';
};

/**
 * Money a gateway says it took for an invoice. The redirect back and the webhook race each
 * other, and webhooks repeat: whichever arrives second finds the payment under the customer's
 * lock and records nothing new. The gateway already holds the money, so it is never refused:
 * what the invoice cannot take (an overpayment, a paid or cancelled invoice, another currency)
 * goes to the customer's credit balance, and any mismatch is flagged in the invoice's log.
 */
export async function recordGatewayPayment(ctx: ServiceContext, input: GatewayPayment): Promise<{ payment: PaymentRow; recorded: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoiceAndCustomer(tx, { kind: 'all' }, input.invoiceId);
    const existing = await findGatewayPayment(tx, input.provider, input.providerPaymentId);
    if (existing) return { payment: existing, recorded: false };

    const sameCurrency = input.currency === invoice.currency;
    const balance = sameCurrency ? balanceOf(moneyOf(invoice)) : 0n;
    const applied = input.amount < balance ? input.amount : balance;
    const excess = input.amount - applied;
    // Stripe charged a three-decimal balance rounded up to its tens (stripeChargeAmount): the few
    // fils over it are expected, credited to the customer with that reason, and no mismatch.
    const rounded = input.provider === 'stripe' && excess > 0n && applied === balance && input.amount === stripeChargeAmount(balance, input.currency);
    const payment = await insertPayment(
      tx,
      ctx,
      invoice,
      {
        amount: input.amount,
        currency: input.currency,
        method: input.provider,
        reference: `${input.provider} ${input.providerPaymentId} (${input.via})`,
        paidAt: input.paidAt,
        provider: input.provider,
        providerId: input.providerPaymentId,
      },
      applied,
    );
    if (excess > 0n) {
      await tx.insert(creditLedger).values({
        customerId: invoice.customerId,
        kind: 'overpayment',
        amount: excess,
        currency: input.currency,
        reason: rounded
          ? `Stripe charges ${input.currency} in multiples of 10 minor units: ${shown(excess, input.currency)} over the balance of ${invoice.number ?? 'an invoice'} (${input.provider} ${input.providerPaymentId})`
          : `Received beyond the balance of ${invoice.number ?? 'an invoice'} (${input.provider} ${input.providerPaymentId})`,
        invoiceId: invoice.id,
        reference: overpaymentReference(input.provider, input.providerPaymentId),
        createdAt: ctx.now,
      });
    }
    if (rounded) {
      await audit(
        tx,
        ctx.actor,
        'invoice.payment_rounded',
        { type: 'invoice', id: invoice.id },
        {
          before: { balance: shown(balance, invoice.currency) },
          after: { charged: shown(input.amount, input.currency), toCreditBalance: excess, paymentId: payment.id },
        },
      );
    } else if (excess > 0n || applied < balance) {
      await audit(
        tx,
        ctx.actor,
        'invoice.payment_mismatch',
        { type: 'invoice', id: invoice.id },
        {
          before: { expected: shown(balance, invoice.currency), status: invoice.status },
          after: {
            received: shown(input.amount, input.currency),
            appliedToInvoice: applied,
            toCreditBalance: excess,
            paymentId: payment.id,
          },
        },
      );
    }
    return { payment, recorded: true };
  });
}
