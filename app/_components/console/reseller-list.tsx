import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { percentOfMilli } from '@/server/schemas/resellers';
import { type SearchParams } from '../../_lib/format';
import { listParams, readParams } from '../../_lib/list-params';
import { consoleFormats } from '../../_lib/money';
import { Card, PageHeader } from '../ui/card';
import { DataTable } from '../ui/data-table';
import type { ConsoleBase } from './base-path';
import { CreateReseller } from './create-reseller';
import { ListPager } from './list-chrome';
import { resellerChoices, resellersPath } from './reseller-choices';
import { SearchBox } from './search-box';

const pageSize = 20;

/**
 * The resellers a console manages, with search and paging: at the desk every reseller, in a
 * reseller's console the sub-resellers below it (the services decide; the page adds no filter).
 * New … only for those who may create one: a reseller the admin has not allowed is told so.
 */
export async function ResellerList({ basePath, searchParams }: { basePath: ConsoleBase; searchParams: SearchParams }) {
  const formats = await consoleFormats();
  const { q, cursor } = readParams(listParams.resellers, searchParams);
  const trpc = await api();
  const [page, { choices, names, self }] = await Promise.all([trpc.resellers.list({ q, cursor, limit: pageSize }), resellerChoices(basePath)]);
  const desk = self === null;
  const path = resellersPath(basePath);
  return (
    <>
      <PageHeader
        title={desk ? 'Resellers' : 'Sub-resellers'}
        description={
          desk
            ? 'Partners who bill their own customers, with their commission and what they may do.'
            : 'Resellers below you: their commission, at most your own, and what they may do, at most what you may.'
        }
      >
        {desk ? <CreateReseller noun="reseller" choices={choices} /> : null}
        {self?.mayCreateSubResellers ? <CreateReseller noun="sub-reseller" choices={choices} defaultParent={self.id} /> : null}
      </PageHeader>
      {self && !self.mayCreateSubResellers ? (
        <p className="mb-4 rounded-md border border-border bg-muted px-4 py-3 text-sm text-fg-muted" data-testid="sub-resellers-not-allowed">
          The administrator has not allowed you to create sub-resellers; ask them if you need to.
        </p>
      ) : null}
      <div className="mb-4">
        <SearchBox placeholder="Search by name or e-mail" />
      </div>
      <Card className="overflow-hidden">
        <DataTable
          label={desk ? 'Resellers' : 'Sub-resellers'}
          columns={[{ label: 'Name' }, { label: 'Commission', align: 'right' }, { label: 'Parent' }, { label: 'Permissions' }, { label: 'Created' }]}
          empty={page.items.length === 0 ? (q ? `No reseller matches “${q}”.` : desk ? 'No resellers yet.' : 'No sub-resellers yet.') : undefined}
        >
          {page.items.map((r) => (
            <tr key={r.id} className="align-top">
              <td className="px-4 py-2.5">
                <Link href={`${path}/${r.id}`} className="font-medium hover:underline">
                  {r.name}
                </Link>
                {r.active ? null : <span className="ml-2 rounded bg-danger/10 px-1.5 py-0.5 text-xs text-danger">disabled</span>}
                <div className="text-xs text-fg-muted">{r.email}</div>
              </td>
              <td className="px-4 py-2.5 text-right tabular-nums">{percentOfMilli(r.commissionMilli)} %</td>
              <td className="px-4 py-2.5">{r.parentId ? (names.get(r.parentId) ?? '—') : '—'}</td>
              <td className="px-4 py-2.5 text-xs text-fg-muted">{r.permissions.join(', ') || 'none'}</td>
              <td className="px-4 py-2.5 text-fg-muted">{formats.day(r.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
        <ListPager shown={page.items.length} next={page.nextCursor} />
      </Card>
    </>
  );
}
