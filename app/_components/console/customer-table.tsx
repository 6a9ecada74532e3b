import Link from 'next/link';
import type { CustomerView } from '@/server/services/customer-view';
import { moneyFormatter } from '../../_lib/money';
import { formatDay } from '../../_lib/format';
import { Card } from '../ui/card';
import { ListPager } from './list-chrome';
import { KeyboardRows, navigableRow } from './keyboard-rows';

/** One page of customers with keyset paging; the search and cursor live in the URL. */
export async function CustomerTable({
  customers,
  nextCursor,
  basePath,
  q,
  isFirstPage,
}: {
  customers: CustomerView[];
  nextCursor: string | null;
  basePath: string;
  q: string | undefined;
  isFirstPage: boolean;
}) {
  const money = await moneyFormatter();
  const href = (cursor?: string) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (cursor) params.set('cursor', cursor);
    const query = params.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  return (
    <Card className="overflow-hidden">
      <KeyboardRows label="Customers" className="max-h-[70vh] overflow-auto">
        <table className="w-full text-sm" aria-label="Customers">
          <thead className="sticky top-0 z-10 border-b border-border bg-muted text-left text-xs uppercase tracking-wide text-fg-muted">
            <tr>
              <th className="px-4 py-2.5 font-medium">Name</th>
              <th className="px-4 py-2.5 font-medium">E-mail</th>
              <th className="px-4 py-2.5 font-medium">Company</th>
              <th className="px-4 py-2.5 font-medium">Currency</th>
              <th className="px-4 py-2.5 text-right font-medium">Credit</th>
              <th className="px-4 py-2.5 font-medium">Created</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {customers.map((c) => (
              <tr key={c.id} data-href={basePath.startsWith('/admin') ? `/admin/customers/${c.id}` : undefined} tabIndex={-1} className={`hover:bg-muted/40 ${navigableRow}`}>
                <td className="px-4 py-2.5 font-medium">
                  {basePath.startsWith('/admin') ? (
                    <Link href={`/admin/customers/${c.id}`} className="hover:underline">
                      {c.name}
                    </Link>
                  ) : (
                    c.name
                  )}
                </td>
                <td className="px-4 py-2.5 text-fg-muted">{c.email}</td>
                <td className="px-4 py-2.5">{c.company ?? '—'}</td>
                <td className="px-4 py-2.5 font-mono text-xs">{c.currency}</td>
                <td className="px-4 py-2.5 text-right tabular-nums">{money(c.creditBalance, c.currency)}</td>
                <td className="px-4 py-2.5 text-fg-muted">{formatDay(c.createdAt)}</td>
              </tr>
            ))}
            {customers.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-4 py-10 text-center text-fg-muted">
                  {q ? `No customer matches “${q}”.` : 'No customers yet.'}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </KeyboardRows>
      <ListPager shown={customers.length} firstHref={isFirstPage ? null : href()} nextHref={nextCursor ? href(nextCursor) : null} />
    </Card>
  );
}
