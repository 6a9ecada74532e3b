import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import type { WalletEntryView } from '@/server/services/wallet/get';
import { consoleFormats, pageFormats } from '../_lib/money';
import { Card } from './ui/card';
import { cn } from './ui/cn';
import { DataTable } from './ui/data-table';

const kinds: Record<WalletEntryView['kind'], string> = {
  grant: 'Credits granted',
  release: 'Credits available',
  draw: 'Used for usage',
  lapse: 'Lapsed',
  void: 'Voided',
};

/** What an entry moved, as a person reads it: a release makes its pending amount available; the others move one balance (a lapse the one its grant was in). */
function movement(entry: WalletEntryView): { amount: bigint; balance: 'pending' | 'available' } {
  if (entry.kind === 'release') return { amount: entry.available, balance: 'available' };
  return entry.pending !== 0n ? { amount: entry.pending, balance: 'pending' } : { amount: entry.available, balance: 'available' };
}

/**
 * The customer's prepaid wallet — available and pending credits and the latest entries — in the
 * consoles' customer page and the portal (`invoiceBase` keeps invoice links in the area). Shown
 * only once the customer has an entry or a live service whose product includes credits: the
 * other customers have no wallet to speak of.
 */
export async function WalletCard({
  customerId,
  invoiceBase,
}: {
  customerId: string;
  invoiceBase: '/admin/invoices' | '/reseller/invoices' | '/client/invoices';
}) {
  const wallet = await (await api()).customers.wallet({ id: customerId });
  if (wallet.entries.length === 0 && !wallet.includesCredits) return null;
  // The portal writes in the customer's language; the consoles in the settings' locale.
  const { money, day } = invoiceBase === '/client/invoices' ? await pageFormats() : await consoleFormats();
  return (
    <Card className="p-5" data-testid="wallet">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-4">
        <h2 className="font-semibold">Wallet</h2>
        <dl className="flex gap-6 text-sm">
          <div>
            <dt className="text-fg-muted">Available</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid="wallet-available">
              {money(wallet.available, wallet.currency)}
            </dd>
          </div>
          <div>
            <dt className="text-fg-muted">Pending</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid="wallet-pending">
              {money(wallet.pending, wallet.currency)}
            </dd>
          </div>
        </dl>
      </div>
      <p className="mb-3 text-xs text-fg-muted">Included credits are pending until their invoice is paid; usage is paid from available credits first.</p>
      <DataTable
        label="Wallet entries"
        variant="inset"
        columns={[{ label: 'Date' }, { label: 'What' }, { label: 'Invoice' }, { label: 'Amount', align: 'right' }]}
        empty={wallet.entries.length === 0 ? 'No credits yet: they post when an invoice is issued.' : undefined}
      >
        {wallet.entries.map((entry) => {
          const { amount, balance } = movement(entry);
          return (
            <tr key={entry.id}>
              <td className="py-2 whitespace-nowrap text-fg-muted">{day(entry.createdAt)}</td>
              <td className="py-2">
                <span className="font-medium">{kinds[entry.kind]}</span>
                <span className="block text-xs text-fg-muted">
                  {entry.description}
                  {entry.expiresOn ? ` · lapses ${day(entry.expiresOn)}` : ''}
                </span>
              </td>
              <td className="py-2">
                {entry.invoiceId ? (
                  <Link href={`${invoiceBase}/${entry.invoiceId}`} className="text-accent hover:underline">
                    {entry.invoiceNumber ?? 'Invoice'}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
              <td className={cn('py-2 text-right whitespace-nowrap tabular-nums', amount < 0n ? 'text-fg-muted' : 'text-success')}>
                {amount > 0n ? '+' : '−'}
                {money(amount < 0n ? -amount : amount, entry.currency)}
                <span className="block text-xs text-fg-muted">{balance}</span>
              </td>
            </tr>
          );
        })}
      </DataTable>
    </Card>
  );
}
