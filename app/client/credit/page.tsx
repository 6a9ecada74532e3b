import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { topUpBounds } from '@/server/billing/top-up';
import { Card, PageHeader } from '../../_components/ui/card';
import { cn } from '../../_components/ui/cn';
import { DataTable } from '../../_components/ui/data-table';
import { formatMoment } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';
import { moneyFormatter } from '../../_lib/money';
import { RedeemCard } from './redeem-card';
import { TopUp } from './top-up';

export const metadata: Metadata = { title: 'Credit' };

const kinds: Record<string, string> = {
  adjustment: 'Adjustment',
  credit_note: 'Credit note',
  overpayment: 'Overpayment',
  applied_to_invoice: 'Paid an invoice',
  refund_to_credit: 'Refund to credit',
  payout: 'Paid out',
  top_up: 'Top-up',
};

/** The credit balance and its append-only ledger, newest first. */
export default async function ClientCredit() {
  await requireArea('client');
  const money = await moneyFormatter();
  const { customer, ledger } = await (await api()).portal.account();
  const bounds = topUpBounds(customer.currency);
  return (
    <>
      <PageHeader
        title="Credit"
        description="Credit on your account pays your invoices; it comes from top-ups, prepaid cards, credit notes, overpayments and adjustments."
      />
      <div className="mb-6 grid gap-4 md:grid-cols-3">
        <Card className="p-5">
          <div className="text-sm text-fg-muted">Credit balance</div>
          <div className="mt-1 text-3xl font-semibold tabular-nums" data-testid="credit-balance">
            {money(customer.creditBalance, customer.currency)}
          </div>
        </Card>
        <Card className="p-5" aria-labelledby="redeem-title">
          <h2 id="redeem-title" className="mb-3 font-semibold">
            Redeem a prepaid card
          </h2>
          <RedeemCard />
        </Card>
        <Card className="p-5" aria-labelledby="top-up-title">
          <h2 id="top-up-title" className="mb-3 font-semibold">
            Top up
          </h2>
          <TopUp currency={customer.currency} range={`${money(bounds.min, customer.currency)} to ${money(bounds.max, customer.currency)}`} />
        </Card>
      </div>
      <Card className="overflow-hidden">
        <DataTable
          scroll
          label="Credit ledger"
          columns={[{ label: 'When' }, { label: 'What' }, { label: 'Details' }, { label: 'Amount', align: 'right' }]}
          empty={ledger.length === 0 ? 'No credit movements yet.' : undefined}
        >
          {ledger.map((entry) => (
            <tr key={entry.id}>
              <td className="px-4 py-2.5 whitespace-nowrap">{formatMoment(entry.createdAt)}</td>
              <td className="px-4 py-2.5">{kinds[entry.kind] ?? entry.kind}</td>
              <td className="px-4 py-2.5">
                {entry.reason}
                {entry.invoiceId ? (
                  <Link href={`/client/invoices/${entry.invoiceId}`} className="ml-2 text-accent hover:underline">
                    Invoice
                  </Link>
                ) : null}
              </td>
              <td className={cn('px-4 py-2.5 text-right font-medium tabular-nums', entry.amount < 0n ? 'text-fg-muted' : 'text-success')}>
                {entry.amount > 0n ? '+' : '−'}
                {money(entry.amount < 0n ? -entry.amount : entry.amount, entry.currency)}
              </td>
            </tr>
          ))}
        </DataTable>
        {ledger.length >= 100 ? <p className="border-t border-border px-4 py-3 text-sm text-fg-muted">The latest 100 movements.</p> : null}
      </Card>
    </>
  );
}
