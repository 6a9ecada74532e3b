import type { Metadata } from 'next';
import { OrderList } from '../../_components/console/order-list';
import type { SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';

export const metadata: Metadata = { title: 'Orders' };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  return <OrderList basePath="/admin" searchParams={await searchParams} />;
}
