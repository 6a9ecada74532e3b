import { Download, Printer } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { buttonClass } from '../../../_components/ui/button';
import { Card, PageHeader } from '../../../_components/ui/card';
import { DataTable } from '../../../_components/ui/data-table';
import { Facts } from '../../../_components/ui/facts';
import { StatusPill } from '../../../_components/ui/status-pill';
import { recordId, requireArea } from '../../../_lib/guard';
import { consoleFormats } from '../../../_lib/money';
import { VoidBatch, VoidCard } from './void-actions';

export const metadata: Metadata = { title: 'Prepaid card batch' };

/** One batch: its facts, the sheet and CSV of its codes, and each card's state (by its last four symbols). */
export default async function PrepaidCardBatchPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea('admin');
  const formats = await consoleFormats();
  const id = await recordId(params);
  const { money } = formats;
  const batch = await (await api()).vouchers.batch({ id });
  const title = batch.name ?? `Batch ${batch.id.slice(0, 8)}`;
  const open = batch.cards.filter((card) => card.status === 'unused').length;
  return (
    <>
      <PageHeader
        title={title}
        description="The codes themselves appear only on the printable sheet and in the CSV; opening either is recorded in the audit log."
      >
        <Link className={buttonClass('secondary')} href={`/admin/prepaid-cards/${batch.id}/sheet`}>
          <Printer className="size-4" aria-hidden /> Printable sheet
        </Link>
        <a className={buttonClass('secondary')} href={`/admin/prepaid-cards/${batch.id}/codes`} download>
          <Download className="size-4" aria-hidden /> Download CSV
        </a>
        {batch.voidedAt ? null : <VoidBatch id={batch.id} open={open} />}
      </PageHeader>
      <Card className="mb-6 p-5">
        <Facts
          className="grid grid-cols-2 gap-4 text-sm md:grid-cols-5"
          valueClassName="mt-0.5 font-medium"
          items={[
            ['Value per card', money(batch.value, batch.currency)],
            ['Expires on', batch.expiresOn],
            ['Cards', `${batch.count}`],
            ['Redeemed', `${batch.redeemed}`],
            ['Status', <StatusPill key="status" status={batch.voidedAt ? 'voided' : 'active'} />],
          ]}
        />
      </Card>
      <Card className="overflow-x-auto">
        <DataTable label="Cards" columns={[{ label: 'Card' }, { label: 'Status' }, { label: 'Redeemed' }, { label: 'Invoice' }, { label: '' }]}>
          {batch.cards.map((card) => (
            <tr key={card.id} data-testid="prepaid-card">
              <td className="px-4 py-2.5 font-mono">…{card.codeTail}</td>
              <td className="px-4 py-2.5">
                <StatusPill status={card.status} />
              </td>
              <td className="px-4 py-2.5 whitespace-nowrap">
                {card.redeemedAt && card.redeemedById ? (
                  <Link href={`/admin/customers/${card.redeemedById}`} className="hover:underline">
                    {formats.moment(card.redeemedAt)}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
              <td className="px-4 py-2.5">
                {card.invoiceId ? (
                  <Link href={`/admin/invoices/${card.invoiceId}`} className="hover:underline">
                    View invoice
                  </Link>
                ) : (
                  '—'
                )}
              </td>
              <td className="px-4 py-2.5 text-right">{card.status === 'unused' ? <VoidCard id={card.id} tail={card.codeTail} /> : null}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
