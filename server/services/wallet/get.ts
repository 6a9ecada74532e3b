import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { invoices, products, services, walletEntries } from '@/db/schema';
import { sumBigint } from '@/db/sql';
import { requirePermission } from '@/server/auth/actor';
import type { ServiceContext } from '@/server/services/context';
import { findCustomer } from '@/server/services/customers/store';

/** An entry with its invoice: a grant's or a draw's own, else that of the grant it settles. */
export type WalletEntryView = typeof walletEntries.$inferSelect & { invoiceNumber: string | null };
export type WalletView = {
  customerId: string;
  currency: string;
  available: bigint;
  pending: bigint;
  entries: WalletEntryView[];
  /** A live service of the customer includes credits: its wallet is worth showing before any entry. */
  includesCredits: boolean;
};

const latest = 100;

// A release, lapse or void names its grant; it is shown with the grant's invoice.
const grants = alias(walletEntries, 'grants');

// Within one instant (a run draws, lapses and grants at the same `now`) the entries read in the
// order they happen: granted, paid, drawn, then lapsed or voided.
const kindOrder = sql`case ${walletEntries.kind} when 'grant' then 1 when 'release' then 2 when 'draw' then 3 else 4 end`;

/**
 * A customer's wallet in its currency: available and pending balances (sums of the append-only
 * entries) and the latest entries, newest first. A client reads its own; others need
 * `customers.view` within their scope.
 */
export async function getWallet(ctx: ServiceContext, input: { id: string }): Promise<WalletView> {
  if (ctx.actor.scope.kind !== 'customer') requirePermission(ctx.actor, 'customers.view');
  const customer = await findCustomer(ctx.db, ctx.actor.scope, input.id);
  const mine = and(eq(walletEntries.customerId, customer.id), eq(walletEntries.currency, customer.currency));
  const [[balance], entries, [credits]] = await Promise.all([
    ctx.db
      .select({ available: sumBigint(walletEntries.available), pending: sumBigint(walletEntries.pending) })
      .from(walletEntries)
      .where(mine),
    ctx.db
      .select({ entry: walletEntries, invoiceId: invoices.id, invoiceNumber: invoices.number })
      .from(walletEntries)
      .leftJoin(grants, eq(grants.id, walletEntries.grantId))
      .leftJoin(invoices, eq(invoices.id, sql`coalesce(${walletEntries.invoiceId}, ${grants.invoiceId})`))
      .where(mine)
      .orderBy(desc(walletEntries.createdAt), desc(kindOrder), desc(walletEntries.id))
      .limit(latest),
    ctx.db
      .select({ id: services.id })
      .from(services)
      .innerJoin(products, eq(products.id, services.productId))
      .where(and(eq(services.customerId, customer.id), inArray(services.status, ['pending', 'active', 'suspended']), isNotNull(products.includedCredits)))
      .limit(1),
  ]);
  return {
    customerId: customer.id,
    currency: customer.currency,
    available: balance?.available ?? 0n,
    pending: balance?.pending ?? 0n,
    entries: entries.map(({ entry, invoiceId, invoiceNumber }) => ({ ...entry, invoiceId, invoiceNumber })),
    includesCredits: credits !== undefined,
  };
}
