import { AppError } from '@/server/errors';
import { ThrottledError, type ThrottleRule, hitThrottle, peekThrottle } from '@/server/http/rate-limit';
import { invoicePdf } from '@/server/documents/invoice-pdf';
import { loadInvoiceDocument } from '@/server/documents/load';
import type { InvoiceDocumentModel } from '@/server/documents/model';
import type { Paper } from '@/server/documents/paper';
import type { Actor } from '@/server/auth/actor';
import type { ServiceContext } from '@/server/services/context';
import { readPublicInvoice } from './get';
import { getInvoiceHistory } from './history';
import type { InvoiceView } from './store';

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
    // The notes field is the desk's to write; the public JSON leaves it out too.
    document: { ...doc, notes: null },
    payments: history.payments.map((p) => ({ id: p.id, paidAt: p.paidAt, method: p.method, amount: p.amount })),
    refunds: history.refunds.map((r) => ({ id: r.id, refundedAt: r.refundedAt, amount: r.amount, toCredit: r.toCredit })),
    decimals: settings.display_decimals ?? null,
  };
}

// Wrong tokens per client address: 30 per 10 minutes, then refused until the window passes.
// The page, its PDF route and the REST API count one address's guesses together in one bucket.
const tokenGuesses: ThrottleRule = { limit: 30, windowMs: 10 * 60_000 };

/**
 * The invoice behind a public link, for an anonymous caller: a wrong, missing or old token is
 * not found (compared in constant time), and each failure counts against the caller's address
 * (`actor.ip`); an address over the limit is refused before any lookup.
 */
export async function openPublicInvoice(ctx: ServiceContext, input: { id: string; token: string }): Promise<InvoiceView> {
  const bucket = `public-link:ip:${ctx.actor.ip ?? 'unknown'}`;
  const state = await peekThrottle(ctx.db, bucket, tokenGuesses, ctx.now);
  if (state.limited) throw new ThrottledError(state.retryAfterMs);
  try {
    return await readPublicInvoice(ctx, input);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') await hitThrottle(ctx.db, bucket, tokenGuesses, ctx.now);
    throw error;
  }
}

/**
 * Who reads on behalf of a valid link: the anonymous caller, seeing that invoice's customer's
 * documents only (the scope getInvoice and the document loader check), with no permission.
 */
function linkReader(ctx: ServiceContext, invoice: InvoiceView): ServiceContext {
  const actor: Actor = { ...ctx.actor, label: 'public link', permissions: new Set(), scope: { kind: 'customer', customerId: invoice.customerId } };
  return { ...ctx, actor };
}

/** The public invoice page's content, once the token is checked. */
export async function publicInvoice(ctx: ServiceContext, input: { id: string; token: string; origin: string }): Promise<CustomerInvoice> {
  const invoice = await openPublicInvoice(ctx, input);
  return customerInvoice(linkReader(ctx, invoice), { id: invoice.id, origin: input.origin });
}

/** The PDF behind a public link: the same token check and limit as the page. */
export async function publicInvoicePdf(ctx: ServiceContext, input: { id: string; token: string; paper?: Paper | undefined; origin: string }) {
  const invoice = await openPublicInvoice(ctx, input);
  return invoicePdf(linkReader(ctx, invoice), { id: invoice.id, paper: input.paper, origin: input.origin });
}
