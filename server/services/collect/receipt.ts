import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, invoices, payments, settings, users } from '@/db/schema';
import type { Locale } from '@/i18n/locales';
import { requirePermission } from '@/server/auth/actor';
import { balanceOf } from '@/server/billing/invoice-status';
import { notFound } from '@/server/errors';
import { companySettings } from '@/server/schemas/company';
import type { ServiceContext } from '@/server/services/context';
import { ownedByScope } from '@/server/services/customers/scope';
import { publicInvoicePath } from '@/server/services/invoices/public-link';
import { moneyOf } from '@/server/services/invoices/store';
import { customerLocale } from '@/server/services/settings/locale';

/** What the 80 mm receipt and the Collect page's success screen show for one cash collection. */
export type CollectionReceipt = {
  paymentId: string;
  /** The customer's language, which the printed receipt is in. */
  locale: Locale;
  receiptNumber: string;
  amount: bigint;
  currency: string;
  paidAt: Date;
  /** What the invoice still owed right after this payment. */
  balanceLeft: bigint;
  invoice: { id: string; number: string };
  customer: { name: string };
  collector: string | null;
  company: { name: string; lines: string[] };
  /** The invoice's public page, which the receipt's QR code opens for the customer. */
  publicUrl: string;
};

/**
 * The receipt of a cash collection (a `collector` payment) the actor may see: a collector its
 * own customers', the desk any. Other payments, and anyone else's, are not found.
 */
export async function collectionReceipt(ctx: ServiceContext, input: { paymentId: string; origin: string }): Promise<CollectionReceipt> {
  requirePermission(ctx.actor, 'payments.collect');
  return readReceipt(ctx.db, ctx, input);
}

/** The same, inside the transaction that just recorded the payment (its scope already checked). */
export async function readReceipt(db: Database, ctx: Pick<ServiceContext, 'actor'>, input: { paymentId: string; origin: string }): Promise<CollectionReceipt> {
  const [row] = await db
    .select({ payment: payments, invoice: invoices, customer: customers.name, company: customers.company, locale: customers.locale, collector: users.name })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .leftJoin(users, eq(users.id, payments.recordedById))
    .where(and(eq(payments.id, input.paymentId), eq(payments.method, 'collector'), ownedByScope(payments.customerId, ctx.actor.scope)));
  if (!row) throw notFound('Receipt');
  // Balance now, plus what later payments took off it: the receipt says what was left at the time.
  const [later] = await db
    .select({ sum: sql<string>`coalesce(sum(${payments.amount}), 0)::text` })
    .from(payments)
    .where(and(eq(payments.invoiceId, row.invoice.id), gt(payments.createdAt, row.payment.createdAt)));
  const [company] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'company'));
  const seller = companySettings.parse(company?.value ?? {});
  const contact = [seller.email, seller.phone]
    .map((t) => t.trim())
    .filter(Boolean)
    .join(' · ');
  return {
    paymentId: row.payment.id,
    locale: await customerLocale({ db }, row),
    receiptNumber: row.payment.reference ?? '',
    amount: row.payment.amount,
    currency: row.payment.currency,
    paidAt: row.payment.paidAt,
    balanceLeft: balanceOf(moneyOf(row.invoice)) + BigInt(later?.sum ?? '0'),
    invoice: { id: row.invoice.id, number: row.invoice.number ?? '' },
    customer: { name: row.company?.trim() || row.customer },
    collector: row.collector,
    company: {
      name: seller.name.trim(),
      lines: [
        ...seller.address
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean),
        ...(contact ? [contact] : []),
      ],
    },
    publicUrl: `${input.origin}${publicInvoicePath(row.invoice.id, row.invoice.tokenVersion)}`,
  };
}
