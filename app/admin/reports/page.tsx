import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageHeader } from '../../_components/ui/card';
import { requireArea } from '../../_lib/guard';

export const metadata: Metadata = { title: 'Reports' };

const reports = [
  { href: '/admin/reports/revenue', title: 'Revenue', text: 'Invoiced, collected, refunded and net per day or month, against the period before.' },
  {
    href: '/admin/reports/mrr',
    title: 'MRR',
    text: 'Monthly recurring revenue at each month’s end with new, expansion, contraction and churn; ARR beside it.',
  },
  { href: '/admin/reports/aging', title: 'Receivables aging', text: 'Open balances per customer: current, 1–30, 31–60, 61–90 and over 90 days past due.' },
  { href: '/admin/reports/tax', title: 'Tax', text: 'Taxable amount and tax per rate of the documents issued, for a VAT or GST return.' },
  {
    href: '/admin/reports/resellers',
    title: 'Reseller performance',
    text: 'Per reseller: customers, new customers, billed, collected, collection rate, churned services and commission.',
  },
  { href: '/admin/reports/commissions', title: 'Commissions', text: 'What each reseller earned on its customers’ invoices, and what is left to pay out.' },
  { href: '/admin/transactions', title: 'Transactions', text: 'Every movement of money in the ledger, with filters and CSV.' },
] as const;

export default async function ReportsPage() {
  await requireArea('admin');
  return (
    <>
      <PageHeader title="Reports" description="What the money did: each report has date presets, a currency switch, CSV and a printable page." />
      <ul className="grid gap-4 md:grid-cols-2" aria-label="Reports">
        {reports.map((r) => (
          <li key={r.href}>
            <Card className="h-full p-5">
              <h2 className="font-semibold">
                <Link href={r.href} className="text-accent hover:underline">
                  {r.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-fg-muted">{r.text}</p>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
