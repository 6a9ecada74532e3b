import { customers } from '@/db/schema';
import type { ServiceContext } from '@/server/services/context';
import { readBillingSettings } from '@/server/services/settings/read';
import { requireReports } from './shared';

/**
 * The currencies a report page offers to switch between: the desk's default and every customer's
 * (a document is in its customer's currency). Read from the customers, not from the documents and
 * payments, so the switch costs one small scan whatever the ledger's size.
 */
export async function reportCurrencies(ctx: ServiceContext): Promise<string[]> {
  requireReports(ctx.actor);
  const [rows, settings] = await Promise.all([ctx.db.selectDistinct({ currency: customers.currency }).from(customers), readBillingSettings(ctx.db)]);
  return [...new Set([settings.currency, ...rows.map((r) => r.currency)])].sort();
}
