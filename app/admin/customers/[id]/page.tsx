import type { Metadata } from 'next';
import { CustomerView } from '../../../_components/console/customer-view';
import { recordId, requireArea } from '../../../_lib/guard';

export const metadata: Metadata = { title: 'Customer' };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea('admin');
  return <CustomerView id={await recordId(params)} basePath="/admin" />;
}
