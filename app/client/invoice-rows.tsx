import { Download } from 'lucide-react';
import Link from 'next/link';
import { buttonClass } from '../_components/ui/button';
import { cn } from '../_components/ui/cn';
import { DataTable } from '../_components/ui/data-table';
import { StatusPill } from '../_components/ui/status-pill';
import { formatDay, humanize } from '../_lib/format';
import type { FormatMoney } from '../_lib/money';
import { isOpen } from './open-invoices';

export type InvoiceRow = {
  id: string;
  number: string | null;
  kind: string;
  status: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  total: bigint;
  balance: bigint;
};

/** The portal's invoice table: unpaid rows tinted (overdue in red, as in the admin list), each with Pay and PDF. */
export function InvoiceRows({ invoices, money, empty }: { invoices: InvoiceRow[]; money: FormatMoney; empty?: string }) {
  return (
    <div className="overflow-x-auto">
      <DataTable
        label="Invoices"
        columns={[
          { label: 'Number' },
          { label: 'Issued' },
          { label: 'Due' },
          { label: 'Total', align: 'right' },
          { label: 'Balance', align: 'right' },
          { label: 'Status' },
          { label: '' },
        ]}
        empty={invoices.length === 0 ? empty : undefined}
      >
        {invoices.map((invoice) => {
          const unpaid = isOpen(invoice.status) && invoice.balance > 0n && invoice.kind !== 'credit_note';
          return (
            <tr
              key={invoice.id}
              data-unpaid={unpaid || undefined}
              className={cn(invoice.status === 'overdue' ? 'bg-danger/5 text-danger' : unpaid ? 'bg-amber-500/5' : 'hover:bg-muted/40')}
            >
              <td className="px-4 py-2.5 font-medium whitespace-nowrap">
                <Link href={`/client/invoices/${invoice.id}`} className="hover:underline">
                  {invoice.number}
                </Link>
                {invoice.kind !== 'invoice' ? <span className="ml-2 text-xs text-fg-muted">{humanize(invoice.kind)}</span> : null}
              </td>
              <td className="px-4 py-2.5 whitespace-nowrap">{formatDay(invoice.issueDate)}</td>
              <td className="px-4 py-2.5 whitespace-nowrap">{formatDay(invoice.dueDate)}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{money(invoice.total, invoice.currency)}</td>
              <td className="px-4 py-2.5 text-right font-medium tabular-nums">{money(invoice.balance, invoice.currency)}</td>
              <td className="px-4 py-2.5">
                <StatusPill status={invoice.status} />
              </td>
              <td className="px-4 py-2 text-right whitespace-nowrap">
                {unpaid ? (
                  <Link href={`/client/invoices/${invoice.id}/pay`} className={buttonClass('primary', 'h-8')} aria-label={`Pay ${invoice.number}`}>
                    Pay
                  </Link>
                ) : null}
                <a
                  href={`/client/invoices/${invoice.id}/pdf`}
                  className={buttonClass('ghost', 'ml-1 h-8')}
                  aria-label={`PDF of ${invoice.number}`}
                  title="Download PDF"
                >
                  <Download className="size-4" aria-hidden />
                </a>
              </td>
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
