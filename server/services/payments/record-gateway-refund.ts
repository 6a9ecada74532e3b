import { and, eq, inArray, isNull, like, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { creditLedger, refunds } from '@/db/schema';
import { sumBigint } from '@/db/sql';
import { formatMoney } from '@/server/billing/currency';
import { returnableOf } from '@/server/billing/invoice-status';
import { AppError } from '@/server/errors';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { creditBalance } from '@/server/services/credit/balance';
import { lockInvoiceAndCustomer, moneyOf } from '@/server/services/invoices/store';
import { escapeLike } from '@/server/services/pagination';
import { findGatewayPayment } from './record';
import { overpaymentReference } from './record-gateway-payment';
import { refundPayment } from './refund';

export type GatewayRefund = { provider: 'stripe' | 'paypal'; providerPaymentId: string; providerRefundId: string; amount: bigint };

/**
 * A refund the gateway reports. One made from the console is already recorded under its
 * gateway id (the console's transaction holds the customer's lock until it commits), so the
 * webhook that follows it adds nothing; one made in the gateway's dashboard is recorded here.
 * The gateway's money goes back in three shares (DESIGN.md §10): first the credit the charge left
 * beyond its invoice (an overpayment), then what the invoice can still give back (a refund of
 * it), and beyond that credit the invoice already gave (credit notes, refunds to credit), which
 * the gateway has now paid out in cash. A payment on an invoice since merged into another is
 * carried by that other invoice, so its refund comes out of the customer's unused credit. What
 * no share covers — credit already spent — is flagged in the invoice's log for a person.
 */
export async function recordGatewayRefund(ctx: ServiceContext, input: GatewayRefund): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const payment = await findGatewayPayment(tx, input.provider, input.providerPaymentId);
    if (!payment) return `ignored: no payment ${input.providerPaymentId}`;
    const invoice = await lockInvoiceAndCustomer(tx, { kind: 'all' }, payment.invoiceId);
    const gateway = gatewayName[input.provider];
    const references = {
      overpaid: `overpayment-return:${input.provider}:${input.providerPaymentId}:${input.providerRefundId}`,
      given: `credit-return:${input.provider}:${input.providerRefundId}`,
    };
    const [known] = await tx
      .select({ id: refunds.id })
      .from(refunds)
      .where(and(eq(refunds.provider, input.provider), eq(refunds.providerId, input.providerRefundId)));
    const [takenBack] = await tx
      .select({ id: creditLedger.id })
      .from(creditLedger)
      .where(inArray(creditLedger.reference, [references.overpaid, references.given]));
    if (known || takenBack) return `refund ${input.providerRefundId} already recorded`;

    let balance = await creditBalance(tx, invoice.customerId, payment.currency);
    const notes: string[] = [];
    const takeBack = async (amount: bigint, reference: string, reason: string) => {
      if (amount <= 0n) return;
      await tx.insert(creditLedger).values({
        customerId: invoice.customerId,
        kind: 'payout',
        amount: -amount,
        currency: payment.currency,
        reason,
        invoiceId: invoice.id,
        reference,
        createdAt: ctx.now,
      });
      balance -= amount;
      notes.push(`${formatMoney(amount, payment.currency)} of credit taken back`);
    };
    const flag = async (amount: bigint, reason: string) => {
      await audit(
        tx,
        ctx.actor,
        'invoice.refund_unmatched',
        { type: 'invoice', id: invoice.id },
        {
          after: { providerRefundId: input.providerRefundId, amount: input.amount, reason: `${formatMoney(amount, payment.currency)} ${reason}` },
        },
      );
      notes.push(`flagged: ${formatMoney(amount, payment.currency)} ${reason}`);
    };

    const fromOverpayment = min(input.amount, await overpaymentLeft(tx, invoice.customerId, payment.currency, input.provider, input.providerPaymentId));
    const overpaidTaken = min(fromOverpayment, balance);
    await takeBack(overpaidTaken, references.overpaid, `Overpaid credit returned by ${gateway} refund ${input.providerRefundId}`);
    if (fromOverpayment > overpaidTaken) await flag(fromOverpayment - overpaidTaken, 'of the overpaid credit was already spent');

    const rest = input.amount - fromOverpayment;
    const sameCurrency = payment.currency === invoice.currency;
    // A merged invoice gives nothing back itself: what was paid on it was carried into the
    // invoice it was merged into, so the gateway's refund comes out of the customer's credit.
    const merged = invoice.consolidatedIntoId !== null;
    let refunded = sameCurrency && !merged ? min(rest, returnableOf(moneyOf(invoice))) : 0n;
    if (refunded > 0n) {
      try {
        await refundPayment(
          { ...ctx, db: tx },
          {
            invoiceId: invoice.id,
            paymentId: payment.id,
            amount: refunded,
            toCredit: false,
            reason: `Refunded at ${gateway}`,
            external: { providerRefundId: input.providerRefundId },
          },
        );
        notes.push(`${formatMoney(refunded, payment.currency)} refunded`);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        await flag(refunded, `could not be matched: ${error.message}`);
        refunded = 0n;
      }
    }

    const beyond = rest - refunded;
    if (beyond > 0n) {
      const cap = merged ? balance : await creditGivenLeft(tx, invoice);
      const given = sameCurrency ? min(min(beyond, balance), cap) : 0n;
      await takeBack(given, references.given, `Credit from ${invoice.number ?? 'an invoice'} paid out by ${gateway} refund ${input.providerRefundId}`);
      if (beyond > given) await flag(beyond - given, 'was returned beyond what the invoice and its credit could give back');
    }
    return `refund ${input.providerRefundId}: ${notes.join(', ')}`;
  });
}

const gatewayName = { stripe: 'Stripe', paypal: 'PayPal' } as const;
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * Credit the invoice gave its customer (credit notes onto the balance, refunds to credit) and
 * no gateway refund has paid out yet.
 */
async function creditGivenLeft(tx: Database, invoice: { id: string; amountCredited: bigint }): Promise<bigint> {
  const [toCredit] = await tx
    .select({ total: sumBigint(refunds.amount) })
    .from(refunds)
    .where(and(eq(refunds.invoiceId, invoice.id), eq(refunds.toCredit, true)));
  const [paidOut] = await tx
    .select({ total: sumBigint(creditLedger.amount) })
    .from(creditLedger)
    .where(and(eq(creditLedger.invoiceId, invoice.id), like(creditLedger.reference, 'credit-return:%')));
  return invoice.amountCredited + (toCredit?.total ?? 0n) + (paidOut?.total ?? 0n);
}

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
          and(
            isNull(creditLedger.reference),
            eq(creditLedger.kind, 'overpayment'),
            like(creditLedger.reason, `%(${escapeLike(`${provider} ${providerPaymentId}`)})`),
          ),
          like(creditLedger.reference, `${escapeLike(`overpayment-return:${provider}:${providerPaymentId}:`)}%`),
        ),
      ),
    );
  const left = row?.left ?? 0n;
  return left > 0n ? left : 0n;
}
