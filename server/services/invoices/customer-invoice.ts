import { loadInvoiceDocument } from '@/server/documents/load';
import type { InvoiceDocumentModel } from '@/server/documents/model';
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
};

/** One of the caller's invoices, within their scope (another customer's is not found). */
export async function customerInvoice(ctx: ServiceContext, input: { id: string; origin: string }): Promise<CustomerInvoice> {
  const [{ doc, settings }, history] = await Promise.all([loadInvoiceDocument(ctx, input), getInvoiceHistory(ctx, { id: input.id })]);
  return {
    document: doc,
    payments: history.payments.map((p) => ({ id: p.id, paidAt: p.paidAt, method: p.method, amount: p.amount })),
    refunds: history.refunds.map((r) => ({ id: r.id, refundedAt: r.refundedAt, amount: r.amount, toCredit: r.toCredit })),
    decimals: settings.display_decimals ?? null,
  };
}
