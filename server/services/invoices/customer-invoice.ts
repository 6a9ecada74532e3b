import type { Locale } from '@/i18n/locales';
import { loadInvoiceDocument } from '@/server/documents/load';
import { awaitsPayment, type InvoiceDocumentModel } from '@/server/documents/model';
import { readPaymentConfig } from '@/server/payments/config';
import type { ServiceContext } from '@/server/services/context';
import { getInvoiceHistory } from './history';

/**
 * An invoice as its customer reads it, in the portal or through the public link: what the PDF
 * prints (seller, customer, lines, totals per tax, status, due date) and the money received,
 * and nothing of the desk's (internal notes, audit trail, notification log, who recorded what,
 * payment references).
 */
export type CustomerInvoice = {
  document: InvoiceDocumentModel;
  payments: Array<{ id: string; paidAt: Date; method: string; amount: bigint }>;
  refunds: Array<{ id: string; refundedAt: Date; amount: bigint; toCredit: boolean }>;
  /** The settings' display decimals (null: the currency's own). */
  decimals: number | null;
  /** How much of the balance the customer's credit can pay now (0 when none, or when paying from credit is off). */
  creditCovers: bigint;
  /** Where to send a bank transfer, while it awaits payment and bank transfer is offered. */
  bankTransfer: { instructions: string; reference: string } | null;
};

/**
 * One of the caller's invoices, within their scope (another customer's is not found). The credit
 * balance is told only to its owner signed in (`withCredit`), never to a holder of the link.
 * It is written in the customer's language unless `locale` names another.
 */
export async function customerInvoice(
  ctx: ServiceContext,
  input: { id: string; origin: string; withCredit?: boolean; locale?: Locale | undefined },
): Promise<CustomerInvoice> {
  const [{ doc, settings }, history, payment] = await Promise.all([
    loadInvoiceDocument(ctx, input),
    getInvoiceHistory(ctx, { id: input.id }),
    readPaymentConfig(ctx.db),
  ]);
  const canDraw = input.withCredit === true && payment.credit && awaitsPayment(doc) && doc.purpose !== 'top_up';
  return {
    bankTransfer: payment.bankTransfer && awaitsPayment(doc) ? { instructions: payment.bankTransfer.instructions, reference: doc.number ?? '' } : null,
    creditCovers: canDraw ? (history.credit < doc.balance ? history.credit : doc.balance) : 0n,
    document: doc,
    payments: history.payments.map((p) => ({ id: p.id, paidAt: p.paidAt, method: p.method, amount: p.amount })),
    refunds: history.refunds.map((r) => ({ id: r.id, refundedAt: r.refundedAt, amount: r.amount, toCredit: r.toCredit })),
    decimals: settings.display_decimals ?? null,
  };
}
