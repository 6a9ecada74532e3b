import type { Metadata } from 'next';
import { CustomerView } from '../../../_components/console/customer-view';
import { recordId, requireArea } from '../../../_lib/guard';

export const metadata: Metadata = { title: 'Customer' };

export default async function ResellerCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea('reseller');
  // Scoped by the services: a customer outside the reseller's book is the not-found page.
  return <CustomerView id={await recordId(params)} basePath="/reseller" />;
}
