import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { invoices } from '@/db/schema';
import type { Locale } from '@/i18n/locales';
import type { Actor } from '@/server/auth/actor';
import { isIssued } from '@/server/billing/invoice-status';
import { invoicePdf } from '@/server/documents/invoice-pdf';
import type { Paper } from '@/server/documents/paper';
import { env } from '@/server/env';
import { AppError, notFound } from '@/server/errors';
import { hitThrottle, peekThrottle, ThrottledError, type ThrottleRule } from '@/server/http/rate-limit';
import { isUuid } from '@/server/schemas/common';
import type { ServiceContext } from '@/server/services/context';
import { customerInvoice, type CustomerInvoice } from './customer-invoice';
import { loadInvoice, type InvoiceView } from './store';

/*
 * Everything a public invoice link opens: the token it carries, the check of that token (with a
 * limit on guesses per address), and the page and PDF it shows once the check passes.
 */

// Derived, not stored: HMAC(secret, id:version). A database dump alone opens no invoice, and
// bumping the version kills every link issued before.
export function publicToken(invoiceId: string, version: number, secret = env().secret): string {
  return createHmac('sha256', secret).update(`invoice:${invoiceId}:${version}`).digest('base64url');
}

export function tokenMatches(invoiceId: string, version: number, presented: string, secret = env().secret): boolean {
  const expected = Buffer.from(publicToken(invoiceId, version, secret));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function publicInvoicePath(invoiceId: string, version: number): string {
  return `/p/invoice/${invoiceId}?token=${publicToken(invoiceId, version)}`;
}

/** The invoice behind a public link; any wrong, missing or old token is simply not found. */
export async function readPublicInvoice(ctx: Pick<ServiceContext, 'db'>, input: { id: string; token: string }): Promise<InvoiceView> {
  if (!isUuid(input.id)) throw notFound('Invoice');
  const [row] = await ctx.db
    .select({ id: invoices.id, tokenVersion: invoices.tokenVersion, status: invoices.status })
    .from(invoices)
    .where(eq(invoices.id, input.id));
  if (!row || !isIssued(row.status) || !tokenMatches(row.id, row.tokenVersion, input.token)) throw notFound('Invoice');
  return loadInvoice(ctx.db, { kind: 'all' }, row.id);
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
export async function publicInvoice(
  ctx: ServiceContext,
  input: { id: string; token: string; origin: string; locale?: Locale | undefined },
): Promise<CustomerInvoice> {
  const invoice = await openPublicInvoice(ctx, input);
  return customerInvoice(linkReader(ctx, invoice), { id: invoice.id, origin: input.origin, locale: input.locale });
}

/** The PDF behind a public link: the same token check and limit as the page. */
export async function publicInvoicePdf(
  ctx: ServiceContext,
  input: { id: string; token: string; paper?: Paper | undefined; locale?: Locale | undefined; origin: string },
) {
  const invoice = await openPublicInvoice(ctx, input);
  return invoicePdf(linkReader(ctx, invoice), { id: invoice.id, paper: input.paper, locale: input.locale, origin: input.origin });
}
