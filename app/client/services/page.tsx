import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { buttonClass } from '../../_components/ui/button';
import { Card, PageHeader } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { StatusPill } from '../../_components/ui/status-pill';
import { formatDay, humanize } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';
import { moneyFormatter } from '../../_lib/money';

export const metadata: Metadata = { title: 'Services' };

// Live services first, then what has ended; within each, the next due date first.
const rank: Record<string, number> = { active: 0, suspended: 1, pending: 2, failed: 3, cancelled: 4, terminated: 5 };

export default async function ClientServices() {
  await requireArea('client');
  const money = await moneyFormatter();
  const { services } = await (await api()).portal.account();
  const rows = [...services].sort((a, b) => (rank[a.status] ?? 9) - (rank[b.status] ?? 9) || a.nextDueDate.localeCompare(b.nextDueDate));
  return (
    <>
      <PageHeader title="Services" description="What you subscribe to, its status and when it renews.">
        <Link href="/store" className={buttonClass('secondary')}>
          Order more
        </Link>
      </PageHeader>
      <Card className="overflow-hidden">
        <DataTable
          scroll
          label="Services"
          columns={[
            { label: 'Service' },
            { label: 'Cycle' },
            { label: 'Price', align: 'right' },
            { label: 'Paid until' },
            { label: 'Next due' },
            { label: 'Status' },
          ]}
          empty={rows.length === 0 ? 'No services yet.' : undefined}
        >
          {rows.map((service) => {
            const ended = service.status === 'cancelled' || service.status === 'terminated';
            return (
              <tr key={service.id} className={service.status === 'suspended' ? 'bg-danger/5' : undefined}>
                <td className="px-4 py-2.5 font-medium">
                  <Link href={`/client/services/${service.id}`} className="text-accent hover:underline">
                    {service.name}
                  </Link>
                </td>
                <td className="px-4 py-2.5 capitalize">{humanize(service.cycle)}</td>
                <td className="px-4 py-2.5 text-right tabular-nums">{money(service.price - service.recurringDiscount, service.currency)}</td>
                <td className="px-4 py-2.5 whitespace-nowrap">{service.periodEnd ? formatDay(service.periodEnd) : '—'}</td>
                <td className="px-4 py-2.5 whitespace-nowrap">{ended ? '—' : formatDay(service.nextDueDate)}</td>
                <td className="px-4 py-2.5">
                  <StatusPill status={service.status} />
                </td>
              </tr>
            );
          })}
        </DataTable>
      </Card>
    </>
  );
}
