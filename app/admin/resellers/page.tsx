import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { percentOfMilli } from '@/server/schemas/resellers';
import { ListPager } from '../../_components/console/list-chrome';
import { SearchBox } from '../../_components/console/search-box';
import { Card, PageHeader } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { formatDay, type SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';
import { listParams, readParams } from '../../_lib/list-params';
import { CreateReseller } from './create-reseller';

export const metadata: Metadata = { title: 'Resellers' };

const pageSize = 20;

export default async function ResellersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  const { q, cursor } = readParams(listParams.resellers, await searchParams);
  const trpc = await api();
  const [page, all] = await Promise.all([trpc.resellers.list({ q, cursor, limit: pageSize }), trpc.resellers.list({ limit: 200 })]);
  const names = new Map(all.items.map((r) => [r.id, r.name]));
  return (
    <>
      <PageHeader title="Resellers" description="Partners who bill their own customers, with their commission and what they may do.">
        <CreateReseller parents={all.items.map((r) => ({ id: r.id, name: r.name }))} />
      </PageHeader>
      <div className="mb-4">
        <SearchBox placeholder="Search by name or e-mail" />
      </div>
      <Card className="overflow-hidden">
        <DataTable
          label="Resellers"
          columns={[{ label: 'Name' }, { label: 'Commission', align: 'right' }, { label: 'Parent' }, { label: 'Permissions' }, { label: 'Created' }]}
          empty={page.items.length === 0 ? (q ? `No reseller matches “${q}”.` : 'No resellers yet.') : undefined}
        >
          {page.items.map((r) => (
            <tr key={r.id} className="align-top">
              <td className="px-4 py-2.5">
                <Link href={`/admin/resellers/${r.id}`} className="font-medium hover:underline">
                  {r.name}
                </Link>
                {r.active ? null : <span className="ml-2 rounded bg-danger/10 px-1.5 py-0.5 text-xs text-danger">disabled</span>}
                <div className="text-xs text-fg-muted">{r.email}</div>
              </td>
              <td className="px-4 py-2.5 text-right tabular-nums">{percentOfMilli(r.commissionMilli)} %</td>
              <td className="px-4 py-2.5">{r.parentId ? (names.get(r.parentId) ?? '—') : '—'}</td>
              <td className="px-4 py-2.5 text-xs text-fg-muted">{r.permissions.join(', ') || 'none'}</td>
              <td className="px-4 py-2.5 text-fg-muted">{formatDay(r.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
        <ListPager shown={page.items.length} next={page.nextCursor} />
      </Card>
    </>
  );
}
