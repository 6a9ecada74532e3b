import Link from 'next/link';
import { notFound } from 'next/navigation';
import { api } from '@/server/api/server-caller';
import { percentOfMilli } from '@/server/schemas/resellers';
import { monthOf } from '@/server/services/resellers/commissions';
import type { SearchParams } from '../../_lib/format';
import { listParams, readParams } from '../../_lib/list-params';
import { moneyFormatter } from '../../_lib/money';
import { Card, PageHeader } from '../ui/card';
import type { ConsoleBase } from './base-path';
import { CommissionsTable } from './commissions';
import { CustomerTable } from './customer-table';
import { InvoiceRows } from './invoice-rows';
import { EditReseller, ToggleReseller } from './reseller-actions';
import { resellerChoices, resellersPath } from './reseller-choices';
import { ResellerKeys } from './reseller-keys';

/**
 * A reseller's page in either console: its profile, Edit and Disable/Enable, the customers it
 * holds directly, its sub-resellers, its customers' latest invoices and (for the desk) this
 * month's commission. The desk also manages its API keys; in a reseller's console (a sub-reseller's
 * page) keys stay with their own reseller or the admin. A reseller outside the reach is a 404.
 */
export async function ResellerView({ id, basePath, searchParams }: { id: string; basePath: ConsoleBase; searchParams: SearchParams }) {
  const { cursor } = readParams(listParams.pages, searchParams);
  const trpc = await api();
  const reseller = await trpc.resellers.get({ id }).catch(() => notFound());
  const me = await trpc.me();
  const may = (permission: (typeof me.permissions)[number]) => me.permissions.includes(permission);
  const [customers, { choices, names, self }, subResellers, invoices, commissions, money] = await Promise.all([
    trpc.resellers.customers({ id, cursor, limit: 20 }),
    resellerChoices(basePath),
    trpc.resellers.list({ parent_id: id, limit: 50 }),
    may('invoices.view') ? trpc.invoices.list({ reseller_id: id, limit: 10, date_field: 'issue', format: 'json' }).then((page) => page.items) : [],
    // The desk's report holds every reseller's rows; this page shows this one's, this month.
    basePath === '/admin' && may('reports.view')
      ? trpc.commissions.report(monthOf(new Date())).then((rows) => rows.filter((row) => row.resellerId === id))
      : null,
    moneyFormatter(),
  ]);
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

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">Sub-resellers</h2>
          {subResellers.items.length === 0 ? <p className="text-sm text-fg-muted">None.</p> : null}
          <ul className="divide-y divide-border text-sm" aria-label="Sub-resellers">
            {subResellers.items.map((sub) => (
              <li key={sub.id} className="flex items-center justify-between gap-2 py-2">
                <Link href={`${resellersPath(basePath)}/${sub.id}`} className="text-accent hover:underline">
                  {sub.name}
                </Link>
                <span className="tabular-nums">{percentOfMilli(sub.commissionMilli)} %</span>
              </li>
            ))}
          </ul>
        </Card>
        {may('invoices.view') ? (
          <Card className="p-5">
            <h2 className="mb-3 font-semibold">Latest invoices of its customers</h2>
            {invoices.length === 0 ? <p className="text-sm text-fg-muted">None yet.</p> : null}
            <InvoiceRows invoices={invoices} basePath={basePath} money={money} label="Reseller invoices" showCustomer />
          </Card>
        ) : null}
      </div>

      {commissions ? (
        <>
          <h2 className="mt-6 mb-2 text-lg font-semibold">Commission this month</h2>
          <Card className="overflow-hidden">
            <CommissionsTable rows={commissions} money={money} />
          </Card>
        </>
      ) : null}
    </>
  );
}
