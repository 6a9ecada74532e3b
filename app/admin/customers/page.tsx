import type { Metadata } from 'next';
import { CustomerList } from '../../_components/console/customer-list';
import type { SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';

export const metadata: Metadata = { title: 'Customers' };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  return <CustomerList basePath="/admin" searchParams={await searchParams} title="Customers" description="Everyone you bill, newest first." />;
}
