import { notFound } from 'next/navigation';
import { api } from '@/server/api/server-caller';
import { percentOfMilli } from '@/server/schemas/resellers';
import type { SearchParams } from '../../_lib/format';
import { listParams, readParams } from '../../_lib/list-params';
import { Card, PageHeader } from '../ui/card';
import type { ConsoleBase } from './base-path';
import { CustomerTable } from './customer-table';
import { EditReseller, ToggleReseller } from './reseller-actions';
import { resellerChoices } from './reseller-choices';
import { ResellerKeys } from './reseller-keys';

/**
 * A reseller's page in either console: its profile, Edit and Disable/Enable, and the customers it
 * holds directly. The desk also manages its API keys; in a reseller's console (a sub-reseller's
 * page) keys stay with their own reseller or the admin. A reseller outside the reach is a 404.
 */
export async function ResellerView({ id, basePath, searchParams }: { id: string; basePath: ConsoleBase; searchParams: SearchParams }) {
  const { cursor } = readParams(listParams.pages, searchParams);
  const trpc = await api();
  const reseller = await trpc.resellers.get({ id }).catch(() => notFound());
  const [customers, { choices, names, self }] = await Promise.all([trpc.resellers.customers({ id, cursor, limit: 20 }), resellerChoices(basePath)]);
  const commissionPercent = percentOfMilli(reseller.commissionMilli);
  const facts: Array<[string, string]> = [
    ['Commission', `${commissionPercent} %`],
    ['Parent reseller', reseller.parentId ? (names.get(reseller.parentId) ?? '—') : '—'],
    ['Permissions', reseller.permissions.join(', ') || 'none'],
    ['Sees its parent’s customers', reseller.seeParentCustomers ? 'yes' : 'no'],
    ['May create sub-resellers', reseller.mayCreateSubResellers ? 'yes' : 'no'],
    ['Currency', reseller.currency ?? 'settings default'],
    ['Status', reseller.active ? 'active' : 'disabled'],
  ];
  return (
    <>
      <PageHeader title={reseller.name} description={reseller.email}>
        <EditReseller reseller={{ ...reseller, commissionPercent }} choices={choices} />
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
      {self === null ? <ResellerKeys resellerId={reseller.id} /> : null}
      <h2 className="mb-2 text-lg font-semibold">Customers</h2>
      <CustomerTable customers={customers.items} nextCursor={customers.nextCursor} basePath={basePath} q={undefined} />
    </>
  );
}
