import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { buttonClass } from '../../_components/ui/button';
import { Card, PageHeader } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { StatusPill } from '../../_components/ui/status-pill';
import { requireArea } from '../../_lib/guard';
import { pageFormats } from '../../_lib/money';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal.services'))('title') };
}

// Live services first, then what has ended; within each, the next due date first.
const rank: Record<string, number> = { active: 0, suspended: 1, pending: 2, failed: 3, cancelled: 4, terminated: 5 };

export default async function ClientServices() {
  await requireArea('client');
  const [t, tc, { money, day }] = await Promise.all([getTranslations('portal.services'), getTranslations('common'), pageFormats()]);
  const { services } = await (await api()).portal.account();
  const rows = [...services].sort((a, b) => (rank[a.status] ?? 9) - (rank[b.status] ?? 9) || a.nextDueDate.localeCompare(b.nextDueDate));
  return (
    <>
      <PageHeader title={t('title')} description={t('description')}>
        <Link href="/store" className={buttonClass('secondary')}>
          {t('orderMore')}
        </Link>
      </PageHeader>
      <Card className="overflow-hidden">
        <DataTable
          scroll
          label={t('label')}
          columns={[
            { label: t('service') },
            { label: t('cycle') },
            { label: t('price'), align: 'right' },
            { label: t('paidUntil') },
            { label: t('nextDue') },
            { label: t('status') },
          ]}
          empty={rows.length === 0 ? t('empty') : undefined}
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
                <td className="px-4 py-2.5">{tc(`cycle.${service.cycle}`)}</td>
                <td className="px-4 py-2.5 text-right tabular-nums">{money(service.price - service.recurringDiscount, service.currency)}</td>
                <td className="px-4 py-2.5 whitespace-nowrap">{day(service.periodEnd)}</td>
                <td className="px-4 py-2.5 whitespace-nowrap">{day(ended ? null : service.nextDueDate)}</td>
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
