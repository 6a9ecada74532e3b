import { Download } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { LocaleFormats } from '@/i18n/format';
import type { InvoiceKind } from '@/server/billing/invoice-status';
import { buttonClass } from '../_components/ui/button';
import { cn } from '../_components/ui/cn';
import { DataTable } from '../_components/ui/data-table';
import { StatusPill } from '../_components/ui/status-pill';
import { isOpen } from './open-invoices';

export type InvoiceRow = {
  id: string;
  number: string | null;
  kind: InvoiceKind;
  status: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  total: bigint;
  balance: bigint;
};

// A phone shows the number (with due date and status under it), the balance and Pay: the other
// columns give way rather than push Pay off the screen.
const wide = 'hidden sm:table-cell';
const cell = 'px-3 py-2.5 sm:px-4';

/** The portal's invoice table: unpaid rows tinted (overdue in red, as in the admin list), each with Pay and PDF. */
export function InvoiceRows({ invoices, formats, empty }: { invoices: InvoiceRow[]; formats: LocaleFormats; empty?: string }) {
  const t = useTranslations('portal.invoiceTable');
  const tc = useTranslations('common');
  const { money, day } = formats;
  return (
    <DataTable
      scroll
      label={t('label')}
      columns={[
        { label: t('number'), className: cell },
        { label: t('issued'), className: wide },
        { label: t('due'), className: wide },
        { label: t('total'), align: 'right', className: wide },
        { label: t('balance'), align: 'right', className: cell },
        { label: t('status'), className: wide },
        { label: '', className: cell },
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
            <td className={cn(cell, 'font-medium whitespace-nowrap')}>
              <Link href={`/client/invoices/${invoice.id}`} className="hover:underline">
                {invoice.number}
              </Link>
              {invoice.kind !== 'invoice' ? <span className="ml-2 text-xs text-fg-muted">{tc(`document.${invoice.kind}`)}</span> : null}
              <span className="mt-0.5 flex items-center gap-2 text-xs font-normal text-fg-muted sm:hidden">
                {t('dueOn', { date: day(invoice.dueDate) })} <StatusPill status={invoice.status} />
              </span>
            </td>
            <td className={cn(wide, 'px-4 py-2.5 whitespace-nowrap')}>{day(invoice.issueDate)}</td>
            <td className={cn(wide, 'px-4 py-2.5 whitespace-nowrap')}>{day(invoice.dueDate)}</td>
            <td className={cn(wide, 'px-4 py-2.5 text-right tabular-nums')}>{money(invoice.total, invoice.currency)}</td>
            <td className={cn(cell, 'text-right font-medium tabular-nums')}>{money(invoice.balance, invoice.currency)}</td>
            <td className={cn(wide, 'px-4 py-2.5')}>
              <StatusPill status={invoice.status} />
            </td>
            <td className={cn(cell, 'py-2 text-right whitespace-nowrap')}>
              {unpaid ? (
                <Link
                  href={`/client/invoices/${invoice.id}/pay`}
                  className={buttonClass('primary', 'h-8')}
                  aria-label={t('payNamed', { number: invoice.number ?? '' })}
                >
                  {t('pay')}
                </Link>
              ) : null}
              <a
                href={`/client/invoices/${invoice.id}/pdf`}
                className={buttonClass('ghost', 'ml-1 h-8')}
                aria-label={t('pdfNamed', { number: invoice.number ?? '' })}
                title={t('downloadPdf')}
              >
                <Download className="size-4" aria-hidden />
              </a>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
