import type { Metadata } from 'next';
import { InvoiceList } from '../../_components/console/invoice-list';
import type { SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';

export const metadata: Metadata = { title: 'Invoices' };

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  return <InvoiceList basePath="/admin" searchParams={await searchParams} />;
}
