import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers } from '@/db/schema';
import { parseMilli } from '@/server/billing/decimal';
import { taxRateFor } from '@/server/billing/tax-defaults';
import { notFound } from '@/server/errors';
import type { BillingSettings } from '@/server/schemas/settings';

/**
 * The rate (milli-percent) a line of a new or edited document for this customer takes when it
 * names none: the customer's tax defaults over the settings' rate (`taxRateFor`, the one rule).
 */
export async function customerDefaultRate(tx: Database, customerId: string, settings: BillingSettings): Promise<bigint> {
  const [customer] = await tx
    .select({ taxExempt: customers.taxExempt, taxRateOverride: customers.taxRateOverride })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!customer) throw notFound('Customer');
  return taxRateFor(parseMilli(settings.tax_rate)!, customer);
}
