import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { Card, PageHeader } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { StatusPill } from '../../_components/ui/status-pill';
import { requireArea } from '../../_lib/guard';
import { consoleFormats } from '../../_lib/money';
import { CreateBatch } from './create-batch';

export const metadata: Metadata = { title: 'Prepaid cards' };

/** Batches of prepaid cards, newest first: what each card is worth, until when, and how many are used. */
export default async function PrepaidCardsPage() {
  await requireArea('admin');
  const formats = await consoleFormats();
  const { money } = formats;
  const batches = await (await api()).vouchers.batches();
  return (
    <>
      <PageHeader title="Prepaid cards" description="Batches of voucher codes customers redeem in their portal for account credit.">
        <CreateBatch />
      </PageHeader>
      <Card className="overflow-x-auto">
        <DataTable
          label="Prepaid card batches"
          columns={[
            { label: 'Batch' },
            { label: 'Value', align: 'right' },
            { label: 'Cards', align: 'right' },
            { label: 'Redeemed', align: 'right' },
            { label: 'Expires' },
            { label: 'Status' },
            { label: 'Created' },
          ]}
          empty={batches.length === 0 ? 'No batches yet. Generate one to print prepaid cards.' : undefined}
        >
          {batches.map((batch) => (
            <tr key={batch.id} className="hover:bg-muted/40">
              <td className="px-4 py-2.5">
                <Link href={`/admin/prepaid-cards/${batch.id}`} className="font-medium hover:underline">
                  {batch.name ?? `Batch ${batch.id.slice(0, 8)}`}
                </Link>
              </td>
              <td className="px-4 py-2.5 text-right tabular-nums">{money(batch.value, batch.currency)}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{batch.count}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{batch.redeemed}</td>
              <td className="px-4 py-2.5 whitespace-nowrap">{batch.expiresOn}</td>
              <td className="px-4 py-2.5">
                <StatusPill status={batch.voidedAt ? 'voided' : 'active'} />
              </td>
              <td className="px-4 py-2.5 whitespace-nowrap text-fg-muted">{formats.moment(batch.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
