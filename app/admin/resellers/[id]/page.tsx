import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { api } from '@/server/api/server-caller';
import { percentOfMilli } from '@/server/schemas/resellers';
import { CustomerTable } from '../../../_components/console/customer-table';
import { ResellerKeys } from '../../../_components/console/reseller-keys';
import { Card, PageHeader } from '../../../_components/ui/card';
import type { SearchParams } from '../../../_lib/format';
import { recordId, requireArea } from '../../../_lib/guard';
import { listParams, readParams } from '../../../_lib/list-params';
import { EditReseller, ToggleReseller } from './reseller-actions';

export const metadata: Metadata = { title: 'Reseller' };

export default async function ResellerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  const id = await recordId(params);
  const { cursor } = readParams(listParams.pages, await searchParams);
  const trpc = await api();
  const reseller = await trpc.resellers.get({ id }).catch(() => notFound());
  const [customers, all] = await Promise.all([trpc.resellers.customers({ id, cursor, limit: 20 }), trpc.resellers.list({ limit: 200 })]);
  const commissionPercent = percentOfMilli(reseller.commissionMilli);
  const parent = all.items.find((r) => r.id === reseller.parentId);
  const facts: Array<[string, string]> = [
    ['Commission', `${commissionPercent} %`],
    ['Parent reseller', parent?.name ?? '—'],
    ['Permissions', reseller.permissions.join(', ') || 'none'],
    ['Sees its parent’s customers', reseller.seeParentCustomers ? 'yes' : 'no'],
    ['May create sub-resellers', reseller.mayCreateSubResellers ? 'yes' : 'no'],
    ['Currency', reseller.currency ?? 'settings default'],
    ['Status', reseller.active ? 'active' : 'disabled'],
  ];
  return (
    <>
      <PageHeader title={reseller.name} description={reseller.email}>
        <EditReseller reseller={{ ...reseller, commissionPercent }} parents={all.items.map((r) => ({ id: r.id, name: r.name }))} />
        <ToggleReseller reseller={reseller} />
      </PageHeader>
      <Card className="mb-6 p-4">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-4 border-b border-border py-1">
              <dt className="text-fg-muted">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <ResellerKeys resellerId={reseller.id} />
      <h2 className="mb-2 text-lg font-semibold">Customers</h2>
      <CustomerTable customers={customers.items} nextCursor={customers.nextCursor} basePath="/admin" q={undefined} />
    </>
  );
}
