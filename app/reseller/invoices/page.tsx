import type { Metadata } from 'next';
import { InvoiceList } from '../../_components/console/invoice-list';
import type { SearchParams } from '../../_lib/format';
import { requireArea, requirePermissionPage } from '../../_lib/guard';

export const metadata: Metadata = { title: 'Invoices' };

export default async function ResellerInvoicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('reseller');
  await requirePermissionPage('invoices.view');
  // The service scopes the list to the reseller's book.
  return <InvoiceList basePath="/reseller" searchParams={await searchParams} />;
}
