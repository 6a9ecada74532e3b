import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { PrintButton } from '../../../../_components/invoice/print-button';
import { PageHeader } from '../../../../_components/ui/card';
import { recordId, requireArea } from '../../../../_lib/guard';
import { moneyFormatter } from '../../../../_lib/money';

export const metadata: Metadata = { title: 'Prepaid cards — printable sheet' };

/**
 * The batch's cards to print and cut: code, value and expiry on each. Only unused cards are
 * printed (a redeemed or voided code is worth nothing). Opening it is audited by the service.
 */
export default async function PrepaidCardSheet({ params }: { params: Promise<{ id: string }> }) {
  await requireArea('admin');
  const id = await recordId(params);
  const money = await moneyFormatter();
  const batch = await (await api()).vouchers.sheet({ id });
  const cards = batch.cards.filter((card) => card.status === 'unused');
  return (
    <>
      <div className="print:hidden">
        <PageHeader
          title="Printable sheet"
          description={`${cards.length} unused card${cards.length === 1 ? '' : 's'} of ${batch.name ?? 'this batch'}; cut along the borders.`}
        >
          <Link href={`/admin/prepaid-cards/${batch.id}`} className="text-sm text-fg-muted hover:underline">
            Back to the batch
          </Link>
          <PrintButton />
        </PageHeader>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3 print:gap-2" data-testid="card-sheet">
        {cards.map((card) => (
          <div
            key={card.id}
            className="break-inside-avoid rounded-lg border border-dashed border-border bg-surface p-4 print:border-black"
            data-testid="printed-card"
          >
            <div className="text-xs tracking-wide text-fg-muted uppercase">Prepaid card</div>
            <div className="mt-1 text-2xl font-semibold tabular-nums">{money(batch.value, batch.currency)}</div>
            <div className="mt-3 font-mono text-lg tracking-widest" data-testid="card-code">
              {card.code}
            </div>
            <div className="mt-2 text-xs text-fg-muted">Redeem under Credit in your account before the end of {batch.expiresOn}.</div>
          </div>
        ))}
      </div>
    </>
  );
}
