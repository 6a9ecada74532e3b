import { FileDown } from 'lucide-react';
import Link from 'next/link';
import type { NextInvoicePreview } from '@/server/services/orders/next-invoice';
import { humanize } from '../../_lib/format';
import { consoleFormats, type FormatMoney } from '../../_lib/money';
import { DataTable } from '../ui/data-table';
import { StatusPill } from '../ui/status-pill';
import type { ConsoleBase } from './base-path';

type Row = { id: string; number: string | null; kind: string; status: string; issueDate: string; dueDate: string; total: bigint; currency: string };

/** The order page's Invoices section: every document of the order, newest first, each linking to its page and its PDF. */
export async function OrderInvoices({
  invoices,
  basePath,
  money,
  limit,
}: {
  invoices: readonly Row[];
  basePath: ConsoleBase;
  money: FormatMoney;
  limit: number;
}) {
  const formats = await consoleFormats();
  return (
    <>
      <DataTable
        label="Order invoices"
        variant="inset"
        columns={[
          { label: 'Number' },
          { label: 'Issued' },
          { label: 'Due' },
          { label: 'Status' },
          { label: 'Total', align: 'right' },
          { label: 'PDF', align: 'right' },
        ]}
        empty={invoices.length === 0 ? 'No invoices yet.' : undefined}
      >
        {invoices.map((i) => (
          <tr key={i.id}>
            <td className="py-2">
              <Link href={`${basePath}/invoices/${i.id}`} className="text-accent hover:underline">
                {i.number ?? 'Draft'}
              </Link>
              {i.kind !== 'invoice' ? <span className="ml-2 text-xs text-fg-muted">{humanize(i.kind)}</span> : null}
            </td>
            <td className="py-2 whitespace-nowrap">{formats.day(i.issueDate)}</td>
            <td className="py-2 whitespace-nowrap">{formats.day(i.dueDate)}</td>
            <td className="py-2">
              <StatusPill status={i.status} />
            </td>
            <td className="py-2 text-right tabular-nums">{money(i.total, i.currency)}</td>
            <td className="py-2 text-right">
              <a
                href={`${basePath}/invoices/${i.id}/pdf`}
                target="_blank"
                rel="noreferrer"
                className="inline-flex text-fg-muted hover:text-fg"
                aria-label={`Download ${i.number ?? 'draft'} as PDF`}
              >
                <FileDown className="size-4" aria-hidden />
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
      {invoices.length >= limit ? <p className="mt-2 text-xs text-fg-muted">The {limit} latest are shown.</p> : null}
    </>
  );
}

/**
 * A contract's next invoice in words: its date and amount (tax included, "plus usage" when a
 * usage line will add what was used), when a draft would start billing, or why none is scheduled.
 */
export async function NextInvoiceText({ next, money }: { next: NextInvoicePreview; money: (amount: bigint) => string }) {
  const formats = await consoleFormats();
  switch (next.kind) {
    case 'next':
      return (
        <span data-testid="next-invoice">
          {formats.day(next.date)} · {money(next.total)}
          {next.plusUsage ? ' plus usage' : ''}
          <span className="block text-xs font-normal text-fg-muted">{next.tax > 0n ? `incl. ${money(next.tax)} tax` : 'No tax'}</span>
        </span>
      );
    case 'draft':
      return <span data-testid="next-invoice">Bills from {formats.day(next.firstBillingDay)} once activated</span>;
    case 'none':
      return <span data-testid="next-invoice">{noneScheduled[next.reason]}</span>;
  }
}

const noneScheduled: Record<Extract<NextInvoicePreview, { kind: 'none' }>['reason'], string> = {
  paused: 'No invoice is scheduled while the order is paused',
  completed: 'No invoice is scheduled: the contract is completed',
  inactive: 'No invoice is scheduled while the order is not active',
  ended: 'No invoice is scheduled: every period up to the end date is billed',
};
