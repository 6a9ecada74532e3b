import type { Metadata } from 'next';
import { PaymentList } from '../../_components/console/payment-list';
import type { SearchParams } from '../../_lib/format';
import { requireArea, requirePermissionPage } from '../../_lib/guard';

export const metadata: Metadata = { title: 'Payments' };

export default async function ResellerPaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('reseller');
  await requirePermissionPage('invoices.view');
  // The service scopes the list to the reseller's book.
  return <PaymentList basePath="/reseller" searchParams={await searchParams} />;
}
