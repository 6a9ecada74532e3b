import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers } from '@/db/schema';
import { bigintValue } from '@/db/sql';
import type { Locale } from '@/i18n/locales';
import type { Scope } from '@/server/auth/actor';
import { notFound } from '@/server/errors';
import { customerScope } from './scope';

/** Columns of a customer as every reader sees it, with the credit balance summed from the ledger. */
export const customerColumns = {
  id: customers.id,
  name: customers.name,
  email: customers.email,
  company: customers.company,
  phone: customers.phone,
  taxId: customers.taxId,
  taxExempt: customers.taxExempt,
  taxRateOverride: customers.taxRateOverride,
  billingAddress: customers.billingAddress,
  currency: customers.currency,
  locale: customers.locale,
  resellerId: customers.resellerId,
  collectorId: customers.collectorId,
  createdAt: customers.createdAt,
  // Written out with explicit qualifiers: in a single-table query drizzle renders columns
  // unqualified, and inside this subquery "id" would mean the ledger's own id.
  creditBalance: sql<bigint>`coalesce((select sum(cl.amount) from credit_ledger cl
    where cl.customer_id = "customers"."id" and cl.currency = "customers"."currency"), 0)::bigint`
    .mapWith(bigintValue)
    .as('credit_balance'),
};

export type CustomerView = {
  id: string;
  name: string;
  email: string;
  company: string | null;
  phone: string | null;
  taxId: string | null;
  taxExempt: boolean;
  // Numeric text as stored ("7.500"); see billing/tax-defaults.ts.
  taxRateOverride: string | null;
  billingAddress: (typeof customers.$inferSelect)['billingAddress'];
  currency: string;
  // The customer's own language; null follows the settings' default_locale (see customerLocale).
  locale: Locale | null;
  resellerId: string | null;
  collectorId: string | null;
  createdAt: Date;
  creditBalance: bigint;
};

export async function findCustomer(db: Database, scope: Scope, id: string): Promise<CustomerView> {
  const [row] = await db
    .select(customerColumns)
    .from(customers)
    .where(and(eq(customers.id, id), customerScope(scope)));
  if (!row) throw notFound('Customer');
  return row;
}
