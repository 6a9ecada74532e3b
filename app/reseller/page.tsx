import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { CustomerTable } from '../_components/console/customer-table';
import { SearchBox } from '../_components/console/search-box';
import { PageHeader } from '../_components/ui/card';
import type { SearchParams } from '../_lib/format';
import { requireArea } from '../_lib/guard';
import { listParams, readParams } from '../_lib/list-params';

export const metadata: Metadata = { title: 'My customers' };

export default async function ResellerHome({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('reseller');
  const { q, cursor } = readParams(listParams.customers, await searchParams);
  // The service scopes this to the reseller's own book; no filter is needed here.
  const page = await (await api()).customers.list({ q, cursor, limit: 20 });
  return (
    <>
      <PageHeader title="My customers" description="The customers you resell to." />
      <div className="mb-4">
        <SearchBox placeholder="Search by name or e-mail" />
      </div>
      <CustomerTable customers={page.items} nextCursor={page.nextCursor} basePath="/reseller" q={q} />
    </>
  );
}
