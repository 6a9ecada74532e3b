import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { rowsOf } from '@/db/sql';
import { uuidList } from './grants';

/**
 * Posts the included credits of every service these invoices bill (a line whose service's
 * product has `included_credits`) as a pending grant in the invoice's currency, one per invoice
 * and service: available once the invoice is paid, lapsing at the line's period end unless the
 * product rolls credits over. A usage line bills a period already over and grants nothing. One
 * statement for any number of invoices; a retry posts nothing twice (wallet_entries_grant_uq).
 */
export async function grantIncludedCredits(tx: Database, invoiceIds: readonly string[], now: Date): Promise<number> {
  if (invoiceIds.length === 0) return 0;
  const granted = rowsOf(
    await tx.execute(sql`
      insert into wallet_entries (customer_id, currency, kind, pending, invoice_id, service_id, expires_on, description, created_at)
      select i.customer_id, i.currency, 'grant', p.included_credits, i.id, l.service_id,
             case when p.credits_rollover then null else l.period_end end,
             'Included credits: ' || p.name || coalesce(', ' || l.period_start || ' – ' || (l.period_end - 1), ''),
             ${now.toISOString()}::timestamptz
      from products p
      join services s on s.product_id = p.id
      join invoice_lines l on l.service_id = s.id
      join invoices i on i.id = l.invoice_id
      where p.included_credits is not null and s.usage_unit_price is null
        and l.invoice_id = any(${uuidList(invoiceIds)})
      on conflict (invoice_id, service_id) where kind = 'grant' do nothing
      returning id`),
  );
  return granted.length;
}
