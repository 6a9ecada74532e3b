import type { Metadata } from 'next';
import { CustomerList } from '../../_components/console/customer-list';
import type { SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';

export const metadata: Metadata = { title: 'My customers' };

export default async function ResellerCustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('reseller');
  // The service scopes the list to the reseller's book and files a new customer under it.
  return <CustomerList basePath="/reseller" searchParams={await searchParams} title="My customers" description="The customers you resell to." />;
}
