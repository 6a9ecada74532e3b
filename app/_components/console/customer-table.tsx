import Link from 'next/link';
import type { CustomerView } from '@/server/services/customers/store';
import { consoleFormats } from '../../_lib/money';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';
import type { ConsoleBase } from './base-path';
import { KeyboardRows } from './keyboard-rows';
import { ListPager } from './list-chrome';
import { navigableRow } from './navigable-row';

/** One page of customers with keyset paging; the search and cursor live in the URL. */
export async function CustomerTable({
  customers,
  nextCursor,
  basePath,
  q,
  sorting,
  resellerNames,
}: {
  customers: CustomerView[];
  nextCursor: string | null;
  /** The console the rows open in: `${basePath}/customers/<id>`. */
  basePath: ConsoleBase;
  q: string | undefined;
  /** Given (the customer list), the headings sort it; `current` is the URL's `sort`. */
  sorting?: { current: string | undefined };
  /** Reseller names by id: given, the table shows each customer's reseller (the desk's lists). */
  resellerNames?: ReadonlyMap<string, string>;
}) {
  const formats = await consoleFormats();
  const { money } = formats;
  return (
    <Card className="overflow-hidden">
      <KeyboardRows label="Customers" className="max-h-[70vh] overflow-auto">
        <DataTable
          label="Customers"
          columns={[
            { label: 'Name', sort: sorting && 'name' },
            { label: 'E-mail', sort: sorting && 'email' },
            { label: 'Company' },
            ...(resellerNames ? [{ label: 'Reseller' }] : []),
            { label: 'Currency' },
            { label: 'Credit', align: 'right' },
            { label: 'Created', sort: sorting && 'created' },
          ]}
          sorted={sorting?.current}
          empty={customers.length === 0 ? (q ? `No customer matches “${q}”.` : 'No customers yet.') : undefined}
        >
          {customers.map((c) => (
            <tr key={c.id} data-href={`${basePath}/customers/${c.id}`} tabIndex={-1} className={`hover:bg-muted/40 ${navigableRow}`}>
              <td className="px-4 py-2.5 font-medium">
                <Link href={`${basePath}/customers/${c.id}`} className="hover:underline">
                  {c.name}
                </Link>
              </td>
              <td className="px-4 py-2.5 text-fg-muted">{c.email}</td>
              <td className="px-4 py-2.5">{c.company ?? '—'}</td>
              {resellerNames ? <td className="px-4 py-2.5">{c.resellerId ? (resellerNames.get(c.resellerId) ?? '—') : '—'}</td> : null}
              <td className="px-4 py-2.5 font-mono text-xs">{c.currency}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{money(c.creditBalance, c.currency)}</td>
              <td className="px-4 py-2.5 text-fg-muted">{formats.day(c.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
      </KeyboardRows>
      <ListPager shown={customers.length} next={nextCursor} />
    </Card>
  );
}
