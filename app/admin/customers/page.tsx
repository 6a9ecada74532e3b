import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { CustomerTable } from '../../_components/console/customer-table';
import { SearchBox } from '../../_components/console/search-box';
import { PageHeader } from '../../_components/ui/card';
import type { SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';
import { listParams, readParams } from '../../_lib/list-params';
import { CreateCustomer } from './create-customer';

export const metadata: Metadata = { title: 'Customers' };

const pageSize = 20;

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  const { q, cursor } = readParams(listParams.customers, await searchParams);
  const page = await (await api()).customers.list({ q, cursor, limit: pageSize });
  return (
    <>
      <PageHeader title="Customers" description="Everyone you bill, newest first.">
        <CreateCustomer />
      </PageHeader>
      <div className="mb-4">
        <SearchBox placeholder="Search by name or e-mail" />
      </div>
      <CustomerTable customers={page.items} nextCursor={page.nextCursor} basePath="/admin/customers" q={q} />
    </>
  );
}
