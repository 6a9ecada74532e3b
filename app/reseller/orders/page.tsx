import type { Metadata } from 'next';
import { OrderList } from '../../_components/console/order-list';
import type { SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';

export const metadata: Metadata = { title: 'Orders' };

export default async function ResellerOrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('reseller');
  // The service scopes the list to the reseller's book.
  return <OrderList basePath="/reseller" searchParams={await searchParams} />;
}
