import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { CustomerTable } from '../_components/console/customer-table';
import { SearchBox } from '../_components/console/search-box';
import { PageHeader } from '../_components/ui/card';
import { requireArea } from '../_lib/guard';

export const metadata: Metadata = { title: 'My customers' };

export default async function ResellerHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireArea('reseller');
  const params = await searchParams;
  const q = typeof params.q === 'string' && params.q.trim() ? params.q.trim() : undefined;
  const cursor = typeof params.cursor === 'string' ? params.cursor : undefined;
  // The service scopes this to the reseller's own book; no filter is needed here.
  const page = await (await api()).customers.list({ q, cursor, limit: 20 });
  return (
    <>
      <PageHeader title="My customers" description="The customers you resell to." />
      <div className="mb-4">
        <SearchBox action="/reseller" q={q} placeholder="Search by name or e-mail" />
      </div>
      <CustomerTable customers={page.items} nextCursor={page.nextCursor} basePath="/reseller" q={q} isFirstPage={!cursor} />
    </>
  );
}
