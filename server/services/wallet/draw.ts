import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { walletEntries } from '@/db/schema';
import { rowsOf } from '@/db/sql';
import { formatMilli, parseMilli } from '@/server/billing/decimal';
import type { TaxMode } from '@/server/billing/totals';
import { allocateDraw, creditLine, type DrawableGrant } from '@/server/billing/wallet';
import { lockGrants, remainderOf, uuidList } from './grants';

export const creditLineDescription = 'Prepaid credits applied';

/**
 * Usage billed on these invoices is paid from the customer's available credits first: per
 * invoice, min(available, the usage lines' totals) is drawn from its grants (lapsing first,
 * `allocateDraw`) and shown as a negative "Prepaid credits applied" line, one per tax rate of
 * the usage lines, which lowers the invoice's totals (never below zero). A grant lapsing before
 * the invoice's issue date is not drawn. Only unpaid invoices not drawn for yet take part, so a
 * retry draws nothing twice. Returns how many invoices drew credits.
 */
export async function drawCredits(tx: Database, invoiceIds: readonly string[], now: Date): Promise<number> {
  if (invoiceIds.length === 0) return 0;
  const ids = uuidList(invoiceIds);
  // Usage lines of invoices whose customer has had credits become available in that currency:
  // on a big run that is few customers, and only theirs are locked.
  const usage = sql`
    from invoices i
    join invoice_lines l on l.invoice_id = i.id
    join services s on s.id = l.service_id
    where i.id = any(${ids}) and s.usage_unit_price is not null
      and i.status in ('draft', 'pending') and i.amount_paid = 0
      and exists (select 1 from wallet_entries w where w.customer_id = i.customer_id and w.currency = i.currency and w.kind = 'release')`;
  const customers = rowsOf(await tx.execute(sql`select distinct i.customer_id::text as id ${usage}`)).map((row) => String(row.id));
  if (customers.length === 0) return 0;
  // Two draws for one customer (or a draw and a lapse) never read the same balance: the customer
  // rows serialize draws (`no key update` leaves payments' foreign-key checks free), the grant
  // rows serialize a draw with the entries other use cases write on them.
  await tx.execute(sql`select id from customers where id = any(${uuidList(customers)}) order by id for no key update`);
  await lockGrants(tx, sql`g.customer_id = any(${uuidList(customers)})`);

  const rows = rowsOf(
    await tx.execute(sql`
      select i.id::text as id, i.customer_id::text as customer_id, i.currency, i.tax_mode, i.issue_date::text as issue_date,
             i.number, i.total::text as total, l.tax_rate::text as tax_rate, sum(l.total)::text as usage
      ${usage}
        and not exists (select 1 from wallet_entries d where d.invoice_id = i.id and d.kind = 'draw')
      group by i.id, l.tax_rate
      order by i.customer_id, i.issue_date, i.id, l.tax_rate`),
  );
  const invoices = new Map<string, { row: Record<string, unknown>; rates: Array<{ rate: bigint; usage: bigint }> }>();
  for (const row of rows) {
    const invoice = invoices.get(String(row.id)) ?? { row, rates: [] };
    invoice.rates.push({ rate: parseMilli(String(row.tax_rate))!, usage: BigInt(String(row.usage)) });
    invoices.set(String(row.id), invoice);
  }

  let drew = 0;
  for (const [invoiceId, { row, rates }] of invoices) {
    const grants = await drawableGrants(tx, String(row.customer_id), String(row.currency), String(row.issue_date));
    let room = BigInt(String(row.total));
    const lines: Array<NonNullable<ReturnType<typeof creditLine>> & { rate: bigint }> = [];
    const parts = new Map<string, bigint>();
    for (const { rate, usage: owed } of rates) {
      const available = grants.reduce((sum, grant) => sum + grant.available, 0n);
      const limit = [owed, available, room].reduce((min, value) => (value < min ? value : min));
      const line = creditLine(limit, rate, String(row.tax_mode) as TaxMode);
      if (!line) continue;
      for (const part of allocateDraw(grants, line.drawn)) {
        parts.set(part.grantId, (parts.get(part.grantId) ?? 0n) + part.amount);
        grants.find((grant) => grant.id === part.grantId)!.available -= part.amount;
      }
      room -= line.drawn;
      lines.push({ ...line, rate });
    }
    if (lines.length === 0) continue;
    await tx.execute(sql`
      insert into invoice_lines (invoice_id, position, description, quantity, unit_price, tax_rate, subtotal, tax, total)
      select ${invoiceId}::uuid, base.next + n.k, ${creditLineDescription}, 1, n.unit_price, n.tax_rate, n.subtotal, n.tax, n.total
      from (select coalesce(max(position), -1) + 1 as next from invoice_lines where invoice_id = ${invoiceId}::uuid) base
      cross join (values ${sql.join(
        lines.map(
          (line, k) =>
            sql`(${k}::int, ${line.unitPrice.toString()}::bigint, ${formatMilli(line.rate)}::numeric, ${line.subtotal.toString()}::bigint, ${line.tax.toString()}::bigint, ${line.total.toString()}::bigint)`,
        ),
        sql`, `,
      )}) as n(k, unit_price, tax_rate, subtotal, tax, total)`);
    const sum = (pick: (line: (typeof lines)[number]) => bigint) => lines.reduce((total, line) => total + pick(line), 0n).toString();
    await tx.execute(sql`
      update invoices set subtotal = subtotal + ${sum((l) => l.subtotal)}::bigint, tax_total = tax_total + ${sum((l) => l.tax)}::bigint,
             total = total + ${sum((l) => l.total)}::bigint, updated_at = ${now.toISOString()}::timestamptz
      where id = ${invoiceId}::uuid`);
    await tx.insert(walletEntries).values(
      [...parts].map(([grantId, amount]) => ({
        customerId: String(row.customer_id),
        currency: String(row.currency),
        kind: 'draw' as const,
        available: -amount,
        grantId,
        invoiceId,
        description: `Usage on invoice ${row.number ?? ''}`.trim(),
        createdAt: now,
      })),
    );
    drew += 1;
  }
  return drew;
}

/** The customer's grants in the currency with credits available to an invoice issued on `issueDate`. */
async function drawableGrants(tx: Database, customerId: string, currency: string, issueDate: string): Promise<DrawableGrant[]> {
  const rows = rowsOf(
    await tx.execute(sql`
      select g.id::text as id, g.expires_on::text as expires_on, (extract(epoch from g.created_at) * 1000)::bigint::text as created_ms,
             r.available_left::text as available
      from wallet_entries g
      cross join ${remainderOf}
      where g.kind = 'grant' and g.customer_id = ${customerId}::uuid and g.currency = ${currency}
        and (g.expires_on is null or g.expires_on >= ${issueDate}::date) and r.available_left > 0`),
  );
  return rows.map((row) => ({
    id: String(row.id),
    available: BigInt(String(row.available)),
    expiresOn: row.expires_on === null ? null : String(row.expires_on),
    createdAt: new Date(Number(row.created_ms)),
  }));
}
