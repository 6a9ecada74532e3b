import type { Metadata } from 'next';
import { OrderView } from '../../../_components/console/order-view';
import { recordId, requireArea } from '../../../_lib/guard';

export const metadata: Metadata = { title: 'Order' };

export default async function ResellerOrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea('reseller');
  // Scoped by the services: an order outside the reseller's book is the not-found page.
  return <OrderView id={await recordId(params)} basePath="/reseller" />;
}
