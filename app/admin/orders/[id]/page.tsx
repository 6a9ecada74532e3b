import type { Metadata } from 'next';
import { OrderView } from '../../../_components/console/order-view';
import { recordId, requireArea } from '../../../_lib/guard';

export const metadata: Metadata = { title: 'Order' };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea('admin');
  return <OrderView id={await recordId(params)} basePath="/admin" />;
}
